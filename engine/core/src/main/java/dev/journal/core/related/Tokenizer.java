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
            int len = stem ? stem(w, w.length) : w.length;
            stopWords.add(hash(w, len), 1);
        }
    }

    /**
     * Adds every term of {@code text} to {@code counts}, each occurrence counting {@code weight}.
     *
     * <p>One pass over the characters that lower-cases, copies and hashes each word as it goes; the
     * hashes of the word's last prefixes are kept so that stemming needs no second pass.
     *
     * @param names when not null, receives each term's text under its hash (for explanations)
     */
    void tokenize(String text, float weight, TermCounts counts, Map<Long, String> names) {
        char[] s = counts.characters(text);
        char[] buf = new char[MAX_LENGTH + 2];
        int n = text.length();
        int len = 0;
        boolean ascii = true;
        boolean digits = true;
        long h = BASIS;
        long h1 = 0; // the hash without the last character
        long h2 = 0;
        long h3 = 0; // ... without the last three
        int cjkPrev = -1;
        int cjkRun = 0;
        int i = 0;
        while (i < n) {
            char c = s[i++];
            byte kind = KIND[c];
            int cp = c;
            if (kind == SURROGATE) {
                cp = Character.codePointAt(s, i - 1);
                i += Character.charCount(cp) - 1;
                kind = !wordCharacter(cp) ? OTHER : isCjk(cp) ? CJK : Character.isDigit(cp) ? DIGIT : LETTER;
            }
            if (kind != OTHER && kind != CJK) {
                if (cjkRun > 0) {
                    endCjkRun(buf, cjkPrev, cjkRun, weight, counts, names);
                    cjkPrev = -1;
                    cjkRun = 0;
                }
                if (cp == c) {
                    char lower = LOWER_CASE[c];
                    if (len < buf.length) {
                        buf[len] = lower;
                    }
                    len++;
                    h3 = h2;
                    h2 = h1;
                    h1 = h;
                    h = (h ^ lower) * PRIME;
                } else {
                    int lower = Character.toLowerCase(cp);
                    for (int k = 0, count = Character.charCount(lower); k < count; k++) {
                        char part = count == 1 ? (char) lower : k == 0 ? Character.highSurrogate(lower)
                                : Character.lowSurrogate(lower);
                        if (len < buf.length) {
                            buf[len] = part;
                        }
                        len++;
                        h3 = h2;
                        h2 = h1;
                        h1 = h;
                        h = (h ^ part) * PRIME;
                    }
                }
                ascii &= kind == ASCII_LETTER || kind == DIGIT && c < 128;
                digits &= kind == DIGIT;
                continue;
            }
            if (len > 0) {
                emit(buf, len, ascii, digits, h, h1, h3, weight, counts, names);
                len = 0;
                ascii = true;
                digits = true;
                h = BASIS;
            }
            if (kind == CJK) {
                if (cjkPrev >= 0) {
                    int l = Character.toChars(cjkPrev, buf, 0);
                    l += Character.toChars(cp, buf, l);
                    add(buf, l, weight, counts, names);
                }
                cjkPrev = cp;
                cjkRun++;
            } else if (cjkRun > 0) {
                endCjkRun(buf, cjkPrev, cjkRun, weight, counts, names);
                cjkPrev = -1;
                cjkRun = 0;
            }
        }
        if (cjkRun > 0) {
            endCjkRun(buf, cjkPrev, cjkRun, weight, counts, names);
        }
        if (len > 0) {
            emit(buf, len, ascii, digits, h, h1, h3, weight, counts, names);
        }
    }

    /** A run of one Chinese or Japanese character is a term of its own; longer runs gave pairs. */
    private static void endCjkRun(char[] buf, int last, int run, float weight, TermCounts counts,
            Map<Long, String> names) {
        if (run == 1) {
            add(buf, Character.toChars(last, buf, 0), weight, counts, names);
        }
    }

    /**
     * Ends the word in {@code buf}, whose hash before mixing is {@code h} ({@code h1} without its
     * last character, {@code h3} without its last three): adds it unless it is too short, too long
     * or a number.
     */
    private void emit(char[] buf, int len, boolean ascii, boolean digits, long h, long h1, long h3, float weight,
            TermCounts counts, Map<Long, String> names) {
        if (len < 2 || len > MAX_LENGTH || digits) {
            return;
        }
        int l = len;
        long raw = h;
        if (stem && ascii) {
            l = stem(buf, len);
            raw = l == len ? h : l == len - 1 ? h1 : (h3 ^ 'y') * PRIME;
        }
        long hash = mix(raw);
        counts.add(hash, weight);
        if (names != null) {
            names.putIfAbsent(hash, new String(buf, 0, l));
        }
    }

    /**
     * Whether a term is an English function word. {@link #tokenize} counts them like any word, and
     * callers drop them once per distinct term, which is cheaper than once per occurrence.
     */
    boolean isStopWord(long hash) {
        return stopWords.get(hash, 0) != 0;
    }

    private static void add(char[] buf, int len, float weight, TermCounts counts, Map<Long, String> names) {
        long h = hash(buf, len);
        counts.add(h, weight);
        if (names != null) {
            names.putIfAbsent(h, new String(buf, 0, len));
        }
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
     * Harman's S stemmer on a lower-case ASCII word, in place; returns the new length. {@code -ies}
     * becomes {@code -y} (but not after {@code a} or {@code e}); otherwise a final {@code s} goes,
     * except after {@code s}, {@code u} and {@code i} ({@code class}, {@code virus}, {@code crisis})
     * and in words of three letters ({@code gas}).
     */
    static int stem(char[] w, int len) {
        if (len < 4 || w[len - 1] != 's') {
            return len;
        }
        char before = w[len - 2];
        if (before == 's' || before == 'u' || before == 'i') {
            return len;
        }
        if (before == 'e' && w[len - 3] == 'i' && len > 4 && w[len - 4] != 'a' && w[len - 4] != 'e') {
            w[len - 3] = 'y';
            return len - 2;
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
