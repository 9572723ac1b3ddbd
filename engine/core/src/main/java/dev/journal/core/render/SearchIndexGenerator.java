package dev.journal.core.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.journal.core.analysis.SearchCounts;
import dev.journal.core.analysis.SearchTerms;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.internal.json.Json;
import dev.journal.core.parse.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search page's index, {@code search-index.json} beside the search page: every shown document
 * (articles newest first, then pages) with what a result shows, and a sorted term dictionary whose
 * postings already carry each document's BM25F term weight, so the browser only adds numbers.
 *
 * <p>Format (version 1), all in one JSON object:
 * <ul>
 * <li>{@code docs}: {@code [uri, title, date as displayed, [author numbers], [tag numbers], summary]};</li>
 * <li>{@code authors}, {@code tags}: the names the numbers point to;</li>
 * <li>{@code terms}: sorted (by UTF-16 code unit, as JavaScript compares strings), and
 * {@code postings}: one string per term, in base-64 variable-length numbers: the term's document
 * frequency, then per document the gap to the previous document number (minus one) and the
 * weight (1 to 63: the saturated field-weighted term frequency, before idf);</li>
 * <li>{@code stem}, {@code stop}: how {@link SearchTerms} prepared the words, for the script.</li>
 * </ul>
 *
 * <p>Size: the title, authors, tags and summary are indexed whole. Of the body, terms that are not
 * already in those fields share a budget of {@link #BODY_POSTINGS} entries: a journal of a few
 * hundred articles gets every body word, a large one the most distinctive terms of each article (by
 * tf-idf, at least {@link #MIN_BODY_TERMS}), so the index grows with the number of articles, not
 * with their length.
 */
final class SearchIndexGenerator implements Generator {

    static final String FILE_NAME = "search-index.json";
    /** Body-only terms of all documents together, before each document is cut to its share. */
    static final int BODY_POSTINGS = 400_000;
    /** Body-only terms kept per document however large the journal. */
    static final int MIN_BODY_TERMS = 24;
    /** Longest summary shown in a result, in characters. */
    static final int SUMMARY_LENGTH = 140;
    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    /** The largest weight one character can hold. */
    static final int MAX_WEIGHT = 63;

    private static final double K1 = 1.2;
    /** Field weights and length normalisation of BM25F: title, authors, tags, summary, body. */
    private static final double[] WEIGHT = {6.0, 4.0, 4.0, 2.0, 1.0};
    private static final double[] B = {0.3, 0.0, 0.0, 0.75, 0.75};
    
    private static final int BODY = SearchCounts.BODY;
    /** {@code Math.log} of small term frequencies, the most common ones. */
    private static final double[] LOG = new double[64];

    static {
        for (int i = 1; i < LOG.length; i++) {
            LOG[i] = Math.log(i);
        }
    }

    /** Where the search page goes. */
    static String pagePath(SiteConfig config) {
        return config.get("journal.search.file").strip();
    }

    /** Where its index goes: beside the page. */
    static String indexPath(SiteConfig config) {
        String page = pagePath(config);
        int slash = page.lastIndexOf('/');
        return (slash < 0 ? "" : page.substring(0, slash + 1)) + FILE_NAME;
    }

    @Override
    public String what() {
        return "search index";
    }

    @Override
    public List<RenderedPage> generate(SiteIndex index, RenderContext context) {
        SiteConfig config = context.config();
        if (!config.journalFlag("journal.render.search")) {
            return List.of();
        }
        List<Article> docs = new ArrayList<>(index.posts());
        for (Article a : index.documents()) {
            if (!a.isPost()) {
                docs.add(a);
            }
        }
        SearchTerms terms = new SearchTerms(config.language());
        Memo memo = context.memo() == null ? null : context.memo().search();
        String json = write(docs, terms, context.views(), BODY_POSTINGS, memo);
        return List.of(new RenderedPage(indexPath(config), json.getBytes(StandardCharsets.UTF_8)));
    }

    private static final int[] EMPTY = new int[0];

    /** A term of the dictionary: its document frequency and postings (document, weight, ...) in one build. */
    private static final class Term {
        final String text;
        int documents;
        /** How many documents keep the term, counted before the postings are made. */
        int keptBy;
        /** {@code log(n / documents)}, once the documents are counted; NaN until needed. */
        double idf;
        /** Made at the first posting, with room for exactly {@link #keptBy} (most terms of a large journal get none). */
        int[] postings;
        int size;

        Term(String text) {
            this.text = text;
            clear();
        }

        /** Counts nothing yet: a build begins. */
        void clear() {
            documents = 0;
            keptBy = 0;
            idf = Double.NaN;
            postings = EMPTY;
            size = 0;
        }

        void add(int document, int weight) {
            if (postings.length == 0) {
                postings = new int[2 * keptBy];
            }
            postings[size++] = document;
            postings[size++] = weight;
        }
    }

    /**
     * One document's terms (shared dictionary entries) with their frequency in each field, and the
     * length of each field in terms.
     */
    private record Counted(Term[] terms, SearchCounts counts, int[] length) {
    }

    /**
     * The index as JSON. Every document is read once into a shared term dictionary; weights need
     * the document frequencies and average field lengths of all, so they follow in a second loop.
     *
     * @param bodyPostings the budget of body-only terms, shared by all documents
     */
    String write(List<Article> docs, SearchTerms terms, Views views, int bodyPostings) {
        return write(docs, terms, views, bodyPostings, null);
    }

    /** As {@link #write(List, SearchTerms, Views, int)}, going on from what the last build left in {@code memo}. */
    String write(List<Article> docs, SearchTerms terms, Views views, int bodyPostings, Memo memo) {
        Map<String, Term> dictionary = memo != null ? memo.dictionary : new HashMap<>();
        if (memo != null) {
            memo.begin();
        }
        List<Term> added = new ArrayList<>();
        List<Counted> counted = new ArrayList<>(docs.size());
        double[] total = new double[SearchCounts.FIELDS];
        for (Article a : docs) {
            Counted c = count(a, terms, dictionary, memo, added);
            counted.add(c);
            for (int f = 0; f < SearchCounts.FIELDS; f++) {
                total[f] += c.length()[f];
            }
        }
        int n = docs.size();
        double[] average = new double[SearchCounts.FIELDS];
        for (int f = 0; f < SearchCounts.FIELDS; f++) {
            average[f] = n == 0 ? 1 : Math.max(1, total[f] / n);
        }
        int bodyTerms = Math.max(MIN_BODY_TERMS, bodyPostings / Math.max(1, n));
        // which terms each document keeps, counted by term so that each term's postings are made at their size
        int[][] kept = new int[n][];
        for (int d = 0; d < n; d++) {
            Counted c = counted.get(d);
            kept[d] = kept(c, n, bodyTerms);
            for (int k : kept[d]) {
                c.terms()[k].keptBy++;
            }
        }
        double[] norm = new double[SearchCounts.FIELDS];
        for (int d = 0; d < n; d++) {
            Counted c = counted.get(d);
            for (int f = 0; f < SearchCounts.FIELDS; f++) {
                norm[f] = 1 - B[f] + B[f] * c.length()[f] / average[f];
            }
            for (int k : kept[d]) {
                double weighted = 0;
                for (int f = 0; f < SearchCounts.FIELDS; f++) {
                    int tf = c.counts().tf(k, f);
                    if (tf > 0) {
                        weighted += WEIGHT[f] * tf / norm[f];
                    }
                }
                double saturated = weighted * (K1 + 1) / (weighted + K1);
                int w = (int) Math.max(1, Math.min(MAX_WEIGHT, Math.round(saturated / (K1 + 1) * MAX_WEIGHT)));
                c.terms()[k].add(d, w);
            }
            counted.set(d, null);
            kept[d] = null;
        }
        // sorted by UTF-16 code units, the order of JavaScript's string comparison
        List<Term> sorted = new ArrayList<>();
        Iterable<Term> all = memo != null ? java.util.Arrays.asList(memo.sorted(added)) : dictionary.values();
        for (Term t : all) {
            if (t.size > 0) {
                sorted.add(t);
            }
        }
        if (memo == null) {
            sorted.sort(BY_TEXT);
        }
        List<String> authors = new ArrayList<>();
        Map<String, Integer> authorNumbers = new HashMap<>();
        List<String> tags = new ArrayList<>();
        Map<String, Integer> tagNumbers = new HashMap<>();
        return Json.write(false, g -> {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeStringField("stem", terms.english() ? "en-s" : "none");
            g.writeArrayFieldStart("stop");
            for (String s : terms.stopWords()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("docs");
            for (Article a : docs) {
                g.writeStartArray();
                g.writeString(a.uri());
                g.writeString(a.title());
                g.writeString(a.date() == null || !a.isPost() ? "" : views.displayDate(a.date()));
                numbers(g, a.authors().stream().map(views::authorName).toList(), authors, authorNumbers);
                numbers(g, a.tags().stream().map(views::tagName).toList(), tags, tagNumbers);
                g.writeString(shorten(a.summary()));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("authors");
            for (String s : authors) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tags");
            for (String s : tags) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("terms");
            for (Term t : sorted) {
                g.writeString(t.text);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("postings");
            for (Term t : sorted) {
                g.writeString(encode(t.documents, t.postings, t.size));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Names as numbers into a table, adding the names the table does not have yet. */
    private static void numbers(JsonGenerator g, List<String> names, List<String> table, Map<String, Integer> numbers)
            throws IOException {
        g.writeStartArray();
        for (String name : names) {
            Integer k = numbers.get(name);
            if (k == null) {
                k = table.size();
                table.add(name);
                numbers.put(name, k);
            }
            g.writeNumber(k);
        }
        g.writeEndArray();
    }

    /**
     * A document's terms in the shared dictionary, from the counts made when it was parsed (or
     * counted now, for a document that was not).
     */
    private static Counted count(Article a, SearchTerms terms, Map<String, Term> dictionary, Memo memo,
            List<Term> added) {
        SearchCounts counts = a.search() != null ? a.search()
                : SearchCounts.of(terms, a.title(), a.authors(), a.tags(), a.summary(), a.text());
        Term[] found = memo == null ? null : memo.found(counts);
        if (found == null) {
            found = new Term[counts.terms().length];
            for (int k = 0; k < found.length; k++) {
                Term t = dictionary.get(counts.terms()[k]);
                if (t == null) {
                    t = new Term(counts.terms()[k]);
                    dictionary.put(t.text, t);
                    added.add(t);
                }
                found[k] = t;
            }
        }
        for (Term t : found) {
            t.documents++;
        }
        if (memo != null) {
            memo.keep(counts, found);
        }
        return new Counted(found, counts, counts.length());
    }

    private static final java.util.Comparator<Term> BY_TEXT = (a, b) -> a.text.compareTo(b.text);

    /**
     * What a long-lived renderer (the preview's) keeps of the search index from one build to the
     * next: the term dictionary, in order, and each document's terms in it, found again by the
     * identity of its counts (an unchanged article's). It only saves work: every number the index
     * holds is counted again in each build.
     */
    static final class Memo {
        private final Map<String, Term> dictionary = new HashMap<>();
        /** Every term of the dictionary, sorted. */
        private Term[] sorted = new Term[0];
        private Map<SearchCounts, Term[]> found = new java.util.IdentityHashMap<>();
        private Map<SearchCounts, Term[]> next = new java.util.IdentityHashMap<>();

        /** Forgets everything (another configuration, say another language, counts other terms). */
        void forget() {
            dictionary.clear();
            sorted = new Term[0];
            found.clear();
        }

        /** Begins a build: every term's counts start at nothing. */
        void begin() {
            if (sorted.length != dictionary.size()) {
                forget(); // a build that failed half way added terms it did not sort in
            }
            for (Term t : dictionary.values()) {
                t.clear();
            }
            next = new java.util.IdentityHashMap<>();
        }

        Term[] found(SearchCounts counts) {
            return found.get(counts);
        }

        void keep(SearchCounts counts, Term[] terms) {
            next.put(counts, terms);
        }

        /**
         * The dictionary in order, with the terms {@code added} in this build merged in; terms no
         * document has any more are dropped once they are as many as the live ones.
         */
        Term[] sorted(List<Term> added) {
            added.sort(BY_TEXT);
            Term[] merged = new Term[sorted.length + added.size()];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < sorted.length || j < added.size()) {
                merged[k++] = j == added.size() || i < sorted.length && BY_TEXT.compare(sorted[i], added.get(j)) < 0
                        ? sorted[i++] : added.get(j++);
            }
            int live = 0;
            for (Term t : merged) {
                live += t.documents > 0 ? 1 : 0;
            }
            if (merged.length > 2 * live + 4096) {
                Term[] kept = new Term[live];
                int n = 0;
                for (Term t : merged) {
                    if (t.documents > 0) {
                        kept[n++] = t;
                    } else {
                        dictionary.remove(t.text);
                    }
                }
                merged = kept;
            }
            sorted = merged;
            found = next; // the documents of this build refer to live terms only
            return merged;
        }
    }

    /**
     * The terms of a document that go into the index, as indexes into its {@link Counted#terms}, in
     * no particular order: every term found outside the body, and of the body-only terms the
     * {@code bodyTerms} of highest tf-idf (ties to the term that comes first in the document).
     */
    private static int[] kept(Counted c, int n, int bodyTerms) {
        int count = c.terms().length;
        int[] kept = new int[count];
        int always = 0;
        int[] bodyOnly = new int[count];
        int body = 0;
        for (int k = 0; k < count; k++) {
            boolean elsewhere = false;
            for (int f = 0; f < BODY && !elsewhere; f++) {
                elsewhere = c.counts().tf(k, f) > 0;
            }
            if (elsewhere) {
                kept[always++] = k;
            } else {
                bodyOnly[body++] = k;
            }
        }
        if (body <= bodyTerms) {
            System.arraycopy(bodyOnly, 0, kept, always, body);
            return Arrays.copyOf(kept, always + body);
        }
        double[] tfIdf = new double[body];
        for (int i = 0; i < body; i++) {
            int k = bodyOnly[i];
            Term t = c.terms()[k];
            if (Double.isNaN(t.idf)) {
                t.idf = Math.log((double) n / t.documents);
            }
            int tf = c.counts().tf(k, BODY);
            tfIdf[i] = (1 + (tf < LOG.length ? LOG[tf] : Math.log(tf))) * t.idf;
        }
        // the bodyTerms best: all above the score of the bodyTerms-th, then of those at that score the first
        double threshold = select(tfIdf.clone(), body - bodyTerms);
        int size = always;
        for (int i = 0; i < body; i++) {
            if (tfIdf[i] > threshold) {
                kept[size++] = bodyOnly[i];
            }
        }
        for (int i = 0; i < body && size < always + bodyTerms; i++) {
            if (tfIdf[i] == threshold) {
                kept[size++] = bodyOnly[i];
            }
        }
        return Arrays.copyOf(kept, size);
    }

    /** The value that would be at {@code k} were {@code values} sorted (which they partly become). */
    static double select(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i++] = values[j];
                    values[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    /**
     * Document frequency, then (gap - 1, weight) per document, as base-64 variable-length numbers.
     *
     * @param postings document number and weight alternately, documents ascending
     * @param size     how many values of {@code postings} are used
     */
    static String encode(int documentFrequency, int[] postings, int size) {
        // at most 7 characters per number, one per weight
        char[] out = new char[7 + size / 2 * 8];
        int at = number(out, 0, documentFrequency);
        int previous = -1;
        for (int i = 0; i < size; i += 2) {
            at = number(out, at, postings[i] - previous - 1);
            out[at++] = DIGIT[postings[i + 1]];
            previous = postings[i];
        }
        return new String(out, 0, at);
    }

    private static final char[] DIGIT = DIGITS.toCharArray();

    /** Five bits per character, low bits first; 32 is added to every character but the last. Returns the next position. */
    static int number(char[] out, int at, int value) {
        int v = value;
        int i = at;
        while (v >= 32) {
            out[i++] = DIGIT[32 + (v & 31)];
            v >>>= 5;
        }
        out[i++] = DIGIT[v];
        return i;
    }

    /** A summary cut at a word to at most {@link #SUMMARY_LENGTH} characters. */
    static String shorten(String summary) {
        String s = summary.strip();
        if (s.length() <= SUMMARY_LENGTH) {
            return s;
        }
        int cut = s.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        int end = cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH - 1;
        while (end > 0 && " \t\n\u000B\f\r,;:.\u2013\u2014-".indexOf(s.charAt(end - 1)) >= 0) {
            end--; // no dangling punctuation before the ellipsis
        }
        return s.substring(0, end) + "\u2026";
    }
}
