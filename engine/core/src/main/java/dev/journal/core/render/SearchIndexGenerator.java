package dev.journal.core.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.journal.core.analysis.SearchCounts;
import dev.journal.core.analysis.SearchTerms;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.internal.Averages;
import dev.journal.core.internal.json.Json;
import dev.journal.core.parse.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * weight (1 to 63: the saturated field-weighted term frequency, before idf, each field's length
 * normalised by its average over all documents {@linkplain Averages#rounded rounded} to an eighth of
 * an octave);</li>
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
    public Needs needs() {
        return Needs.VIEWS; // the index, the configuration, the views' names and dates
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
        return List.of(new RenderedPage(indexPath(config), bytes(docs, terms, context.views(), BODY_POSTINGS, memo)));
    }

    private static final int[] EMPTY = new int[0];
    private static final Doc[] NO_DOCS = new Doc[0];

    /**
     * The index as JSON. Every document is read once into a term dictionary; weights need the
     * document frequencies and average field lengths of all, so they follow in a second loop.
     *
     * @param bodyPostings the budget of body-only terms, shared by all documents
     */
    String write(List<Article> docs, SearchTerms terms, Views views, int bodyPostings) {
        return write(docs, terms, views, bodyPostings, null);
    }

    /**
     * As {@link #write(List, SearchTerms, Views, int)}, going on from what the last build left in
     * {@code memo}: when an edit changed documents without moving any other or changing the
     * averages, only the changed documents and those whose choice of body terms a changed document
     * frequency can move are weighed again, and only the terms they touch get new postings.
     */
    String write(List<Article> docs, SearchTerms terms, Views views, int bodyPostings, Memo memo) {
        return new String(bytes(docs, terms, views, bodyPostings, memo), StandardCharsets.UTF_8);
    }

    /** The index in UTF-8, as {@link #write(List, SearchTerms, Views, int, Memo)} gives it. */
    byte[] bytes(List<Article> docs, SearchTerms terms, Views views, int bodyPostings, Memo memo) {
        List<SearchCounts> counts = new ArrayList<>(docs.size());
        for (Article a : docs) {
            counts.add(a.search() != null ? a.search()
                    : SearchCounts.of(terms, a.title(), a.authors(), a.tags(), a.summary(), a.text()));
        }
        Memo m = memo != null ? memo : new Memo(false);
        Term[] sorted = m.update(counts, bodyPostings);
        byte[][][] texts = m.texts(docs, a -> new byte[][] {Json.escapedUtf8(a.uri()), Json.escapedUtf8(a.title()),
            Json.escapedUtf8(a.date() == null || !a.isPost() ? "" : views.displayDate(a.date())),
            Json.escapedUtf8(shorten(a.summary()))});
        List<String> authors = new ArrayList<>();
        Map<String, Integer> authorNumbers = new HashMap<>();
        List<String> tags = new ArrayList<>();
        Map<String, Integer> tagNumbers = new HashMap<>();
        return Json.writeUtf8(g -> {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeStringField("stem", terms.english() ? "en-s" : "none");
            g.writeArrayFieldStart("stop");
            for (String s : terms.stopWords()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("docs");
            for (int d = 0; d < docs.size(); d++) {
                Article a = docs.get(d);
                byte[][] text = texts[d];
                g.writeStartArray();
                raw(g, text[0]);
                raw(g, text[1]);
                raw(g, text[2]);
                numbers(g, a.authors(), views::authorName, authors, authorNumbers);
                numbers(g, a.tags(), views::tagName, tags, tagNumbers);
                raw(g, text[3]);
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
                if (t.size > 0) {
                    raw(g, t.quoted());
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("postings");
            for (Term t : sorted) {
                if (t.size > 0) {
                    raw(g, t.encoded()); // base-64 digits: nothing to escape
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A string already escaped ({@link Json#escapedUtf8}), with its quotes. */
    private static void raw(JsonGenerator g, byte[] escaped) throws IOException {
        g.writeRawUTF8String(escaped, 0, escaped.length);
    }

    /** Names (as the site shows them) as numbers into a table, adding the names the table does not have yet. */
    private static void numbers(JsonGenerator g, List<String> written, java.util.function.UnaryOperator<String> shown,
            List<String> table, Map<String, Integer> numbers) throws IOException {
        g.writeStartArray();
        for (String w : written) {
            String name = shown.apply(w);
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

    /** A term of the dictionary. */
    private static final class Term {
        final String text;
        /** How many documents hold the term. */
        int documents;
        /** {@link #documents} before the build that last {@link #touched} the term changed it. */
        int before;
        int touched = -1;
        /** {@code log(n / documents)}, taken in build {@link #idfBuild}. */
        double idf;
        int idfBuild = -1;
        /** The index's postings, {@code document number << 6 | weight}, ascending; {@link #size} used. */
        int[] postings = EMPTY;
        int size;
        /** The postings as the index writes them (ASCII); null until written. */
        byte[] encoded;
        /** The build that last made its postings again, and the entries gathered for that. */
        int dirty = -1;
        int[] pending = EMPTY;
        int pendingSize;
        /**
         * In a lasting memo, the documents that choose among their body terms and hold this one in
         * the body only (some of them perhaps removed since): a change of its document frequency
         * can move their choice.
         */
        Doc[] choosers = NO_DOCS;
        int chooserCount;

        Term(String text) {
            this.text = text;
        }

        /** The text, escaped for the index; null until written. */
        private byte[] quoted;

        byte[] quoted() {
            if (quoted == null) {
                quoted = Json.escapedUtf8(text);
            }
            return quoted;
        }

        byte[] encoded() {
            if (encoded == null) {
                encoded = encode(documents, postings, size);
            }
            return encoded;
        }

        void pend(int entry) {
            if (pendingSize == pending.length) {
                pending = Arrays.copyOf(pending, Math.max(4, 2 * pendingSize));
            }
            pending[pendingSize++] = entry;
        }

        void choose(Doc doc) {
            if (chooserCount == choosers.length) {
                int live = 0;
                for (int i = 0; i < chooserCount; i++) {
                    if (choosers[i].live) {
                        choosers[live++] = choosers[i];
                    }
                }
                Arrays.fill(choosers, live, chooserCount, null);
                chooserCount = live;
                if (live == choosers.length || live > choosers.length / 2) {
                    choosers = Arrays.copyOf(choosers, Math.max(4, 2 * choosers.length));
                }
            }
            choosers[chooserCount++] = doc;
        }
    }

    /** A document of the index: its terms in the dictionary, and the weight of each it keeps. */
    private static final class Doc {
        final SearchCounts counts;
        final Term[] terms;
        /** How many of its terms are in the body only. */
        final int bodyOnly;
        int number = -1;
        boolean live = true;
        /** The build that last weighed it. */
        int weighed = -1;
        /** Per term, its weight in the index, 0 for a term not kept; null until weighed. */
        byte[] weight;

        Doc(SearchCounts counts, Term[] terms, int bodyOnly) {
            this.counts = counts;
            this.terms = terms;
            this.bodyOnly = bodyOnly;
        }

        /** Its entry in the postings of its {@code k}th term: {@code number << 6 | weight}. */
        int posting(int k) {
            return number << 6 | weight[k];
        }
    }

    private static final java.util.Comparator<Term> BY_TEXT = (a, b) -> a.text.compareTo(b.text);

    /**
     * The term dictionary and documents of the index with their weights and postings. A write
     * without one makes a throwaway one; a long-lived renderer (the preview's) keeps one from build
     * to build and, after an edit, weighs again only what the edit can have changed. Either way the
     * index is the same, byte for byte: the memo finds an unchanged document by the identity of its
     * counts, and everything else is counted again or proved unchanged.
     */
    static final class Memo {
        private final boolean lasting;
        private final Map<String, Term> dictionary = new HashMap<>();
        /** Every term of the dictionary, sorted by UTF-16 code units, the order of JavaScript's comparison. */
        private Term[] sorted = new Term[0];
        private Map<SearchCounts, Doc> docs = new IdentityHashMap<>();
        /** The last build's documents' texts, by article. */
        private final Carried<Article, byte[][]> texts = new Carried<>(IdentityHashMap::new);
        /** The last build's number of documents, body terms per document, rounded average lengths. */
        private int documents;
        private int bodyTerms = -1;
        private double[] average = new double[0];
        private final long[] total = new long[SearchCounts.FIELDS];
        /** Whether the last update finished, so that the next can go on from it. */
        private boolean valid;
        private int build;
        /** Terms of the dictionary that no document holds any more. */
        private int dead;
        /** What the last update weighed: every document, or how many (for tests). */
        private boolean weighedAll;
        private int weighed;

        Memo() {
            this(true);
        }

        private Memo(boolean lasting) {
            this.lasting = lasting;
        }

        /** Forgets everything (another configuration, say another language, counts other terms). */
        void forget() {
            valid = false;
            texts.forget();
        }

        /**
         * Each document's texts as {@code make} gives them, taken from the last build for the same
         * article (the configuration, which the texts depend on besides, being the same: see
         * {@link #forget}); a memo that does not last keeps none.
         */
        byte[][][] texts(List<Article> docs, java.util.function.Function<Article, byte[][]> make) {
            byte[][][] out = new byte[docs.size()][][];
            texts.begin();
            for (int d = 0; d < out.length; d++) {
                Article a = docs.get(d);
                byte[][] t = texts.last(a);
                out[d] = t != null ? t : make.apply(a);
                if (lasting) {
                    texts.keep(a, out[d]);
                }
            }
            texts.end();
            return out;
        }

        /** The dictionary, sorted, for this build's documents with their counts in index order. */
        Term[] update(List<SearchCounts> counts, int bodyPostings) {
            boolean incremental = valid;
            valid = false; // until this update is done
            if (!incremental) {
                dictionary.clear();
                sorted = new Term[0];
                docs = new IdentityHashMap<>();
                Arrays.fill(total, 0);
                dead = 0;
            }
            build++;
            int n = counts.size();
            Doc[] order = new Doc[n];
            Map<SearchCounts, Doc> next = new IdentityHashMap<>(2 * n);
            List<Term> added = new ArrayList<>();
            List<Term> touched = new ArrayList<>();
            List<Doc> fresh = new ArrayList<>();
            boolean renumbered = false;
            boolean twice = false;
            for (int d = 0; d < n; d++) {
                SearchCounts c = counts.get(d);
                Doc doc = docs.remove(c);
                if (doc == null) {
                    doc = add(c, added, touched);
                    fresh.add(doc);
                } else if (doc.number != d) {
                    renumbered = true;
                }
                doc.number = d;
                twice |= next.put(c, doc) != null; // the same counts for two documents: not found again next time
                order[d] = doc;
            }
            for (Doc gone : docs.values()) {
                remove(gone, touched);
            }
            docs = next;
            int perDocument = Math.max(MIN_BODY_TERMS, bodyPostings / Math.max(1, n));
            double[] averages = new double[SearchCounts.FIELDS];
            for (int f = 0; f < averages.length; f++) {
                averages[f] = Averages.rounded(n == 0 ? 1 : (double) total[f] / n);
            }
            boolean all = !incremental || renumbered || n != documents || perDocument != bodyTerms
                    || !Arrays.equals(averages, average);
            documents = n;
            bodyTerms = perDocument;
            average = averages;
            weighedAll = all;
            if (all) {
                weighAll(order);
                weighed = n;
            } else {
                weighed = weighChanged(n, fresh, touched);
            }
            Term[] result = sorted(added);
            valid = !twice;
            return result;
        }

        private void touch(Term t, List<Term> touched) {
            if (t.touched != build) {
                t.touched = build;
                t.before = t.documents;
                touched.add(t);
            }
        }

        private Doc add(SearchCounts c, List<Term> added, List<Term> touched) {
            Term[] found = new Term[c.terms().length];
            int bodyOnly = 0;
            for (int k = 0; k < found.length; k++) {
                Term t = dictionary.get(c.terms()[k]);
                if (t == null) {
                    t = new Term(c.terms()[k]);
                    dictionary.put(t.text, t);
                    added.add(t);
                } else if (t.documents == 0) {
                    dead--;
                }
                touch(t, touched);
                t.documents++;
                found[k] = t;
                bodyOnly += c.bodyOnly(k) ? 1 : 0;
            }
            for (int f = 0; f < total.length; f++) {
                total[f] += c.length()[f];
            }
            return new Doc(c, found, bodyOnly);
        }

        private void remove(Doc doc, List<Term> touched) {
            doc.live = false;
            for (Term t : doc.terms) {
                touch(t, touched);
                if (--t.documents == 0) {
                    dead++;
                }
            }
            for (int f = 0; f < total.length; f++) {
                total[f] -= doc.counts.length()[f];
            }
        }

        /** Weighs every document and makes every term's postings. */
        private void weighAll(Doc[] order) {
            for (Term t : dictionary.values()) {
                t.size = 0;
                t.encoded = null;
                t.chooserCount = 0;
                t.choosers = NO_DOCS;
            }
            for (Doc doc : order) {
                weigh(doc);
                for (int k = 0; k < doc.terms.length; k++) {
                    if (doc.weight[k] > 0) {
                        doc.terms[k].size++;
                    }
                }
                chooseIn(doc);
            }
            for (Term t : dictionary.values()) {
                t.postings = t.size == 0 ? EMPTY : new int[t.size];
                t.size = 0;
            }
            for (Doc doc : order) {
                for (int k = 0; k < doc.terms.length; k++) {
                    if (doc.weight[k] > 0) {
                        Term t = doc.terms[k];
                        t.postings[t.size++] = doc.posting(k);
                    }
                }
            }
        }

        /**
         * Weighs again the new documents and those whose choice of body terms a changed document
         * frequency can move (the only way an unchanged document's weights change while the
         * number of documents and the averages stay), and makes again the postings of the terms
         * whose entries or document frequency changed.
         */
        private int weighChanged(int n, List<Doc> fresh, List<Term> touched) {
            List<Doc> again = new ArrayList<>(fresh);
            for (Doc doc : fresh) {
                doc.weighed = build;
            }
            for (Term t : touched) {
                if (t.documents != t.before) {
                    for (int i = 0; i < t.chooserCount; i++) {
                        Doc doc = t.choosers[i];
                        if (doc.live && doc.weighed != build) {
                            doc.weighed = build;
                            again.add(doc);
                        }
                    }
                }
            }
            List<Term> dirty = new ArrayList<>(touched);
            for (Term t : touched) {
                t.dirty = build;
            }
            boolean[] weighed = new boolean[n];
            for (Doc doc : again) {
                byte[] old = doc.weight;
                weigh(doc);
                weighed[doc.number] = true;
                if (old == null) {
                    chooseIn(doc);
                    continue; // a new document: its terms are all touched
                }
                for (int k = 0; k < old.length; k++) {
                    Term t = doc.terms[k];
                    if (old[k] != doc.weight[k] && t.dirty != build) {
                        t.dirty = build;
                        dirty.add(t);
                    }
                }
            }
            for (Doc doc : again) {
                for (int k = 0; k < doc.terms.length; k++) {
                    Term t = doc.terms[k];
                    if (doc.weight[k] > 0 && t.dirty == build) {
                        t.pend(doc.posting(k));
                    }
                }
            }
            for (Term t : dirty) {
                int[] made = new int[t.size + t.pendingSize];
                int size = 0;
                for (int i = 0; i < t.size; i++) {
                    if (!weighed[t.postings[i] >>> 6]) {
                        made[size++] = t.postings[i];
                    }
                }
                System.arraycopy(t.pending, 0, made, size, t.pendingSize);
                size += t.pendingSize;
                Arrays.sort(made, 0, size);
                t.postings = size == made.length ? made : Arrays.copyOf(made, size);
                t.size = size;
                t.encoded = null;
                t.pending = EMPTY;
                t.pendingSize = 0;
            }
            return again.size();
        }

        boolean weighedAll() {
            return weighedAll;
        }

        /** How many documents the last update weighed. */
        int weighed() {
            return weighed;
        }

        /** In a lasting memo, enters a document that chooses among its body terms in their lists of choosers. */
        private void chooseIn(Doc doc) {
            if (lasting && doc.bodyOnly > bodyTerms) {
                for (int k = 0; k < doc.terms.length; k++) {
                    if (doc.counts.bodyOnly(k)) {
                        doc.terms[k].choose(doc);
                    }
                }
            }
        }

        /**
         * A document's weights: every term found outside the body is kept, and of the body-only
         * terms the {@link #bodyTerms} of highest tf-idf (ties to the term that comes first in the
         * document); each kept term weighs its BM25F saturated, field-weighted frequency.
         */
        private void weigh(Doc doc) {
            SearchCounts c = doc.counts;
            int count = doc.terms.length;
            double[] norm = new double[SearchCounts.FIELDS];
            for (int f = 0; f < norm.length; f++) {
                norm[f] = 1 - B[f] + B[f] * c.length()[f] / average[f];
            }
            boolean choose = doc.bodyOnly > bodyTerms;
            double[] tfIdf = choose ? new double[doc.bodyOnly] : null;
            double threshold = 0;
            int ties = 0;
            if (choose) {
                int i = 0;
                for (int k = 0; k < count; k++) {
                    if (c.bodyOnly(k)) {
                        int tf = c.tf(k, BODY);
                        tfIdf[i++] = (1 + (tf < LOG.length ? LOG[tf] : Math.log(tf))) * idf(doc.terms[k]);
                    }
                }
                // the bodyTerms best: all above the score of the bodyTerms-th, then of those at that score the first
                threshold = select(tfIdf.clone(), doc.bodyOnly - bodyTerms);
                int above = 0;
                for (double s : tfIdf) {
                    above += s > threshold ? 1 : 0;
                }
                ties = bodyTerms - above;
            }
            byte[] weight = new byte[count];
            int i = 0;
            for (int k = 0; k < count; k++) {
                if (choose && c.bodyOnly(k)) {
                    double s = tfIdf[i++];
                    if (!(s > threshold || s == threshold && ties-- > 0)) {
                        continue;
                    }
                }
                double weighted = 0;
                for (int f = 0; f < SearchCounts.FIELDS; f++) {
                    int tf = c.tf(k, f);
                    if (tf > 0) {
                        weighted += WEIGHT[f] * tf / norm[f];
                    }
                }
                double saturated = weighted * (K1 + 1) / (weighted + K1);
                weight[k] = (byte) Math.max(1, Math.min(MAX_WEIGHT, Math.round(saturated / (K1 + 1) * MAX_WEIGHT)));
            }
            doc.weight = weight;
        }

        private double idf(Term t) {
            if (t.idfBuild != build) {
                t.idf = Math.log((double) documents / t.documents);
                t.idfBuild = build;
            }
            return t.idf;
        }

        /**
         * The dictionary in order, with the terms {@code added} in this build merged in; terms no
         * document has any more are dropped once they are as many as the live ones.
         */
        private Term[] sorted(List<Term> added) {
            int all = sorted.length + added.size();
            boolean prune = all > 2 * (all - dead) + 4096;
            if (added.isEmpty() && !prune) {
                return sorted;
            }
            added.sort(BY_TEXT);
            Term[] merged = new Term[prune ? all - dead : all];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < sorted.length || j < added.size()) {
                Term t = j == added.size() || i < sorted.length && BY_TEXT.compare(sorted[i], added.get(j)) < 0
                        ? sorted[i++] : added.get(j++);
                if (!prune || t.documents > 0) {
                    merged[k++] = t;
                } else {
                    dictionary.remove(t.text);
                }
            }
            if (prune) {
                dead = 0;
            }
            sorted = merged;
            return merged;
        }
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
     * @param postings {@code document number << 6 | weight}, documents ascending
     * @param size     how many values of {@code postings} are used
     */
    static byte[] encode(int documentFrequency, int[] postings, int size) {
        // at most 7 characters per number, one per weight
        byte[] out = new byte[7 + size * 8];
        int at = number(out, 0, documentFrequency);
        int previous = -1;
        for (int i = 0; i < size; i++) {
            int document = postings[i] >>> 6;
            at = number(out, at, document - previous - 1);
            out[at++] = DIGIT[postings[i] & MAX_WEIGHT];
            previous = document;
        }
        return Arrays.copyOf(out, at);
    }

    private static final byte[] DIGIT = DIGITS.getBytes(StandardCharsets.US_ASCII);

    /** Five bits per character, low bits first; 32 is added to every character but the last. Returns the next position. */
    static int number(byte[] out, int at, int value) {
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
