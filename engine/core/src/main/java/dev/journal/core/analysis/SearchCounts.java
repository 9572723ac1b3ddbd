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

    /** Counts the fields of a document. */
    public static SearchCounts of(SearchTerms analyzer, String title, List<String> authors, List<String> tags,
            String summary, String body) {
        String[] fields = {title, String.join(" ; ", authors), String.join(" ; ", tags), summary == null ? "" : summary,
            body};
        Map<String, int[]> counts = new HashMap<>(1024);
        int[] length = new int[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            int field = f;
            analyzer.forEach(fields[f], t -> {
                counts.computeIfAbsent(t, k -> new int[FIELDS])[field]++;
                length[field]++;
            });
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
