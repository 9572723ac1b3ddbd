package dev.journal.core.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One document's search terms, counted once when the document is parsed: each distinct term (in
 * {@link SearchTerms}' form, in the order of first occurrence) with how often it occurs in each
 * field, and each field's length in terms. The search index of the whole site is built from these without reading any
 * document again.
 *
 * @param terms  distinct terms, in the order they first occur (title first, body last)
 * @param packed occurrences of each term, one int per term (see {@link #tf}): the body's in the low
 *               16 bits, each other field's in 4 bits above, saturated; BM25 saturates far sooner
 * @param length terms per field
 */
public record SearchCounts(String[] terms, int[] packed, int[] length) {

    /** The fields, in order: title, authors, tags, summary, body. */
    public static final int FIELDS = 5;
    public static final int BODY = FIELDS - 1;

    /** Counts the fields of a document; thread-safe. */
    public static SearchCounts of(SearchTerms analyzer, String title, List<String> authors, List<String> tags,
            String summary, String body) {
        String[] fields = {title, String.join(" ; ", authors), String.join(" ; ", tags), summary == null ? "" : summary,
            body};
        Vocabulary words = VOCABULARY.get();
        words.start(analyzer);
        for (int f = 0; f < FIELDS; f++) {
            words.field = f;
            analyzer.scan(fields[f], words);
        }
        int n = words.seen;
        String[] terms = new String[n];
        int[] packed = new int[n];
        int[] length = new int[FIELDS];
        int[] tf = new int[FIELDS];
        for (int k = 0; k < n; k++) {
            int t = words.order[k];
            terms[k] = words.terms[t];
            for (int f = 0; f < FIELDS; f++) {
                tf[f] = words.counts[t * FIELDS + f];
                length[f] += tf[f];
            }
            packed[k] = pack(tf);
        }
        return new SearchCounts(terms, packed, length);
    }

    private static final ThreadLocal<Vocabulary> VOCABULARY = ThreadLocal.withInitial(Vocabulary::new);

    /**
     * The words one thread has met, each with the term it stands for (stop words for none, plurals
     * for their singular, interned), kept from document to document: a word seen before costs a hash
     * and a comparison, and no allocation. Several words may stand for one term. A document's counts
     * are kept by term number, with the number of the document that last set them, so nothing needs
     * clearing between documents. Starts over when it grows large, or for another analyzer.
     */
    private static final class Vocabulary implements SearchTerms.WordSink {
        private static final int MAX_WORDS = 1 << 20;

        SearchTerms analyzer;
        int field;
        // words: their characters in one buffer, and the term each stands for (-1: a stop word)
        char[] chars;
        int used;
        int words;
        int[] start;
        int[] length;
        int[] hash;
        int[] termOf;
        int[] slots;
        // terms, and the current document's counts of them
        Map<String, Integer> termNumbers;
        String[] terms;
        int termCount;
        int[] counts;
        int[] counted;
        int document;
        int[] order;
        int seen;

        Vocabulary() {
            reset();
        }

        private void reset() {
            chars = new char[1 << 16];
            used = 0;
            words = 0;
            start = new int[4096];
            length = new int[4096];
            hash = new int[4096];
            termOf = new int[4096];
            slots = new int[8192];
            termNumbers = new HashMap<>();
            terms = new String[4096];
            termCount = 0;
            counts = new int[4096 * FIELDS];
            counted = new int[4096];
            document = 0;
            order = new int[1024];
        }

        /** Begins a document. */
        void start(SearchTerms with) {
            if (with != analyzer || words > MAX_WORDS || used > MAX_WORDS * 8) {
                analyzer = with;
                reset();
            }
            document++;
            seen = 0;
        }

        @Override
        public void word(char[] w, int n) {
            int h = 0;
            for (int i = 0; i < n; i++) {
                h = 31 * h + w[i];
            }
            h ^= h >>> 16;
            int mask = slots.length - 1;
            int i = h & mask;
            int e;
            while (true) {
                e = slots[i] - 1;
                if (e < 0) {
                    e = add(w, n, h, i);
                    break;
                }
                if (hash[e] == h && same(e, w, n)) {
                    break;
                }
                i = i + 1 & mask;
            }
            int t = termOf[e];
            if (t < 0) {
                return;
            }
            if (counted[t] != document) {
                counted[t] = document;
                Arrays.fill(counts, t * FIELDS, t * FIELDS + FIELDS, 0);
                if (seen == order.length) {
                    order = Arrays.copyOf(order, seen * 2);
                }
                order[seen++] = t;
            }
            counts[t * FIELDS + field]++;
        }

        /** Whether word {@code e} is {@code w}; a loop, as words are too short for a bulk compare to pay. */
        private boolean same(int e, char[] w, int n) {
            if (length[e] != n) {
                return false;
            }
            int at = start[e];
            for (int i = 0; i < n; i++) {
                if (chars[at + i] != w[i]) {
                    return false;
                }
            }
            return true;
        }

        /** A new word, and the term it stands for; returns its number. */
        private int add(char[] w, int n, int h, int slot) {
            if (words == start.length) {
                start = Arrays.copyOf(start, words * 2);
                length = Arrays.copyOf(length, words * 2);
                hash = Arrays.copyOf(hash, words * 2);
                termOf = Arrays.copyOf(termOf, words * 2);
            }
            if (used + n > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + n));
            }
            System.arraycopy(w, 0, chars, used, n);
            String term = analyzer.term(new String(w, 0, n));
            int e = words++;
            start[e] = used;
            length[e] = n;
            hash[e] = h;
            termOf[e] = term == null ? -1 : termNumber(term);
            used += n;
            slots[slot] = e + 1;
            if (words * 2 > slots.length) {
                rehash();
            }
            return e;
        }

        private int termNumber(String term) {
            Integer t = termNumbers.get(term);
            if (t == null) {
                t = termCount++;
                termNumbers.put(term, t);
                if (t == terms.length) {
                    terms = Arrays.copyOf(terms, t * 2);
                    counted = Arrays.copyOf(counted, t * 2);
                    counts = Arrays.copyOf(counts, t * 2 * FIELDS);
                }
                terms[t] = term.intern();
            }
            return t;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int e = 0; e < words; e++) {
                int i = hash[e] & mask;
                while (slots[i] != 0) {
                    i = i + 1 & mask;
                }
                slots[i] = e + 1;
            }
        }
    }

    /** Whether term {@code k} occurs in the body only. */
    public boolean bodyOnly(int k) {
        return packed[k] >>> 16 == 0;
    }

    /** How often term {@code k} occurs in {@code field}. */
    public int tf(int k, int field) {
        int p = packed[k];
        return field == BODY ? p & 0xffff : p >>> 16 + 4 * field & 0xf;
    }

    private static int pack(int[] tf) {
        int p = Math.min(tf[BODY], 0xffff);
        for (int f = 0; f < BODY; f++) {
            p |= Math.min(tf[f], 0xf) << 16 + 4 * f;
        }
        return p;
    }
}
