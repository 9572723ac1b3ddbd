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
 * character, numbers, words longer than {@value #MAX_LENGTH} characters and English function words
 * are left out. For English sites a light "S" stemmer (after Harman, 1991) folds plurals onto the
 * singular ({@code sanctions}, {@code policies} to {@code sanction}, {@code policy}).
 *
 * <p>Hand-written rather than a general analyser (Lucene's, {@link java.text.BreakIterator}) for
 * speed: the recommender reads every article of a site in well under a second, so a token costs a
 * few table look-ups and no allocation. Terms are identified by hash; two distinct words colliding
 * on 64 bits is too unlikely to matter for a ranking.
 */
final class Tokenizer {

    static final int MAX_LENGTH = 40;

    private static final byte OTHER = 0;
    private static final byte LOWER = 1;
    private static final byte UPPER = 2;
    private static final byte DIGIT = 3;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = LOWER;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            ASCII[c] = UPPER;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = DIGIT;
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
     * @param names when not null, receives each term's text under its hash (for explanations)
     */
    void tokenize(String text, float weight, TermCounts counts, Map<Long, String> names) {
        char[] buf = new char[MAX_LENGTH + 2];
        int len = 0;
        boolean ascii = true;
        boolean digits = true;
        int cjkPrev = -1;
        int cjkRun = 0;
        int n = text.length();
        int i = 0;
        while (i <= n) {
            int cp;
            byte kind;
            if (i == n) {
                cp = -1;
                kind = OTHER;
                i++;
            } else {
                char c = text.charAt(i);
                if (c < 128) {
                    cp = c;
                    kind = ASCII[c];
                    i++;
                } else {
                    cp = text.codePointAt(i);
                    i += Character.charCount(cp);
                    kind = wordCharacter(cp) ? LOWER : OTHER;
                    if (kind == LOWER && isCjk(cp)) {
                        len = emit(buf, len, ascii, digits, weight, counts, names);
                        ascii = true;
                        digits = true;
                        if (cjkPrev >= 0) {
                            int l = Character.toChars(cjkPrev, buf, 0);
                            l += Character.toChars(cp, buf, l);
                            add(buf, l, weight, counts, names);
                        }
                        cjkPrev = cp;
                        cjkRun++;
                        continue;
                    }
                }
            }
            if (cjkRun > 0) {
                if (cjkRun == 1) {
                    add(buf, Character.toChars(cjkPrev, buf, 0), weight, counts, names);
                }
                cjkPrev = -1;
                cjkRun = 0;
            }
            if (kind == OTHER) {
                len = emit(buf, len, ascii, digits, weight, counts, names);
                ascii = true;
                digits = true;
                continue;
            }
            if (cp < 128) {
                if (len < buf.length) {
                    buf[len] = kind == UPPER ? (char) (cp | 0x20) : (char) cp;
                }
                len++;
                digits &= kind == DIGIT;
            } else {
                int lower = Character.toLowerCase(cp);
                if (len + 2 <= buf.length) {
                    Character.toChars(lower, buf, len);
                }
                len += Character.charCount(lower);
                ascii = false;
                digits &= Character.isDigit(cp);
            }
        }
    }

    /** Ends the word in {@code buf}: adds it unless it is too short, too long, a number or a stop word. */
    private int emit(char[] buf, int len, boolean ascii, boolean digits, float weight, TermCounts counts,
            Map<Long, String> names) {
        if (len < 2 || len > MAX_LENGTH || digits) {
            return 0;
        }
        int l = stem && ascii ? stem(buf, len) : len;
        long h = hash(buf, l);
        if (stopWords.get(h, 0) == 0) {
            counts.add(h, weight);
            if (names != null) {
                names.putIfAbsent(h, new String(buf, 0, l));
            }
        }
        return 0;
    }

    private static void add(char[] buf, int len, float weight, TermCounts counts, Map<Long, String> names) {
        long h = hash(buf, len);
        counts.add(h, weight);
        if (names != null) {
            names.putIfAbsent(h, new String(buf, 0, len));
        }
    }

    /** The hash of a term as {@link #tokenize} computes it, for tests and explanations. */
    long termHash(String term) {
        char[] w = term.toCharArray();
        return hash(w, w.length);
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

    /** FNV-1a over the characters, then a final mix so that low bits spread well in hash tables; never 0. */
    static long hash(char[] w, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < len; i++) {
            h ^= w[i];
            h *= 0x100000001b3L;
        }
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
