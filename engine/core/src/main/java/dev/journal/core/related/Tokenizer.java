package dev.journal.core.related;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Splits prose into terms for the text signal, and hashes each term to 64 bits.
 *
 * <p>A word is a run of letters, digits and combining marks in any script, lower-cased by code
 * point (never by the JVM's locale). Apostrophes and hyphens end a word, so {@code Korea's} gives
 * {@code korea} and a one-letter leftover that is dropped. Chinese and Japanese, written without
 * spaces, give overlapping pairs of characters, the usual unit for matching them. Words of one
 * character, numbers and words longer than {@value #MAX_LENGTH} characters are left out, and
 * {@link #isStopWord} tells English function words. For English sites a light "S" stemmer (after
 * Harman, 1991) folds plurals onto the singular ({@code sanctions}, {@code policies} to
 * {@code sanction}, {@code policy}).
 *
 * <p>Hand-written rather than a general analyser (Lucene's, {@link java.text.BreakIterator}) for
 * speed: the recommender reads every article of a site in well under a second, so a character
 * costs a table look-up and a multiplication, and a word no allocation. Terms are identified by hash; two distinct words colliding
 * on 64 bits is too unlikely to matter for a ranking.
 */
final class Tokenizer {

    static final int MAX_LENGTH = 40;

    // What each UTF-16 unit is, and its lower case: one table look-up per character.
    private static final byte OTHER = 0;
    private static final byte ASCII_LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte LETTER = 3;
    private static final byte CJK = 4;
    private static final byte SURROGATE = 5;
    private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];
    private static final char[] LOWER_CASE = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int lower = Character.toLowerCase(c);
            LOWER_CASE[c] = Character.isBmpCodePoint(lower) ? (char) lower : (char) c;
            if (Character.isSurrogate((char) c)) {
                KIND[c] = SURROGATE;
            } else if (c < 128) {
                KIND[c] = Character.isLetter(c) ? ASCII_LETTER : Character.isDigit(c) ? DIGIT : OTHER;
            } else if (wordCharacter(c)) {
                KIND[c] = isCjk(c) ? CJK : Character.isDigit(c) ? DIGIT : LETTER;
            }
        }
    }

    private final boolean stem;
    private final TermIds stopWords;

    /** A tokenizer; {@code english} turns on the plural stemmer. */
    Tokenizer(boolean english) {
        this.stem = english;
        this.stopWords = new TermIds(256);
        for (String word : readStopWords()) {
            char[] w = word.toCharArray();
            int len = stem ? stem(w, 0, w.length) : w.length;
            if (len == w.length - 2) {
                w[len - 1] = 'y';
            }
            stopWords.add(hash(w, len), 1);
        }
    }

    /**
     * Adds every term of {@code text} to {@code counts}, each occurrence counting {@code weight}.
     *
     * <p>One pass over the characters that lower-cases and hashes each word as it goes; the hashes
     * of the word's last prefixes are kept so that stemming needs no second pass.
     *
     * @param names when not null, receives each term's text under its hash (for explanations)
     */
    void tokenize(String text, float weight, TermCounts counts, Map<Long, String> names) {
        char[] s = counts.characters(text);
        int n = text.length();
        int cjkPrev = -1;
        int cjkRun = 0;
        int i = 0;
        while (i < n) {
            char c = s[i];
            byte kind = KIND[c];
            int cp = c;
            byte what = kind;
            if (kind == SURROGATE) {
                cp = Character.codePointAt(s, i, n);
                what = !wordCharacter(cp) ? OTHER : isCjk(cp) ? CJK : LETTER;
            }
            if (what == OTHER || what == CJK) {
                if (what == CJK) {
                    if (cjkPrev >= 0) {
                        add(new String(Character.toChars(cjkPrev)) + new String(Character.toChars(cp)), weight,
                                counts, names);
                    }
                    cjkPrev = cp;
                    cjkRun++;
                } else if (cjkRun > 0) {
                    endCjkRun(cjkPrev, cjkRun, weight, counts, names);
                    cjkPrev = -1;
                    cjkRun = 0;
                }
                i += Character.charCount(cp);
                continue;
            }
            if (cjkRun > 0) {
                endCjkRun(cjkPrev, cjkRun, weight, counts, names);
                cjkPrev = -1;
                cjkRun = 0;
            }
            // A word: the hot loop, one table look-up and one multiplication per character.
            int start = i;
            int len = 0;
            boolean ascii = true;
            boolean digits = true;
            long h = BASIS;
            long h1 = 0; // the hash without the last character
            long h2 = 0;
            long h3 = 0; // ... without the last three
            while (true) {
                if (kind == ASCII_LETTER || kind == DIGIT || kind == LETTER) {
                    char lower = LOWER_CASE[c];
                    h3 = h2;
                    h2 = h1;
                    h1 = h;
                    h = (h ^ lower) * PRIME;
                    len++;
                    ascii &= c < 128;
                    digits &= kind == DIGIT;
                    i++;
                } else if (kind == SURROGATE) {
                    cp = Character.codePointAt(s, i, n);
                    if (!wordCharacter(cp) || isCjk(cp)) {
                        break;
                    }
                    int lower = Character.toLowerCase(cp);
                    for (char unit : Character.toChars(lower)) {
                        h3 = h2;
                        h2 = h1;
                        h1 = h;
                        h = (h ^ unit) * PRIME;
                        len++;
                    }
                    ascii = false;
                    digits &= Character.isDigit(cp);
                    i += Character.charCount(cp);
                } else {
                    break;
                }
                if (i == n) {
                    break;
                }
                c = s[i];
                kind = KIND[c];
            }
            if (len < 2 || len > MAX_LENGTH || digits) {
                continue;
            }
            int l = len;
            long raw = h;
            if (stem && ascii) {
                l = stem(s, start, len);
                raw = l == len ? h : l == len - 1 ? h1 : (h3 ^ 'y') * PRIME;
            }
            long hash = mix(raw);
            counts.add(hash, weight);
            if (names != null) {
                names.putIfAbsent(hash, lowerCase(s, start, i, l, ascii));
            }
        }
        if (cjkRun > 0) {
            endCjkRun(cjkPrev, cjkRun, weight, counts, names);
        }
    }

    /** A run of one Chinese or Japanese character is a term of its own; longer runs gave pairs. */
    private static void endCjkRun(int last, int run, float weight, TermCounts counts, Map<Long, String> names) {
        if (run == 1) {
            add(new String(Character.toChars(last)), weight, counts, names);
        }
    }

    private static void add(String term, float weight, TermCounts counts, Map<Long, String> names) {
        char[] w = term.toCharArray();
        long h = hash(w, w.length);
        counts.add(h, weight);
        if (names != null) {
            names.putIfAbsent(h, term);
        }
    }

    /** The text of a term, as hashed: the word lower-cased, stemmed to {@code length} when ASCII. */
    private static String lowerCase(char[] s, int start, int end, int length, boolean ascii) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; ) {
            int cp = Character.codePointAt(s, i, end);
            sb.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        if (ascii && length < sb.length()) {
            sb.setLength(length);
            if (length == end - start - 2) {
                sb.setCharAt(length - 1, 'y');
            }
        }
        return sb.toString();
    }

    /**
     * Whether a term is an English function word. {@link #tokenize} counts them like any word, and
     * callers drop them once per distinct term, which is cheaper than once per occurrence.
     */
    boolean isStopWord(long hash) {
        return stopWords.get(hash, 0) != 0;
    }

    private static boolean wordCharacter(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Scripts written without spaces between words that pairs of characters work well for. */
    private static boolean isCjk(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /**
     * Harman's S stemmer on the ASCII word of {@code len} characters at {@code start} in {@code s},
     * read lower-cased; returns the stem's length. {@code -ies} becomes {@code -y} (length minus
     * two; but not after {@code a} or {@code e}); otherwise a final {@code s} goes (length minus
     * one), except after {@code s}, {@code u} and {@code i} ({@code class}, {@code virus},
     * {@code crisis}) and in words of three letters ({@code gas}).
     */
    static int stem(char[] s, int start, int len) {
        if (len < 4 || LOWER_CASE[s[start + len - 1]] != 's') {
            return len;
        }
        char before = LOWER_CASE[s[start + len - 2]];
        if (before == 's' || before == 'u' || before == 'i') {
            return len;
        }
        if (before == 'e' && LOWER_CASE[s[start + len - 3]] == 'i' && len > 4) {
            char c = LOWER_CASE[s[start + len - 4]];
            if (c != 'a' && c != 'e') {
                return len - 2;
            }
        }
        return len - 1;
    }

    private static final long BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** FNV-1a over the characters, then a final mix so that low bits spread well in hash tables; never 0. */
    static long hash(char[] w, int len) {
        long h = BASIS;
        for (int i = 0; i < len; i++) {
            h = (h ^ w[i]) * PRIME;
        }
        return mix(h);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static String[] readStopWords() {
        try (InputStream in = Tokenizer.class.getResourceAsStream("stopwords-en.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords-en.txt is missing from the engine's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
