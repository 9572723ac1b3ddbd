package dev.journal.core.related;

import dev.journal.core.Problem;
import dev.journal.core.internal.Checksummed;
import dev.journal.core.internal.FileCounts;
import dev.journal.core.internal.Mix64;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The recommended articles under each article: ranks every other published article by shared
 * text, tags and authors, nudged by freshness and spread by diversity.
 *
 * <p>How an article {@code d} ranks a candidate {@code e}:
 * <ul>
 * <li><b>text</b>: cosine of the two articles' BM25-weighted term vectors ({@link TextIndex}).</li>
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
 * bounded lists: an article's {@value TextIndex#QUERY_TERMS} strongest terms each lead to the
 * {@value TextIndex#POSTINGS_PER_TERM} articles where that term weighs most, and its tags and
 * authors each to their {@value #ARTICLES_PER_NAME} newest articles. Only the best
 * {@value #SHORTLIST} by this estimate are scored exactly, so the work per article does not grow
 * with the site.
 *
 * <p>Determinism: articles are numbered newest first (then by slug and path), terms and names in
 * that order, and parallel work writes only its own article's slot, so the results do not depend
 * on input order or thread timing. Equal scores rank newer first, then by slug.
 *
 * <p>Immutable after {@link #index}; safe to query from several threads.
 */
public final class RelatedArticles {

    static final int ARTICLES_PER_NAME = 128;
    static final int SHORTLIST = 24;
    private static final int SHARED_TERMS_SHOWN = 8;
    private static final int SUGGESTION_NEIGHBOURS = 16;


    private final RelatedSettings settings;
    private final Article[] docs;
    private final boolean[] candidate;
    private final Map<String, Integer> byPath = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final int[][] pins;
    private final TextIndex text;
    private final NameIndex tags;
    private final NameIndex authors;
    private final double[] tagIdfSquared;
    private final double[] tagNorm;
    private final double[] freshness;
    private final Memo memo;

    private RelatedArticles(List<Article> posts, List<Article> hidden, RelatedSettings settings, ForkJoinPool pool,
            Memo memo) {
        this.settings = settings;
        this.memo = memo;
        this.docs = newestFirst(posts);
        int n = docs.length;
        this.candidate = new boolean[n];
        for (int i = 0; i < n; i++) {
            candidate[i] = !docs[i].draft();
            byPath.put(docs[i].outputPath(), i);
        }
        this.text = new TextIndex(docs, candidate, new Tokenizer(settings.english()), pool,
                memo == null ? null : memo.text);
        this.tags = new NameIndex(docs, candidate, Article::tags);
        this.authors = new NameIndex(docs, candidate, Article::authors);
        this.tagIdfSquared = new double[tags.size()];
        for (int t = 0; t < tagIdfSquared.length; t++) {
            double idf = Math.log(1 + (double) n / tags.frequency[t]);
            tagIdfSquared[t] = idf * idf;
        }
        this.tagNorm = new double[n];
        for (int i = 0; i < n; i++) {
            tagNorm[i] = norm(tags.of(i));
        }
        this.freshness = new double[n];
        ZonedDateTime newest = null;
        for (int i = 0; i < n && newest == null; i++) {
            newest = candidate[i] ? docs[i].date() : null;
        }
        for (int i = 0; i < n; i++) {
            freshness[i] = freshness(docs[i].date(), newest);
        }
        this.pins = new int[n][];
        Map<String, List<Article>> bySlug = null;
        for (int i = 0; i < n; i++) {
            if (docs[i].related().pinned().isEmpty()) {
                pins[i] = new int[0];
                continue;
            }
            bySlug = bySlug != null ? bySlug : slugIndex(posts, hidden);
            pins[i] = pinsOf(docs[i], i, bySlug, problems);
        }
    }

    /** An article with its date as a number, to sort many articles without converting dates at each comparison. */
    private record Dated(long seconds, int nanos, Article article) {
    }

    /**
     * The posts newest first (undated last), then by slug and path: the articles' numbering, and
     * the order of equal scores.
     */
    private static Article[] newestFirst(List<Article> posts) {
        List<Dated> dated = new ArrayList<>(posts.size());
        for (Article a : posts) {
            if (a.isPost()) {
                ZonedDateTime d = a.date();
                dated.add(d == null ? new Dated(Long.MIN_VALUE, 0, a) : new Dated(d.toEpochSecond(), d.getNano(), a));
            }
        }
        dated.sort(Comparator.comparingLong(Dated::seconds).thenComparingInt(Dated::nanos).reversed()
                .thenComparing(x -> x.article().slug()).thenComparing(x -> x.article().sourcePath()));
        return dated.stream().map(Dated::article).toArray(Article[]::new);
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
        return new RelatedArticles(posts, hidden, settings, pool, null);
    }

    /**
     * As {@link #index(List, List, RelatedSettings, ForkJoinPool)}, for a process that indexes the
     * same site again and again: {@link #recommendAll} keeps the last build's ranking of each article
     * that nothing it was ranked from changed (see {@link Memo}).
     */
    public static RelatedArticles index(List<Article> posts, List<Article> hidden, RelatedSettings settings,
            ForkJoinPool pool, Memo memo) {
        return new RelatedArticles(posts, hidden, settings, pool, memo);
    }

    /**
     * What an indexer keeps of the recommendations from one build to the next: a long-lived one (the
     * preview's) in memory, a build with the build cache in a file ({@link #write}, {@link #read}).
     * When every article keeps its place, tags, authors, date, pins and status (an edit of text), an
     * article's ranking is taken from the last build if its own vector, the postings of the terms it
     * looks candidates up by, and the vectors of every article it scored are the same bit for bit
     * (by 64-bit digests): the ranking is then made of the very same numbers, added in the same
     * order, so it is the one a fresh build makes. Anything else ranks every article again.
     */
    public static final class Memo {
        /** The file's first field, to be changed with what the file holds or what it means. */
        private static final String FORMAT = "journal-related 2";
        private State last;
        /** The text index's vectors of the last build. */
        private final TextIndex.Memo text;
        /** How many articles the last build ranked again (for tests). */
        private int ranked;

        /** A memo for a long-lived indexer, which keeps the text index's vectors in memory too. */
        public Memo() {
            this(new TextIndex.Memo());
        }

        /** A memo going on from {@code text}, the text index's (in memory, or carried in the file). */
        private Memo(TextIndex.Memo text) {
            this.text = text;
        }

        synchronized State take() {
            State s = last;
            last = null; // until this build is done
            return s;
        }

        synchronized void keep(State s, int ranked) {
            last = s;
            this.ranked = ranked;
        }

        /** How many articles the last build ranked rather than took from the build before. */
        public synchronized int ranked() {
            return ranked;
        }

        /** How many articles the last build weighed rather than took from the build before. */
        synchronized int weighed() {
            return text.weighed();
        }

        /** Whether the last build counted document frequencies from the build before's. */
        synchronized boolean countedByDifference() {
            return text.countedByDifference();
        }

        /**
         * For a memo read from a file: the last build's versions of the articles whose files changed
         * or went since (as the build cache kept them), by which the text index tells the vectors it
         * can keep; null when they are not known, and then it weighs every article.
         */
        public synchronized void replaced(List<Article> replaced) {
            text.replaced(replaced);
        }

        /**
         * Writes the last build's rankings and what they were made from, then the text index's
         * vectors (when they are carried), with {@code key} (what else they depend on: the engine,
         * the configuration), to {@code file}; nothing when there are no rankings.
         */
        public synchronized void write(Path file, String key) throws IOException {
            State s = last;
            if (s == null) {
                Files.deleteIfExists(file);
                return;
            }
            Checksummed.write(file, stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.writeUTF(FORMAT);
                out.writeUTF(key);
                out.writeLong(s.besides());
                out.writeInt(s.vectors().length);
                for (long v : s.vectors()) {
                    out.writeLong(v);
                }
                out.writeInt(s.termHashes().length);
                for (int t = 0; t < s.termHashes().length; t++) {
                    out.writeLong(s.termHashes()[t]);
                    out.writeLong(s.postings()[t]);
                }
                for (int[][] lists : new int[][][] {s.scored(), s.picks()}) {
                    for (int[] list : lists) {
                        out.writeInt(list == null ? -1 : list.length);
                        for (int v : list == null ? new int[0] : list) {
                            out.writeInt(v);
                        }
                    }
                }
                text.write(out);
                out.flush();
            });
        }

        /**
         * A memo holding the rankings {@link #write} left in {@code file} under the same {@code key};
         * an empty memo when there is no such file, it has another key or format, or it is damaged
         * (its checksum, its counts or its article numbers wrong): that only costs the time of
         * ranking every article.
         */
        public static Memo read(Path file, String key) {
            Memo memo = new Memo(TextIndex.Memo.carried());
            try {
                byte[] all = Checksummed.read(file);
                if (all == null) {
                    return memo;
                }
                int end = all.length - Checksummed.TRAILER;
                DataInputStream in = new DataInputStream(dev.journal.core.internal.PlainStreams.of(all, 0, end));
                if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                    return memo;
                }
                long besides = in.readLong();
                long[] vectors = new long[FileCounts.within(in.readInt(), in.available(), Long.BYTES)];
                for (int i = 0; i < vectors.length; i++) {
                    vectors[i] = in.readLong();
                }
                int terms = FileCounts.within(in.readInt(), in.available(), 2 * Long.BYTES);
                long[] termHashes = new long[terms];
                long[] postings = new long[terms];
                for (int t = 0; t < terms; t++) {
                    termHashes[t] = in.readLong();
                    postings[t] = in.readLong();
                    if (t > 0 && termHashes[t] <= termHashes[t - 1]) {
                        return memo; // not as written
                    }
                }
                int[][][] lists = new int[2][vectors.length][];
                for (int[][] list : lists) {
                    for (int i = 0; i < list.length; i++) {
                        int length = in.readInt();
                        if (length < 0) {
                            continue; // an article with no ranking
                        }
                        list[i] = new int[FileCounts.within(length, in.available(), Integer.BYTES)];
                        for (int k = 0; k < length; k++) {
                            int article = in.readInt();
                            if (article < 0 || article >= vectors.length) {
                                return memo; // not an article of that build
                            }
                            list[i][k] = article;
                        }
                    }
                }
                memo = new Memo(TextIndex.Memo.read(all, end - in.available(), end));
                memo.last = new State(besides, vectors, termHashes, postings, lists[0], lists[1]);
            } catch (IOException | RuntimeException e) {
                // none to go on from
            }
            return memo;
        }
    }

    /**
     * What one build's rankings were made from, as digests ({@link #besidesText}, each article's
     * vector, each term's postings by the term's hash, ascending), what each article scored, and its picks.
     */
    private record State(long besides, long[] vectors, long[] termHashes, long[] postings, int[][] scored,
            int[][] picks) {
    }

    /**
     * A digest of everything the rankings are made from but the text: the settings, the articles in
     * order with their status, names, dates and pins. Equal digests number the articles alike.
     */
    private long besidesText() {
        long h = Mix64.string(settings.toString());
        for (int i = 0; i < docs.length; i++) {
            h = Mix64.mix(h * 31 + Mix64.string(docs[i].outputPath()));
            h = Mix64.mix(h * 31 + (docs[i].related().hidden() ? 2 : 0) + (candidate[i] ? 1 : 0));
            h = Mix64.mix(h * 31 + Double.doubleToLongBits(freshness[i]));
            h = Mix64.mix(h * 31 + Double.doubleToLongBits(tagNorm[i]));
            h = Mix64.mix(h * 31 + pins[i].length);
            for (int p : pins[i]) {
                h = Mix64.mix(h * 31 + p);
            }
        }
        for (double idf : tagIdfSquared) {
            h = Mix64.mix(h * 31 + Double.doubleToLongBits(idf));
        }
        h = Mix64.mix(h * 31 + tags.digest());
        h = Mix64.mix(h * 31 + authors.digest());
        return Mix64.mix(h ^ docs.length);
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
        State before = memo == null ? null : memo.take();
        if (settings.count() == 0 || n == 0) {
            return Map.of();
        }
        // what this build's rankings are made from, for a memo to keep (a build without one has no use for it)
        long besides = memo == null ? 0 : besidesText();
        long[] vectors = memo == null ? null : text.vectorDigests();
        long[] termHashes = text.termHashes();
        long[] postings = memo == null ? null : text.postingDigests();
        boolean goOn = before != null && before.besides() == besides && before.vectors().length == n;
        // what changed since the last build: vectors by article, postings by term
        boolean[] vectorChanged = new boolean[n];
        for (int i = 0; goOn && i < n; i++) {
            vectorChanged[i] = vectors[i] != before.vectors()[i];
        }
        boolean[] changedPostings = new boolean[termHashes.length];
        for (int t = 0; goOn && t < termHashes.length; t++) {
            int o = Arrays.binarySearch(before.termHashes(), termHashes[t]);
            changedPostings[t] = postings[t] != (o < 0 ? 0 : before.postings()[o]);
        }
        int[][] scored = new int[n][];
        int[][] picks = new int[n][];
        java.util.concurrent.atomic.AtomicInteger ranked = new java.util.concurrent.atomic.AtomicInteger();
        int chunks = TextIndex.chunks(n, pool);
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
            Candidates candidates = new Candidates(n);
            for (int i = c * n / chunks; i < (c + 1) * n / chunks; i++) {
                if (docs[i].related().hidden()) {
                    continue;
                }
                Query q = query(i);
                if (goOn && unchanged(i, q, before, vectorChanged, changedPostings)) {
                    scored[i] = before.scored()[i];
                    picks[i] = before.picks()[i];
                    continue;
                }
                List<Pick> ranking = rank(q, candidates, scored, i);
                picks[i] = ranking.stream().mapToInt(p -> p.doc).toArray();
                ranked.incrementAndGet();
            }
        })).join();
        if (memo != null) {
            memo.keep(new State(besides, vectors, termHashes, postings, scored, picks), ranked.get());
        }
        Map<String, List<Article>> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (picks[i] != null && picks[i].length > 0) {
                Article[] list = new Article[picks[i].length];
                for (int p = 0; p < list.length; p++) {
                    list[p] = docs[picks[i][p]];
                }
                map.put(docs[i].outputPath(), List.of(list));
            }
        }
        return map;
    }

    /**
     * Whether article {@code i} would rank as in the last build: its vector, the postings of the
     * terms it looks candidates up by, and the vectors of the articles it scored are unchanged.
     */
    private static boolean unchanged(int i, Query q, State before, boolean[] vectorChanged, boolean[] postingsChanged) {
        if (vectorChanged[i] || before.scored()[i] == null) {
            return false;
        }
        for (long entry : q.strongest) {
            if (postingsChanged[TextIndex.term(entry)]) {
                return false;
            }
        }
        for (int e : before.scored()[i]) {
            if (vectorChanged[e]) {
                return false;
            }
        }
        return true;
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
        List<Pick> picks = rank(q, new Candidates(docs.length));
        Map<Long, String> names = new HashMap<>();
        text.names(article, names);
        List<Recommendation> out = new ArrayList<>();
        for (Pick p : picks) {
            Article e = docs[p.doc];
            text.names(e, names);
            List<String> terms = new ArrayList<>();
            for (long entry : text.shared(q.vector, p.doc)) {
                if (terms.size() < SHARED_TERMS_SHOWN) {
                    terms.add(names.getOrDefault(text.hashOf(TextIndex.term(entry)), "?"));
                }
            }
            out.add(new Recommendation(e, p.pinned, p.text, p.tags, p.authors, p.relevance, freshness[p.doc],
                    p.score, p.likeness, p.total, sharedTags(article, e), sharedAuthors(article, e), terms));
        }
        return out;
    }

    /** A tag proposed for a new text, with its support (0 to 1) among the most similar articles. */
    public record TagSuggestion(String tag, double score) {
    }

    /**
     * Tags from the site's vocabulary for a new text (an imported article, say): the tags of the
     * {@value #SUGGESTION_NEIGHBOURS} articles whose text is most like it, each weighted by that
     * likeness, as a share of the neighbours' total likeness. Best first; at most {@code max}.
     */
    public List<TagSuggestion> suggestTags(String title, String body, int max) {
        long[] vector = text.vectorOf(title, body);
        Candidates candidates = new Candidates(docs.length);
        candidates.start();
        text.accumulate(TextIndex.strongestFirst(vector, TextIndex.QUERY_TERMS), 1, -1, candidates);
        List<Pick> neighbours = new ArrayList<>();
        for (int e : candidates.top(SHORTLIST)) {
            Pick p = new Pick(e);
            p.text = text.cosine(vector, e);
            neighbours.add(p);
        }
        neighbours.sort(Comparator.comparingDouble((Pick p) -> -p.text).thenComparingInt(p -> p.doc));
        double[] tagScore = new double[tags.size()];
        double total = 0;
        for (Pick p : neighbours.subList(0, Math.min(SUGGESTION_NEIGHBOURS, neighbours.size()))) {
            total += p.text;
            for (int t : tags.of(p.doc)) {
                tagScore[t] += p.text;
            }
        }
        List<TagSuggestion> out = new ArrayList<>();
        for (int t = 0; t < tagScore.length; t++) {
            if (tagScore[t] > 0) {
                out.add(new TagSuggestion(tags.display(t), tagScore[t] / total));
            }
        }
        out.sort(Comparator.comparingDouble(TagSuggestion::score).reversed().thenComparing(TagSuggestion::tag));
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }

    // ---- ranking -------------------------------------------------------------------------------

    /**
     * What one article is compared by: its number ({@code self}, -1 for an article not indexed),
     * its term vector and its strongest terms (by which candidates are found), its tags, its
     * authors and its pins.
     */
    private record Query(int self, long[] vector, long[] strongest, int[] tags, double tagNorm, int[] authors,
            int[] pins) {
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
        /** How many of the chosen articles {@link #likeness} accounts for. */
        int seen;

        Pick(int doc) {
            this.doc = doc;
        }
    }

    private Query query(int i) {
        long[] vector = text.vector(i);
        return new Query(i, vector, TextIndex.strongestFirst(vector, TextIndex.QUERY_TERMS), tags.of(i), tagNorm[i],
                authors.of(i), pins[i]);
    }

    private Query query(Article article) {
        long[] vector = text.vectorOf(article);
        int[] t = tags.idsOf(article.tags());
        return new Query(-1, vector, TextIndex.strongestFirst(vector, TextIndex.QUERY_TERMS), t, norm(t),
                authors.idsOf(article.authors()), pinsOf(article, -1, slugIndex(List.of(docs), List.of()),
                        new ArrayList<>()));
    }

    private List<Pick> rank(Query q, Candidates candidates) {
        return rank(q, candidates, null, -1);
    }

    /** Ranks candidates for a query; when {@code scored} is given, records in it at {@code slot} every article scored. */
    private List<Pick> rank(Query q, Candidates candidates, int[][] scored, int slot) {
        int k = settings.count();
        List<Pick> chosen = new ArrayList<>(k);
        for (int p : q.pins) {
            Pick pick = score(q, p);
            pick.pinned = true;
            chosen.add(pick);
        }
        if (chosen.size() >= k) {
            if (scored != null) {
                scored[slot] = q.pins.clone();
            }
            return chosen;
        }
        candidates.start();
        if (settings.textWeight() > 0) {
            text.accumulate(q.strongest, settings.textWeight(), q.self, candidates);
        }
        if (settings.tagsWeight() > 0 && q.tagNorm > 0) {
            for (int t : q.tags) {
                accumulate(tags.articles[t], settings.tagsWeight() * tagIdfSquared[t] / q.tagNorm, q.self,
                        candidates, tagNorm);
            }
        }
        if (settings.authorsWeight() > 0) {
            for (int a : q.authors) {
                accumulate(authors.articles[a], settings.authorsWeight() / Math.sqrt(q.authors.length), q.self,
                        candidates, null);
            }
        }
        for (int p : q.pins) {
            candidates.exclude(p);
        }

        List<Pick> strong = new ArrayList<>(SHORTLIST);
        int[] top = candidates.top(SHORTLIST);
        if (scored != null) {
            int[] all = Arrays.copyOf(q.pins, q.pins.length + top.length);
            System.arraycopy(top, 0, all, q.pins.length, top.length);
            scored[slot] = all;
        }
        for (int e : top) {
            Pick p = score(q, e);
            if (p.relevance > 0) {
                strong.add(p);
            }
        }
        strong.sort(Comparator.comparingDouble((Pick p) -> -p.score).thenComparingInt(p -> p.doc));
        // Greedy selection by total = score * (1 - diversity * likeness to the closest chosen). A
        // candidate's likeness is brought up to date only when its score could still beat the best
        // total of the round, since the total never exceeds the score.
        List<Pick> pool = new ArrayList<>(strong.subList(0, Math.min(strong.size(), Math.max(12, 3 * k))));
        while (chosen.size() < k && !pool.isEmpty()) {
            Pick best = null;
            for (Pick p : pool) {
                if (best != null && p.score < best.total) {
                    break;
                }
                for (int m = p.seen; m < chosen.size(); m++) {
                    p.likeness = Math.max(p.likeness, likeness(p.doc, chosen.get(m).doc));
                }
                p.seen = chosen.size();
                p.total = p.score * (1 - settings.diversity() * p.likeness);
                if (best == null || p.total > best.total || p.total == best.total && p.doc < best.doc) {
                    best = p;
                }
            }
            pool.remove(best);
            chosen.add(best);
        }
        return chosen;
    }

    /**
     * Adds a name's share to the estimate of its newest articles: {@code part} over the article's
     * tag norm, or over the square root of its number of authors when {@code norms} is null.
     */
    private void accumulate(int[] articles, double part, int self, Candidates candidates, double[] norms) {
        for (int m = 0; m < Math.min(articles.length, ARTICLES_PER_NAME); m++) {
            int e = articles[m];
            if (e != self) {
                candidates.add(e, (float) (part / (norms != null ? norms[e] : Math.sqrt(authors.count(e)))));
            }
        }
    }

    private Pick score(Query q, int e) {
        Pick p = new Pick(e);
        p.text = text.cosine(q.vector, e);
        p.tags = tagCosine(q.tags, q.tagNorm, e);
        p.authors = authorShare(q.authors, e);
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
        double r = settings.textWeight() * text.cosine(a, b)
                + settings.tagsWeight() * tagCosine(tags.of(a), tagNorm[a], b)
                + settings.authorsWeight() * authorShare(authors.of(a), b);
        return Math.min(1, r / sum);
    }

    private double tagCosine(int[] qt, double qNorm, int e) {
        if (qNorm == 0 || tagNorm[e] == 0) {
            return 0;
        }
        return tags.sharedWeight(qt, e, tagIdfSquared) / (qNorm * tagNorm[e]);
    }

    private double authorShare(int[] qa, int e) {
        int count = authors.count(e);
        if (qa.length == 0 || count == 0) {
            return 0;
        }
        return authors.shared(qa, e) / Math.sqrt((double) qa.length * count);
    }

    private double norm(int[] tagIds) {
        double sum = 0;
        for (int t : tagIds) {
            sum += tagIdfSquared[t];
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

    // ---- pins ----------------------------------------------------------------------------------

    private static Map<String, List<Article>> slugIndex(List<Article> shown, List<Article> hidden) {
        Map<String, List<Article>> bySlug = new LinkedHashMap<>();
        for (List<Article> list : List.of(shown, hidden)) {
            for (Article a : list) {
                if (a.isPost()) {
                    bySlug.computeIfAbsent(a.slug(), s -> new ArrayList<>()).add(a);
                }
            }
        }
        bySlug.values().stream().filter(l -> l.size() > 1).forEach(l -> l.sort(Comparator.comparing(Article::sourcePath)));
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
        List<String> keys = e.tags().stream().map(Slugs::key).toList();
        return a.tags().stream().filter(t -> keys.contains(Slugs.key(t)))
                .sorted(Comparator.comparingDouble((String t) -> {
                    Integer id = tags.id(t);
                    return id == null ? 0 : -tagIdfSquared[id];
                }).thenComparing(Function.identity()))
                .toList();
    }

    private static List<String> sharedAuthors(Article a, Article e) {
        List<String> keys = e.authors().stream().map(Slugs::key).toList();
        return a.authors().stream().filter(n -> keys.contains(Slugs.key(n))).toList();
    }
}
