package dev.journal.core.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text to search terms, the same way at bake time (here) and in the reader's browser (the theme's
 * {@code js/search.js}, which must stay in step with this class): Unicode compatibility
 * decomposition, lower case, accents dropped, split at anything that is not a letter or a decimal
 * digit, words of one character dropped. For English sites, stop words are dropped and plurals
 * reduced by Harman's "S" stemmer ({@code policies -> policy}, {@code sanctions -> sanction}).
 */
public final class SearchTerms {

    /** Common English words that carry no meaning for search; shipped in the index for the script. */
    static final List<String> ENGLISH_STOP_WORDS = List.of(
            "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
            "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
            "how", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself",
            "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
            "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
            "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
            "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
            "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
            "yourselves");

    private final boolean english;
    private final Set<String> stop;

    public SearchTerms(String language) {
        this.english = language.toLowerCase(Locale.ROOT).startsWith("en");
        this.stop = english ? new java.util.HashSet<>(ENGLISH_STOP_WORDS) : Set.of();
    }

    public boolean english() {
        return english;
    }

    public List<String> stopWords() {
        return english ? ENGLISH_STOP_WORDS : List.of();
    }

    /** The terms of a text, in order, repeats kept. */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        forEach(text, out::add);
        return out;
    }

    /** Hands each term of a text to {@code sink}, in order, repeats kept. */
    public void forEach(String text, java.util.function.Consumer<String> sink) {
        scan(text, (word, length) -> {
            String w = new String(word, 0, length);
            if (!stop.contains(w)) {
                sink.accept(english ? stem(w) : w);
            }
        });
    }

    /** Each thread's copy of the text being scanned, reused: reading an array is cheaper than a string's characters. */
    private static final ThreadLocal<char[]> TEXT = ThreadLocal.withInitial(() -> new char[1 << 14]);

    /** Receives the words of a text as {@link #scan} finds them. */
    interface WordSink {
        /** A word: lower-cased, accents dropped, of two code points or more; valid until the next call. */
        void word(char[] chars, int length);
    }

    /**
     * The words of a text, before stop words are dropped and plurals reduced: those two apply to
     * each distinct word ({@link #term}), which is cheaper than to each occurrence.
     */
    void scan(String text, WordSink sink) {
        // Decomposition and lower-casing never look across white space (even Greek final sigma's
        // context stops there), so each run of text between spaces is prepared on its own, and a run
        // of ASCII, most of a journal's text, needs neither.
        char[] word = new char[64];
        int n = text.length();
        char[] all = TEXT.get();
        if (all.length < n) {
            all = new char[Math.max(n, all.length * 2)];
            TEXT.set(all);
        }
        text.getChars(0, n, all, 0);
        int i = 0;
        while (i < n) {
            int end = i;
            boolean ascii = true;
            char c;
            while (end < n && (c = all[end]) != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') {
                ascii &= c < 0x80;
                end++;
            }
            if (ascii) {
                int length = 0;
                for (int k = i; k < end; k++) {
                    c = all[k];
                    if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                        word = room(word, length, 1);
                        word[length++] = c;
                    } else if (c >= 'A' && c <= 'Z') {
                        word = room(word, length, 1);
                        word[length++] = (char) (c + ('a' - 'A'));
                    } else {
                        emit(sink, word, length);
                        length = 0;
                    }
                }
                emit(sink, word, length);
            } else {
                word = scanUnicode(Normalizer.normalize(text.substring(i, end), Normalizer.Form.NFKD)
                        .toLowerCase(Locale.ROOT), word, sink);
            }
            i = end + 1;
        }
    }

    /** The words of decomposed, lower-cased text; returns the word buffer, grown if it had to be. */
    private static char[] scanUnicode(String s, char[] buffer, WordSink sink) {
        char[] word = buffer;
        int length = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c < 0x80) {
                i++;
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    word = room(word, length, 1);
                    word[length++] = c;
                } else {
                    emit(sink, word, length);
                    length = 0;
                }
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER) {
                word = room(word, length, 2);
                length += Character.toChars(cp, word, length);
            } else if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                emit(sink, word, length);
                length = 0;
            }
        }
        emit(sink, word, length);
        return word;
    }

    private static char[] room(char[] word, int length, int more) {
        return length + more <= word.length ? word : java.util.Arrays.copyOf(word, word.length * 2);
    }

    /** Words of one code point are no terms. */
    private static void emit(WordSink sink, char[] word, int length) {
        if (length >= 2 && (length > 2 || Character.codePointCount(word, 0, 2) == 2)) {
            sink.word(word, length);
        }
    }

    /** The term a word found by {@link #scan} stands for: null for a stop word, else the word, stemmed for English. */
    String term(String word) {
        return stop.contains(word) ? null : english ? stem(word) : word;
    }

    /** Harman's "S" stemmer, on words of four letters or more, and not on words ending in "is". */
    public static String stem(String w) {
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && !w.endsWith("eies") && !w.endsWith("aies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("es") && !w.endsWith("aes") && !w.endsWith("ees") && !w.endsWith("oes")) {
            return w.substring(0, w.length() - 1);
        }
        if (w.endsWith("s") && !w.endsWith("us") && !w.endsWith("ss") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
