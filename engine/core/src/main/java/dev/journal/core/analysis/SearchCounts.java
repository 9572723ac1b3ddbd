package dev.journal.core.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One document's search terms, counted once when the document is parsed: each distinct term (in
 * {@link SearchTerms}' form, sorted) with how often it occurs in each field, and each field's
 * length in terms. The search index of the whole site is built from these without reading any
 * document again.
 *
 * @param terms  distinct terms, sorted
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
        WordTable words = TABLE.get();
        words.clear();
        for (int f = 0; f < FIELDS; f++) {
            words.field = f;
            analyzer.scan(fields[f], words);
        }
        // stop words and plurals, once per distinct word: several words may make one term
        Map<String, int[]> counts = new HashMap<>(words.size * 2);
        int[] length = new int[FIELDS];
        for (int e = 0; e < words.size; e++) {
            String term = analyzer.term(new String(words.chars, words.start[e], words.length[e]));
            if (term == null) {
                continue;
            }
            int[] tf = counts.computeIfAbsent(term, k -> new int[FIELDS]);
            for (int f = 0; f < FIELDS; f++) {
                int n = words.counts[e * FIELDS + f];
                tf[f] += n;
                length[f] += n;
            }
        }
        String[] terms = counts.keySet().toArray(String[]::new);
        Arrays.sort(terms);
        int[] packed = new int[terms.length];
        for (int k = 0; k < terms.length; k++) {
            packed[k] = pack(counts.get(terms[k]));
            terms[k] = terms[k].intern();
        }
        return new SearchCounts(terms, packed, length);
    }

    private static final ThreadLocal<WordTable> TABLE = ThreadLocal.withInitial(WordTable::new);

    /**
     * The distinct words of one document with their counts per field: open addressing over
     * primitive arrays and one buffer of characters, so that a word seen again costs a hash and a
     * comparison, and no allocation. Reused from document to document by each thread.
     */
    private static final class WordTable implements SearchTerms.WordSink {
        int field;
        int size;
        char[] chars = new char[1 << 14];
        int used;
        int[] start = new int[1024];
        int[] length = new int[1024];
        int[] hash = new int[1024];
        int[] counts = new int[1024 * FIELDS];
        /** Slot to word number plus one; 0 is empty. */
        int[] slots = new int[4096];

        void clear() {
            if (slots.length > 1 << 16) {
                slots = new int[4096];
                chars = new char[1 << 14];
            } else {
                Arrays.fill(slots, 0);
            }
            Arrays.fill(counts, 0, size * FIELDS, 0);
            size = 0;
            used = 0;
        }

        @Override
        public void word(char[] w, int n) {
            int h = 0;
            for (int i = 0; i < n; i++) {
                h = 31 * h + w[i];
            }
            h ^= h >>> 16;
            int mask = slots.length - 1;
            for (int i = h & mask; ; i = i + 1 & mask) {
                int e = slots[i] - 1;
                if (e < 0) {
                    add(w, n, h, i);
                    return;
                }
                if (hash[e] == h && same(e, w, n)) {
                    counts[e * FIELDS + field]++;
                    return;
                }
            }
        }

        private boolean same(int e, char[] w, int n) {
            return length[e] == n && Arrays.equals(chars, start[e], start[e] + n, w, 0, n);
        }

        private void add(char[] w, int n, int h, int slot) {
            if (size == start.length) {
                start = Arrays.copyOf(start, size * 2);
                length = Arrays.copyOf(length, size * 2);
                hash = Arrays.copyOf(hash, size * 2);
                counts = Arrays.copyOf(counts, size * 2 * FIELDS);
            }
            if (used + n > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + n));
            }
            System.arraycopy(w, 0, chars, used, n);
            start[size] = used;
            length[size] = n;
            hash[size] = h;
            counts[size * FIELDS + field] = 1;
            used += n;
            slots[slot] = ++size;
            if (size * 2 > slots.length) {
                rehash();
            }
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int e = 0; e < size; e++) {
                int i = hash[e] & mask;
                while (slots[i] != 0) {
                    i = i + 1 & mask;
                }
                slots[i] = e + 1;
            }
        }
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
