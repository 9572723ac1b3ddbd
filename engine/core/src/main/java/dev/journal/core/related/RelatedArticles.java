package dev.journal.core.related;

import dev.journal.core.Problem;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The recommended articles under each article: ranks every other published article by shared
 * text, tags and authors, nudged by freshness and spread by diversity.
 *
 * <p>How an article {@code d} ranks a candidate {@code e}:
 * <ul>
 * <li><b>text</b>: cosine of the two articles' term vectors. A term's weight is BM25's (its count
 *     in title x3, summary x2 and body, saturated and length-normalised, times its inverse document
 *     frequency); only each article's {@value #TERMS_PER_ARTICLE} strongest terms are kept.</li>
 * <li><b>tags</b>: cosine of the tag sets, each tag weighted by {@code ln(1 + N / df)}, so a shared
 *     rare tag says more than a shared common one.</li>
 * <li><b>authors</b>: authors in common over the geometric mean of the two authors lists' sizes.</li>
 * <li>relevance is the weighted sum of the three; score is {@code relevance * (1 - wf + wf * f)}
 *     where freshness {@code f} halves every half-life back from the newest article. Freshness can
 *     only scale a relevance, so it orders equally related articles newest first but costs an
 *     old article at most the share {@code wf} of its score.</li>
 * <li>diversity: the block is filled greedily (maximal marginal relevance) among the strongest
 *     candidates, each one's score lowered by {@code diversity * likeness} to the closest article
 *     already in the block, likeness being relevance over the sum of the weights.</li>
 * </ul>
 * Pins ({@code related: [slug, ...]}) come first; {@code related: false} gives no block. Drafts
 * (even when previewing), articles not in {@code posts} (scheduled ones in a real build) and the
 * article itself are never recommended.
 *
 * <p>Speed: no article is compared with every other. Candidates come from inverted indexes with
 * bounded lists (each term keeps its {@value #POSTINGS_PER_TERM} strongest articles, each tag and
 * author its {@value #ARTICLES_PER_NAME} newest), and only the best {@value #SHORTLIST} by this
 * estimate are scored exactly, so the work per article does not grow with the site.
 *
 * <p>Determinism: articles are numbered newest first (then by slug and path), every sparse vector
 * is kept in one order, and parallel work writes only its own article's slot, so the results do
 * not depend on input order or thread timing. Equal scores rank newer first, then by slug.
 *
 * <p>Immutable after {@link #index}; safe to query from several threads.
 */
public final class RelatedArticles {

    static final int TERMS_PER_ARTICLE = 48;
    static final int POSTINGS_PER_TERM = 256;
    static final int ARTICLES_PER_NAME = 256;
    static final int SHORTLIST = 64;
    private static final float TITLE_WEIGHT = 3;
    private static final float SUMMARY_WEIGHT = 2;
    private static final double BM25_K1 = 1.2;
    private static final double BM25_B = 0.75;
    /** In sites this large, terms in more than half of the articles are left out as noise. */
    private static final int COMMON_TERM_MIN_ARTICLES = 20;
    private static final int SHARED_TERMS_SHOWN = 8;
    private static final int SUGGESTION_NEIGHBOURS = 16;

    /** Newest first, then by slug and path: the articles' numbering and the order of equal scores. */
    private static final Comparator<Article> ORDER = Comparator
            .comparing(Article::date, Comparator.nullsLast(Comparator.<ZonedDateTime>naturalOrder().reversed()))
            .thenComparing(Article::slug)
            .thenComparing(Article::sourcePath);

    private final RelatedSettings settings;
    private final Tokenizer tokenizer;
    private final Article[] docs;
    private final boolean[] candidate;
    private final Map<String, Integer> byPath;
    private final List<Problem> problems;
    private final int[][] pins;

    // Text: each article's strongest terms in ascending hash order, unit length.
    private final long[][] termHashes;
    private final float[][] termWeights;
    private final int[][] termIds;
    private final TermIds[] documentFrequency;
    private final double averageLength;
    private final TermIds termIdOf;
    private final int[] postingStart;
    private final int[] postingDoc;
    private final float[] postingWeight;

    // Tags and authors: ids in ascending order per article; articles per id newest first.
    private final Names tags;
    private final Names authors;
    private final double[] tagIdf;
    private final double[] tagNorm;

    private final double[] freshness;

    private RelatedArticles(List<Article> posts, List<Article> hidden, RelatedSettings settings, ForkJoinPool pool) {
        this.settings = settings;
        this.tokenizer = new Tokenizer(settings.english());
        this.docs = posts.stream().filter(Article::isPost).sorted(ORDER).toArray(Article[]::new);
        int n = docs.length;
        this.candidate = new boolean[n];
        this.byPath = new HashMap<>();
        for (int i = 0; i < n; i++) {
            candidate[i] = !docs[i].draft();
            byPath.put(docs[i].outputPath(), i);
        }

        // Text: count terms in parallel, then document frequencies, then weights.
        RawTerms[] raw = pool.submit(() -> IntStream.range(0, n).parallel().mapToObj(i -> count(docs[i], null))
                .toArray(RawTerms[]::new)).join();
        this.documentFrequency = documentFrequencies(raw, pool);
        double length = 0;
        for (RawTerms r : raw) {
            length += r.length;
        }
        this.averageLength = n == 0 ? 1 : Math.max(1, length / n);
        this.termHashes = new long[n][];
        this.termWeights = new float[n][];
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            Vector v = weigh(raw[i], 2);
            termHashes[i] = v.hashes;
            termWeights[i] = v.weights;
            raw[i] = null;
        })).join();
        this.termIdOf = new TermIds(n * 16);
        this.termIds = new int[n][];
        int[] counts = numberTerms();
        this.postingStart = new int[counts.length + 1];
        int[][] postings = postings(counts);
        this.postingDoc = postings[0];
        this.postingWeight = new float[postingDoc.length];
        for (int p = 0; p < postingDoc.length; p++) {
            postingWeight[p] = Float.intBitsToFloat(postings[1][p]);
        }

        this.tags = new Names(docs, candidate, Article::tags);
        this.authors = new Names(docs, candidate, Article::authors);
        this.tagIdf = new double[tags.size()];
        for (int t = 0; t < tagIdf.length; t++) {
            tagIdf[t] = Math.log(1 + (double) n / tags.frequency[t]);
        }
        this.tagNorm = new double[n];
        for (int i = 0; i < n; i++) {
            tagNorm[i] = norm(tags.of[i]);
        }

        this.freshness = new double[n];
        ZonedDateTime newest = null;
        for (int i = 0; i < n && newest == null; i++) {
            newest = candidate[i] ? docs[i].date() : null;
        }
        for (int i = 0; i < n; i++) {
            freshness[i] = freshness(docs[i].date(), newest);
        }

        this.problems = new ArrayList<>();
        this.pins = resolvePins(posts, hidden);
    }

    /**
     * Indexes the articles to recommend from.
     *
     * @param posts    the articles shown in this build; those of type post that are not drafts are
     *                 the candidates, and every one of type post gets recommendations
     * @param hidden   the articles left out of this build, so that a pin naming one is not an error
     * @param settings weights and count
     * @param pool     where the parallel parts run
     */
    public static RelatedArticles index(List<Article> posts, List<Article> hidden, RelatedSettings settings,
            ForkJoinPool pool) {
        return new RelatedArticles(posts, hidden, settings, pool);
    }

    /** Problems with pins: a slug no article has, or that several have; a pin of the article itself. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Every article's recommendations, best first, by output path. Articles with
     * {@code related: false} and articles with nothing to recommend are absent.
     */
    public Map<String, List<Article>> recommendAll(ForkJoinPool pool) {
        int n = docs.length;
        if (settings.count() == 0 || n == 0) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Article>[] out = new List[n];
        int chunks = Math.min(n, Math.max(1, pool.getParallelism() * 8));
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
            Workspace ws = new Workspace(n);
            for (int i = c * n / chunks; i < (c + 1) * n / chunks; i++) {
                if (docs[i].related().hidden()) {
                    continue;
                }
                List<Pick> picks = rank(query(i), ws);
                List<Article> list = new ArrayList<>(picks.size());
                for (Pick p : picks) {
                    list.add(docs[p.doc]);
                }
                out[i] = List.copyOf(list);
            }
        })).join();
        Map<String, List<Article>> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (out[i] != null && !out[i].isEmpty()) {
                map.put(docs[i].outputPath(), out[i]);
            }
        }
        return map;
    }

    /**
     * One article's recommendations with the score of each signal, exactly as {@link #recommendAll}
     * ranks them. The article need not be among the indexed ones (a draft in a real build): it is
     * then compared with them as it is.
     */
    public List<Recommendation> explain(Article article) {
        if (settings.count() == 0 || article.related().hidden()) {
            return List.of();
        }
        Integer i = byPath.get(article.outputPath());
        Query q = i != null ? query(i) : query(article);
        List<Pick> picks = rank(q, new Workspace(docs.length));
        Map<Long, String> names = new HashMap<>();
        count(article, names);
        List<Recommendation> out = new ArrayList<>();
        for (Pick p : picks) {
            Article e = docs[p.doc];
            count(e, names);
            out.add(new Recommendation(e, p.pinned, p.text, p.tags, p.authors, p.relevance, freshness[p.doc],
                    p.score, p.likeness, p.total, sharedTags(article, e), sharedAuthors(article, e),
                    sharedTerms(q, p.doc, names)));
        }
        return out;
    }

    /** A tag proposed for a new text, with its support (0 to 1) among the most similar articles. */
    public record TagSuggestion(String tag, double score) {
    }

    /**
     * Tags from the site's vocabulary for a new text (an imported article, say): the tags of the
     * articles whose text is most like it, each weighted by that likeness, as a share of the
     * neighbours' total likeness. Best first; at most {@code max}.
     */
    public List<TagSuggestion> suggestTags(String title, String text, int max) {
        RawTerms raw = new RawTerms();
        TermCounts counts = new TermCounts(1024);
        tokenizer.tokenize(title, TITLE_WEIGHT, counts, null);
        tokenizer.tokenize(text, 1, counts, null);
        Vector v = weigh(raw.of(counts), 1);
        Query q = new Query(-1, v.hashes, v.weights, idsOf(v.hashes), new int[0], 0, new int[0], new int[0]);
        Workspace ws = new Workspace(docs.length);
        ws.start();
        accumulateText(q, 1, ws);
        List<Pick> neighbours = new ArrayList<>();
        for (int e : ws.top(SHORTLIST)) {
            Pick p = new Pick(e);
            p.text = textCosine(q.hashes, q.weights, termHashes[e], termWeights[e]);
            neighbours.add(p);
        }
        neighbours.sort(Comparator.comparingDouble((Pick p) -> -p.text).thenComparingInt(p -> p.doc));
        double[] tagScore = new double[tags.size()];
        double total = 0;
        for (Pick p : neighbours.subList(0, Math.min(SUGGESTION_NEIGHBOURS, neighbours.size()))) {
            total += p.text;
            for (int t : tags.of[p.doc]) {
                tagScore[t] += p.text;
            }
        }
        List<TagSuggestion> out = new ArrayList<>();
        for (int t = 0; t < tagScore.length; t++) {
            if (tagScore[t] > 0) {
                out.add(new TagSuggestion(tags.display[t], tagScore[t] / total));
            }
        }
        out.sort(Comparator.comparingDouble(TagSuggestion::score).reversed().thenComparing(TagSuggestion::tag));
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }

    // ---- ranking -------------------------------------------------------------------------------

    /** What one article is compared by. {@code self} is its number, or -1 for an article not indexed. */
    private record Query(int self, long[] hashes, float[] weights, int[] ids, int[] tags, double tagNorm,
            int[] authors, int[] pins) {
    }

    /** A ranked candidate and its signals. */
    private static final class Pick {
        final int doc;
        boolean pinned;
        double text;
        double tags;
        double authors;
        double relevance;
        double score;
        double likeness;
        double total;

        Pick(int doc) {
            this.doc = doc;
        }
    }

    private Query query(int i) {
        return new Query(i, termHashes[i], termWeights[i], termIds[i], tags.of[i], tagNorm[i], authors.of[i],
                pins[i]);
    }

    private Query query(Article article) {
        Vector v = weigh(count(article, null), 1);
        int[] t = tags.idsOf(article.tags());
        List<Problem> ignored = new ArrayList<>();
        return new Query(-1, v.hashes, v.weights, idsOf(v.hashes), t, norm(t), authors.idsOf(article.authors()),
                pinsOf(article, -1, slugIndex(docs, List.of()), ignored));
    }

    private List<Pick> rank(Query q, Workspace ws) {
        int k = settings.count();
        List<Pick> chosen = new ArrayList<>(k);
        for (int p : q.pins) {
            Pick pick = score(q, p);
            pick.pinned = true;
            chosen.add(pick);
        }
        if (chosen.size() >= k) {
            return chosen;
        }
        ws.start();
        accumulateText(q, settings.textWeight(), ws);
        accumulateNames(q.tags, tags, settings.tagsWeight(), q, ws, true);
        accumulateNames(q.authors, authors, settings.authorsWeight(), q, ws, false);
        for (int p : q.pins) {
            ws.exclude(p);
        }
        int[] shortlist = ws.top(SHORTLIST);

        List<Pick> strong = new ArrayList<>(shortlist.length);
        for (int e : shortlist) {
            Pick p = score(q, e);
            if (p.relevance > 0) {
                strong.add(p);
            }
        }
        strong.sort(Comparator.comparingDouble((Pick p) -> -p.score).thenComparingInt(p -> p.doc));
        List<Pick> pool = new ArrayList<>(strong.subList(0, Math.min(strong.size(), Math.max(16, 4 * k))));
        for (Pick c : chosen) {
            for (Pick p : pool) {
                p.likeness = Math.max(p.likeness, likeness(p.doc, c.doc));
            }
        }
        while (chosen.size() < k && !pool.isEmpty()) {
            Pick best = null;
            for (Pick p : pool) {
                p.total = p.score * (1 - settings.diversity() * p.likeness);
                if (best == null || p.total > best.total || p.total == best.total && p.doc < best.doc) {
                    best = p;
                }
            }
            pool.remove(best);
            chosen.add(best);
            for (Pick p : pool) {
                p.likeness = Math.max(p.likeness, likeness(p.doc, best.doc));
            }
        }
        return chosen;
    }

    /** Adds each candidate's partial text score, from the capped postings, to the estimate. */
    private void accumulateText(Query q, double weight, Workspace ws) {
        if (weight == 0) {
            return;
        }
        for (int j = 0; j < q.ids.length; j++) {
            int id = q.ids[j];
            if (id < 0) {
                continue;
            }
            float w = (float) (q.weights[j] * weight);
            for (int p = postingStart[id]; p < postingStart[id + 1]; p++) {
                int e = postingDoc[p];
                if (e != q.self && candidate[e]) {
                    ws.add(e, w * postingWeight[p]);
                }
            }
        }
    }

    /** Adds each candidate's share of tags or authors, from the newest articles of each name. */
    private void accumulateNames(int[] ids, Names names, double weight, Query q, Workspace ws, boolean isTags) {
        if (weight == 0 || ids.length == 0) {
            return;
        }
        for (int id : ids) {
            int[] list = names.articles[id];
            double part = isTags ? weight * tagIdf[id] * tagIdf[id] / q.tagNorm : weight / Math.sqrt(ids.length);
            for (int m = 0; m < Math.min(list.length, ARTICLES_PER_NAME); m++) {
                int e = list[m];
                if (e != q.self) {
                    double norm = isTags ? tagNorm[e] : Math.sqrt(names.of[e].length);
                    ws.add(e, (float) (part / norm));
                }
            }
        }
    }

    private Pick score(Query q, int e) {
        Pick p = new Pick(e);
        p.text = textCosine(q.hashes, q.weights, termHashes[e], termWeights[e]);
        p.tags = tagCosine(q.tags, q.tagNorm, e);
        p.authors = authorShare(q.authors, authors.of[e]);
        p.relevance = settings.textWeight() * p.text + settings.tagsWeight() * p.tags
                + settings.authorsWeight() * p.authors;
        double wf = settings.freshnessWeight();
        p.score = p.relevance * (1 - wf + wf * freshness[e]);
        p.total = p.score;
        return p;
    }

    /** Relevance of two indexed articles to each other, from 0 to 1. */
    private double likeness(int a, int b) {
        double sum = settings.relevanceWeights();
        if (sum == 0) {
            return 0;
        }
        double r = settings.textWeight() * textCosine(termHashes[a], termWeights[a], termHashes[b], termWeights[b])
                + settings.tagsWeight() * tagCosine(tags.of[a], tagNorm[a], b)
                + settings.authorsWeight() * authorShare(authors.of[a], authors.of[b]);
        return Math.min(1, r / sum);
    }

    private static double textCosine(long[] ha, float[] wa, long[] hb, float[] wb) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ha.length && j < hb.length) {
            if (ha[i] == hb[j]) {
                dot += (double) wa[i++] * wb[j++];
            } else if (ha[i] < hb[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    private double tagCosine(int[] qt, double qNorm, int e) {
        int[] et = tags.of[e];
        if (qNorm == 0 || tagNorm[e] == 0) {
            return 0;
        }
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < qt.length && j < et.length) {
            if (qt[i] == et[j]) {
                dot += tagIdf[qt[i]] * tagIdf[qt[i]];
                i++;
                j++;
            } else if (qt[i] < et[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (qNorm * tagNorm[e]);
    }

    private static double authorShare(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared / Math.sqrt((double) a.length * b.length);
    }

    /** Per-thread scratch space: a score estimate per article, and which ones were touched. */
    private static final class Workspace {
        private final float[] estimate;
        private final int[] stamp;
        private final int[] touched;
        private int touchedCount;
        private int generation;

        Workspace(int n) {
            estimate = new float[n];
            stamp = new int[n];
            touched = new int[n];
        }

        void start() {
            generation++;
            touchedCount = 0;
        }

        void add(int e, float v) {
            if (stamp[e] != generation) {
                stamp[e] = generation;
                estimate[e] = v;
                touched[touchedCount++] = e;
            } else if (estimate[e] >= 0) {
                estimate[e] += v;
            }
        }

        void exclude(int e) {
            add(e, 0);
            estimate[e] = -1;
        }

        /** The best {@code max} touched articles by estimate, best first, ties to the lower number. */
        int[] top(int max) {
            int[] heap = new int[Math.min(max, touchedCount)];
            int size = 0;
            for (int t = 0; t < touchedCount; t++) {
                int e = touched[t];
                if (estimate[e] <= 0) {
                    continue;
                }
                if (size < heap.length) {
                    heap[size] = e;
                    siftUp(heap, size++);
                } else if (better(e, heap[0])) {
                    heap[0] = e;
                    siftDown(heap, size);
                }
            }
            Integer[] sorted = new Integer[size];
            for (int s = 0; s < size; s++) {
                sorted[s] = heap[s];
            }
            Arrays.sort(sorted, (a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
            int[] out = new int[size];
            for (int s = 0; s < size; s++) {
                out[s] = sorted[s];
            }
            return out;
        }

        private boolean better(int a, int b) {
            return estimate[a] > estimate[b] || estimate[a] == estimate[b] && a < b;
        }

        /** Min-heap on "better": the root is the worst kept. */
        private void siftUp(int[] heap, int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!better(heap[parent], heap[i])) {
                    break;
                }
                swap(heap, i, parent);
                i = parent;
            }
        }

        private void siftDown(int[] heap, int size) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                int worst = i;
                if (l < size && better(heap[worst], heap[l])) {
                    worst = l;
                }
                if (l + 1 < size && better(heap[worst], heap[l + 1])) {
                    worst = l + 1;
                }
                if (worst == i) {
                    return;
                }
                swap(heap, i, worst);
                i = worst;
            }
        }

        private static void swap(int[] a, int i, int j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // ---- building the text index --------------------------------------------------------------

    /** An article's terms before weighting: hashes ascending, weighted counts, total count. */
    private static final class RawTerms {
        long[] hashes;
        float[] counts;
        double length;

        RawTerms of(TermCounts c) {
            hashes = c.sortedKeys();
            counts = new float[hashes.length];
            for (int j = 0; j < hashes.length; j++) {
                counts[j] = c.get(hashes[j]);
                length += counts[j];
            }
            return this;
        }
    }

    /** A weighted, truncated, unit-length term vector in ascending hash order. */
    private record Vector(long[] hashes, float[] weights) {
    }

    private RawTerms count(Article a, Map<Long, String> names) {
        TermCounts counts = new TermCounts(1024);
        tokenizer.tokenize(a.title(), TITLE_WEIGHT, counts, names);
        if (a.summary() != null) {
            tokenizer.tokenize(a.summary(), SUMMARY_WEIGHT, counts, names);
        }
        tokenizer.tokenize(a.text(), 1, counts, names);
        return new RawTerms().of(counts);
    }

    /** Document frequencies, counted in parallel shards split by the hash's top bits. */
    private static TermIds[] documentFrequencies(RawTerms[] raw, ForkJoinPool pool) {
        int shards = 8;
        TermIds[] df = new TermIds[shards];
        int expected = raw.length == 0 ? 16 : Math.min(1 << 22, raw.length * 64 / shards);
        pool.submit(() -> IntStream.range(0, shards).parallel().forEach(s -> {
            TermIds map = new TermIds(expected);
            for (RawTerms r : raw) {
                for (long h : r.hashes) {
                    if ((int) (h >>> 61) == s) {
                        map.add(h, 1);
                    }
                }
            }
            df[s] = map;
        })).join();
        return df;
    }

    private int documentFrequency(long h) {
        return documentFrequency[(int) (h >>> 61)].get(h, 0);
    }

    /**
     * BM25 weights; keeps the strongest terms that another article can share (in at least
     * {@code minArticles}: 2 for an indexed article, which counts itself, 1 for a text from outside);
     * unit length.
     */
    private Vector weigh(RawTerms r, int minArticles) {
        int n = docs.length;
        int size = r.hashes.length;
        long[] order = new long[size];
        double[] w = new double[size];
        int kept = 0;
        double lengthNorm = BM25_K1 * (1 - BM25_B + BM25_B * r.length / averageLength);
        for (int j = 0; j < size; j++) {
            int df = documentFrequency(r.hashes[j]);
            if (df < minArticles || n >= COMMON_TERM_MIN_ARTICLES && df > n / 2) {
                continue;
            }
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            double tf = r.counts[j];
            w[j] = idf * tf * (BM25_K1 + 1) / (tf + lengthNorm);
            // weight descending (positive floats order like their bits), then hash order
            order[kept++] = (long) (Integer.MAX_VALUE - Float.floatToIntBits((float) w[j])) << 32 | j;
        }
        Arrays.sort(order, 0, kept);
        int t = Math.min(kept, TERMS_PER_ARTICLE);
        int[] pick = new int[t];
        for (int j = 0; j < t; j++) {
            pick[j] = (int) order[j];
        }
        Arrays.sort(pick);
        double norm = 0;
        for (int j : pick) {
            norm += w[j] * w[j];
        }
        norm = Math.sqrt(norm);
        long[] hashes = new long[t];
        float[] weights = new float[t];
        for (int j = 0; j < t; j++) {
            hashes[j] = r.hashes[pick[j]];
            weights[j] = (float) (w[pick[j]] / norm);
        }
        return new Vector(hashes, weights);
    }

    /** Numbers the kept terms in article order; returns each term's number of articles. */
    private int[] numberTerms() {
        int next = 0;
        int[] counts = new int[Math.max(16, docs.length)];
        for (int i = 0; i < docs.length; i++) {
            long[] h = termHashes[i];
            int[] ids = new int[h.length];
            for (int j = 0; j < h.length; j++) {
                int id = termIdOf.putIfAbsent(h[j], next);
                if (id == next) {
                    next++;
                    if (next > counts.length) {
                        counts = Arrays.copyOf(counts, counts.length * 2);
                    }
                }
                ids[j] = id;
                counts[id]++;
            }
            termIds[i] = ids;
        }
        return Arrays.copyOf(counts, next);
    }

    /**
     * Each term's articles, strongest first and at most {@value #POSTINGS_PER_TERM}: the bound
     * that keeps a query's work constant however common a term is. Returns articles and weights (as
     * float bits) in one flat array per kind, with {@link #postingStart} marking each term's part.
     */
    private int[][] postings(int[] counts) {
        int terms = counts.length;
        int[] start = new int[terms + 1];
        for (int t = 0; t < terms; t++) {
            start[t + 1] = start[t] + counts[t];
        }
        int[] fill = Arrays.copyOf(start, terms);
        long[] all = new long[start[terms]];
        for (int i = 0; i < docs.length; i++) {
            int[] ids = termIds[i];
            for (int j = 0; j < ids.length; j++) {
                // weight descending, then article number
                all[fill[ids[j]]++] = (long) (Integer.MAX_VALUE - Float.floatToIntBits(termWeights[i][j])) << 32 | i;
            }
        }
        int total = 0;
        for (int t = 0; t < terms; t++) {
            total += Math.min(counts[t], POSTINGS_PER_TERM);
        }
        int[] doc = new int[total];
        int[] weight = new int[total];
        int p = 0;
        for (int t = 0; t < terms; t++) {
            postingStart[t] = p;
            if (counts[t] > POSTINGS_PER_TERM) {
                Arrays.sort(all, start[t], start[t + 1]);
            }
            for (int q = start[t]; q < start[t] + Math.min(counts[t], POSTINGS_PER_TERM); q++) {
                doc[p] = (int) all[q];
                weight[p] = Integer.MAX_VALUE - (int) (all[q] >>> 32);
                p++;
            }
        }
        postingStart[terms] = p;
        return new int[][] {doc, weight};
    }

    private int[] idsOf(long[] hashes) {
        int[] ids = new int[hashes.length];
        for (int j = 0; j < hashes.length; j++) {
            ids[j] = termIdOf.get(hashes[j], -1);
        }
        return ids;
    }

    // ---- tags, authors, freshness, pins --------------------------------------------------------

    /** Tags or authors by key ({@link Slugs#key}), numbered in article order. */
    private static final class Names {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> displayList = new ArrayList<>();
        final int[][] of;
        final int[][] articles;
        final int[] frequency;
        final String[] display;

        Names(Article[] docs, boolean[] candidate, Function<Article, List<String>> names) {
            of = new int[docs.length][];
            List<List<Integer>> lists = new ArrayList<>();
            List<Integer> freq = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                int[] own = new int[names.apply(docs[i]).size()];
                int m = 0;
                for (String name : names.apply(docs[i])) {
                    Integer id = ids.get(Slugs.key(name));
                    if (id == null) {
                        id = ids.size();
                        ids.put(Slugs.key(name), id);
                        displayList.add(name);
                        lists.add(new ArrayList<>());
                        freq.add(0);
                    }
                    own[m++] = id;
                    freq.set(id, freq.get(id) + 1);
                    if (candidate[i]) {
                        lists.get(id).add(i);
                    }
                }
                Arrays.sort(own);
                of[i] = own;
            }
            articles = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            frequency = freq.stream().mapToInt(Integer::intValue).toArray();
            display = displayList.toArray(String[]::new);
        }

        int size() {
            return display.length;
        }

        /** The numbers of names as an article not indexed writes them; unknown names are left out. */
        int[] idsOf(List<String> names) {
            return names.stream().map(name -> ids.get(Slugs.key(name))).filter(id -> id != null)
                    .mapToInt(Integer::intValue).distinct().sorted().toArray();
        }
    }

    private double norm(int[] tagIds) {
        double sum = 0;
        for (int t : tagIds) {
            sum += tagIdf[t] * tagIdf[t];
        }
        return Math.sqrt(sum);
    }

    private double freshness(ZonedDateTime date, ZonedDateTime newest) {
        if (date == null || newest == null || !date.isBefore(newest)) {
            return 1;
        }
        double days = Duration.between(date, newest).toSeconds() / 86400.0;
        return Math.pow(0.5, days / settings.halfLifeDays());
    }

    private int[][] resolvePins(List<Article> posts, List<Article> hidden) {
        Map<String, List<Article>> bySlug = slugIndex(posts.toArray(Article[]::new), hidden);
        int[][] out = new int[docs.length][];
        for (int i = 0; i < docs.length; i++) {
            out[i] = pinsOf(docs[i], i, bySlug, problems);
        }
        return out;
    }

    private static Map<String, List<Article>> slugIndex(Article[] shown, List<Article> hidden) {
        Map<String, List<Article>> bySlug = new LinkedHashMap<>();
        for (Article a : shown) {
            if (a.isPost()) {
                bySlug.computeIfAbsent(a.slug(), s -> new ArrayList<>()).add(a);
            }
        }
        for (Article a : hidden) {
            if (a.isPost()) {
                bySlug.computeIfAbsent(a.slug(), s -> new ArrayList<>()).add(a);
            }
        }
        bySlug.values().forEach(l -> l.sort(Comparator.comparing(Article::sourcePath)));
        return bySlug;
    }

    /** The numbers of the pinned articles that can be shown, reporting slugs that name no article or several. */
    private int[] pinsOf(Article a, int self, Map<String, List<Article>> bySlug, List<Problem> found) {
        List<Integer> out = new ArrayList<>();
        int line = a.line("related");
        for (String slug : a.related().pinned()) {
            List<Article> matches = bySlug.get(slug);
            if (matches == null) {
                found.add(Problem.error(a.sourcePath(), line, "related: no article has the slug '" + slug + "'"));
                continue;
            }
            if (matches.size() > 1) {
                found.add(Problem.error(a.sourcePath(), line, "related: the slug '" + slug + "' is shared by "
                        + String.join(" and ", matches.stream().map(Article::sourcePath).toList())
                        + "; give one of them another slug"));
                continue;
            }
            Article target = matches.get(0);
            Integer e = byPath.get(target.outputPath());
            if (target.sourcePath().equals(a.sourcePath()) || e != null && e == self) {
                found.add(Problem.warning(a.sourcePath(), line, "related: an article cannot recommend itself ('"
                        + slug + "')"));
                continue;
            }
            // A pinned draft or scheduled article is left out until it is published.
            if (e != null && candidate[e] && !out.contains(e)) {
                out.add(e);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- explanations --------------------------------------------------------------------------

    private List<String> sharedTags(Article a, Article e) {
        List<String> shared = new ArrayList<>();
        List<String> keys = e.tags().stream().map(Slugs::key).toList();
        for (String t : a.tags()) {
            if (keys.contains(Slugs.key(t))) {
                shared.add(t);
            }
        }
        shared.sort(Comparator.comparingDouble((String t) -> Optional.ofNullable(tags.ids.get(Slugs.key(t)))
                .map(id -> -tagIdf[id]).orElse(0.0)).thenComparing(Function.identity()));
        return shared;
    }

    private static List<String> sharedAuthors(Article a, Article e) {
        List<String> keys = e.authors().stream().map(Slugs::key).toList();
        return a.authors().stream().filter(n -> keys.contains(Slugs.key(n))).toList();
    }

    private List<String> sharedTerms(Query q, int e, Map<Long, String> names) {
        long[] hb = termHashes[e];
        float[] wb = termWeights[e];
        List<long[]> shared = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < q.hashes.length && j < hb.length) {
            if (q.hashes[i] == hb[j]) {
                shared.add(new long[] {Double.doubleToLongBits((double) q.weights[i] * wb[j]), q.hashes[i]});
                i++;
                j++;
            } else if (q.hashes[i] < hb[j]) {
                i++;
            } else {
                j++;
            }
        }
        shared.sort(Comparator.comparingDouble((long[] s) -> -Double.longBitsToDouble(s[0]))
                .thenComparingLong(s -> s[1]));
        return shared.stream().limit(SHARED_TERMS_SHOWN).map(s -> names.getOrDefault(s[1], "?")).toList();
    }
}
