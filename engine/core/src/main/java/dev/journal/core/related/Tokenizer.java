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

    // What each UTF-16 unit is, and its lower case: one table look-up per character. The kinds of
    // word characters are bits, so a word's kinds can be or-ed together as it is read.
    private static final byte OTHER = 0;
    private static final byte ASCII_LETTER = 1;
    private static final byte ASCII_DIGIT = 2;
    private static final byte LETTER = 4;
    private static final byte DIGIT = 8;
    private static final byte WORD = ASCII_LETTER | ASCII_DIGIT | LETTER | DIGIT;
    private static final byte CJK = 16;
    private static final byte SURROGATE = 32;
    private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];
    private static final char[] LOWER_CASE = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int lower = Character.toLowerCase(c);
            LOWER_CASE[c] = Character.isBmpCodePoint(lower) ? (char) lower : (char) c;
            if (Character.isSurrogate((char) c)) {
                KIND[c] = SURROGATE;
            } else if (c < 128) {
                KIND[c] = Character.isLetter(c) ? ASCII_LETTER : Character.isDigit(c) ? ASCII_DIGIT : OTHER;
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
     * <p>One pass over the characters that lower-cases and hashes each word as it goes; the few
     * words the stemmer shortens are hashed again.
     *
     * @param names when not null, receives each term's text under its hash (for explanations)
     */
    void tokenize(String text, float weight, TermCounts counts, Map<Long, String> names) {
        char[] s = counts.characters(text);
        char[] pair = new char[4];
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
                        int l = Character.toChars(cjkPrev, pair, 0);
                        add(pair, l + Character.toChars(cp, pair, l), weight, counts, names);
                    }
                    cjkPrev = cp;
                    cjkRun++;
                } else if (cjkRun > 0) {
                    endCjkRun(pair, cjkPrev, cjkRun, weight, counts, names);
                    cjkPrev = -1;
                    cjkRun = 0;
                }
                i += Character.charCount(cp);
                continue;
            }
            if (cjkRun > 0) {
                endCjkRun(pair, cjkPrev, cjkRun, weight, counts, names);
                cjkPrev = -1;
                cjkRun = 0;
            }
            // A word: the hot loop, two table look-ups and one multiplication per character.
            int start = i;
            int extra = 0; // UTF-16 units of the lower-cased word beyond i - start
            int kinds = 0;
            long h = BASIS;
            while (true) {
                if ((kind & WORD) != 0) {
                    h = (h ^ LOWER_CASE[c]) * PRIME;
                    kinds |= kind;
                    i++;
                } else if (kind == SURROGATE) {
                    cp = Character.codePointAt(s, i, n);
                    if (!wordCharacter(cp) || isCjk(cp)) {
                        break;
                    }
                    int lower = Character.toLowerCase(cp);
                    for (char unit : Character.toChars(lower)) {
                        h = (h ^ unit) * PRIME;
                    }
                    kinds |= Character.isDigit(cp) ? DIGIT : LETTER;
                    extra += Character.charCount(lower) - Character.charCount(cp);
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
            int len = i - start + extra;
            if (len < 2 || len > MAX_LENGTH || (kinds & ~(ASCII_DIGIT | DIGIT)) == 0) {
                continue;
            }
            boolean ascii = (kinds & (LETTER | DIGIT)) == 0;
            int l = len;
            if (stem && ascii) {
                l = stem(s, start, len);
                if (l < len) {
                    h = prefixHash(s, start, l, l == len - 2);
                }
            }
            long hash = mix(h);
            counts.add(hash, weight);
            if (names != null) {
                names.putIfAbsent(hash, lowerCase(s, start, i, l, ascii));
            }
        }
        if (cjkRun > 0) {
            endCjkRun(pair, cjkPrev, cjkRun, weight, counts, names);
        }
    }

    /** The hash (before mixing) of the first {@code length} characters of an ASCII word, its last one made {@code y}. */
    private static long prefixHash(char[] s, int start, int length, boolean y) {
        long h = BASIS;
        for (int k = 0; k < length; k++) {
            h = (h ^ (y && k == length - 1 ? 'y' : LOWER_CASE[s[start + k]])) * PRIME;
        }
        return h;
    }

    /** A run of one Chinese or Japanese character is a term of its own; longer runs gave pairs. */
    private static void endCjkRun(char[] pair, int last, int run, float weight, TermCounts counts,
            Map<Long, String> names) {
        if (run == 1) {
            add(pair, Character.toChars(last, pair, 0), weight, counts, names);
        }
    }

    private static void add(char[] term, int length, float weight, TermCounts counts, Map<Long, String> names) {
        long h = hash(term, length);
        counts.add(h, weight);
        if (names != null) {
            names.putIfAbsent(h, new String(term, 0, length));
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
