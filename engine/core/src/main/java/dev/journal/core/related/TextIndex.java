package dev.journal.core.related;

import dev.journal.core.internal.Averages;
import dev.journal.core.internal.FileCounts;
import dev.journal.core.internal.Mix64;
import dev.journal.core.parse.Article;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The text signal's index: each article's term vector and, per term, the articles it weighs most
 * in.
 *
 * <p>A term's weight in an article is BM25's: its count (title x{@value #TITLE_WEIGHT}, summary
 * x{@value #SUMMARY_WEIGHT}, body x1) saturated and normalised by the article's length, times its
 * inverse document frequency. Each article keeps its {@value #TERMS_PER_ARTICLE} strongest terms
 * that some other article has, scaled to unit length, so the text signal is a cosine similarity.
 *
 * <p>Layout, for speed: terms are numbered in the order of their hashes (so numbers never depend on
 * thread timing, and an article's entries keep their order whatever the others hold), and every
 * vector is a slice of one {@code long[]} of entries packing the term's number
 * (high half) and weight (low half, float bits), in ascending term order. Comparing two articles
 * is then a merge of two short runs of one array, with no object to chase.
 */
final class TextIndex {

    static final int TERMS_PER_ARTICLE = 48;
    /** How many of its strongest terms an article looks its candidates up by. */
    static final int QUERY_TERMS = 24;
    /** How many articles each term leads to: those it weighs most in. */
    static final int POSTINGS_PER_TERM = 128;
    static final int TITLE_WEIGHT = 3;
    static final int SUMMARY_WEIGHT = 2;
    private static final int EXPECTED_TERMS = 1024;
    private static final double BM25_K1 = 1.2;
    private static final double BM25_B = 0.75;
    /** In sites this large, terms in more than half of the articles are left out as noise. */
    private static final int COMMON_TERM_MIN_ARTICLES = 20;

    private final Tokenizer tokenizer;
    private final int n;
    private final FrequencyTable[] documentFrequency;
    private final double averageLength;
    private final double[] idfByFrequency;
    private final TermIds termNumber;
    private final long[] hashOfTerm;
    private final long[] vectors;
    private final int[] vectorStart;
    private final int[] postingStart;
    private final int[] postingDoc;
    private final float[] postingWeight;

    /** Indexes the articles' text; only {@code candidate} articles are listed under their terms. */
    TextIndex(Article[] docs, boolean[] candidate, Tokenizer tokenizer, ForkJoinPool pool) {
        this(docs, candidate, tokenizer, pool, null);
    }

    /**
     * What a long-lived index keeps between builds: each article's weighted vector, by the identity
     * of its counted terms, with the document frequencies, number of articles and average length it
     * was weighed with. An article keeps its vector while the number of articles and the average
     * stay and none of its terms changed its document frequency: then it would be weighed from the
     * very same numbers.
     */
    static final class Memo {
        private Map<ArticleTerms, Weighted> weighted = new java.util.IdentityHashMap<>();
        private FrequencyTable[] documentFrequency;
        private int n = -1;
        private double averageLength;
        /** How many articles the last build weighed (for tests). */
        private int weighed;
        /** Whether the last build counted document frequencies from the build before's (for tests). */
        private boolean countedByDifference;
        /** A memo carried in a file: the last build's articles in order and their counted terms, to write. */
        private final boolean carried;
        private String[] lastPaths;
        private ArticleTerms[] lastTerms;
        /** What {@link #read} found, to be matched with this build's articles by {@link #resolve}; null when none. */
        private byte[] stored;
        private int storedFrom;
        private int storedTo;
        /** The last build's versions of the articles whose files changed or went since; null when unknown. */
        private List<Article> replaced;

        /** A memo for a long-lived index, in memory. */
        Memo() {
            this(false);
        }

        private Memo(boolean carried) {
            this.carried = carried;
        }

        boolean countedByDifference() {
            return countedByDifference;
        }

        int weighed() {
            return weighed;
        }

        /** A memo to carry in a file from this build to the next, starting empty. */
        static Memo carried() {
            return new Memo(true);
        }

        /**
         * A memo to go on from what {@link #write} left in {@code bytes[from, to)} (a part of a file whose
         * checksum the caller checked), once it learns the articles replaced since ({@link #replaced}).
         */
        static Memo read(byte[] bytes, int from, int to) {
            Memo m = new Memo(true);
            m.stored = bytes;
            m.storedFrom = from;
            m.storedTo = to;
            return m;
        }

        /**
         * The last build's versions of the articles whose files changed or went since it: the
         * vectors it left of the other articles are matched by their paths. Null: none is used.
         */
        void replaced(List<Article> replaced) {
            this.replaced = replaced;
        }

        /**
         * Writes the last index's articles (each's path, a digest of its counted terms and its
         * vector), their document frequencies, number and average length; a count of -1 when there
         * is none to write.
         */
        void write(java.io.DataOutputStream out) throws java.io.IOException {
            if (!carried || n < 0 || lastPaths == null) {
                out.writeInt(-1);
                return;
            }
            out.writeInt(n);
            out.writeDouble(averageLength);
            out.writeInt(documentFrequency.length);
            for (FrequencyTable table : documentFrequency) {
                long[] slots = table.counted();
                out.writeInt(slots.length);
                for (long slot : slots) {
                    out.writeLong(slot);
                }
            }
            for (int i = 0; i < n; i++) {
                out.writeUTF(lastPaths[i]);
                out.writeLong(digest(lastTerms[i]));
                Weighted w = weighted.get(lastTerms[i]);
                out.writeInt(w.hashes.length);
                for (int j = 0; j < w.hashes.length; j++) {
                    out.writeLong(w.hashes[j]);
                    out.writeFloat(w.weights[j]);
                }
            }
        }

        /**
         * Makes what {@link #read} found this memo's last build, with this build's counted terms of
         * each article that has the same path and digest and whose file did not change, and the last
         * build's of each replaced article; anything that does not add up (an article of the last
         * build neither kept nor replaced, a digest that differs, a damaged part) leaves the memo
         * empty, which only costs the time of weighing every article.
         */
        private void resolve(Article[] docs, ArticleTerms[] raw) {
            byte[] bytes = stored;
            stored = null;
            List<Article> gone = replaced;
            replaced = null;
            if (bytes == null || gone == null) {
                return;
            }
            try {
                java.io.DataInputStream in = new java.io.DataInputStream(dev.journal.core.internal.PlainStreams.of(bytes,
                        storedFrom, storedTo - storedFrom));
                int count = in.readInt();
                if (count < 0) {
                    return;
                }
                double average = in.readDouble();
                FrequencyTable[] df = new FrequencyTable[FileCounts.within(in.readInt(), in.available(), Integer.BYTES)];
                for (int s = 0; s < df.length; s++) {
                    long[] slots = new long[FileCounts.within(in.readInt(), in.available(), Long.BYTES)];
                    for (int k = 0; k < slots.length; k++) {
                        slots[k] = in.readLong();
                    }
                    df[s] = FrequencyTable.of(slots);
                }
                Map<String, Integer> at = new java.util.HashMap<>(2 * docs.length);
                for (int i = 0; i < docs.length; i++) {
                    at.put(docs[i].sourcePath(), i);
                }
                Map<String, ArticleTerms> before = new java.util.HashMap<>();
                for (Article a : gone) {
                    before.put(a.sourcePath(), a.terms());
                }
                // each article takes at least its path's length, its digest and its vector's length
                FileCounts.within(count, in.available(), 2 + Long.BYTES + Integer.BYTES);
                Map<ArticleTerms, Weighted> found = new java.util.IdentityHashMap<>(2 * count);
                for (int k = 0; k < count; k++) {
                    String path = in.readUTF();
                    long digest = in.readLong();
                    int size = FileCounts.within(in.readInt(), in.available(), Long.BYTES + Float.BYTES);
                    long[] hashes = new long[size];
                    float[] weights = new float[size];
                    for (int j = 0; j < size; j++) {
                        hashes[j] = in.readLong();
                        weights[j] = in.readFloat();
                    }
                    ArticleTerms terms; // the last build's of a file changed or gone since, else this build's
                    if (before.containsKey(path)) {
                        terms = before.get(path);
                    } else {
                        Integer i = at.get(path);
                        terms = i == null ? null : raw[i];
                    }
                    if (terms == null || digest(terms) != digest) {
                        return; // not the article the last build weighed
                    }
                    found.put(terms, new Weighted(hashes, weights));
                }
                if (in.available() != 0 || found.size() != count) {
                    return;
                }
                weighted = found;
                documentFrequency = df;
                n = count;
                averageLength = average;
            } catch (java.io.IOException | RuntimeException e) {
                // none to go on from
            }
        }
    }

    /**
     * A digest of an article's counted terms, whatever their order: equal for the same terms and
     * counts in another process.
     */
    static long digest(ArticleTerms terms) {
        long sum = 0;
        for (int j = 0; j < terms.hashes().length; j++) {
            sum += Mix64.mix(terms.hashes()[j] * 31 + Float.floatToIntBits(terms.counts()[j]));
        }
        return Mix64.mix(Mix64.mix(sum ^ terms.hashes().length) + Double.doubleToLongBits(terms.length()));
    }

    /** As {@link #TextIndex(Article[], boolean[], Tokenizer, ForkJoinPool)}, keeping vectors in {@code memo} (may be null). */
    TextIndex(Article[] docs, boolean[] candidate, Tokenizer tokenizer, ForkJoinPool pool, Memo memo) {
        this.tokenizer = tokenizer;
        this.n = docs.length;
        ArticleTerms[] raw = new ArticleTerms[n];
        int chunks = chunks(n, pool);
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
            TermCounts counts = new TermCounts(EXPECTED_TERMS);
            for (int i = c * n / chunks; i < (c + 1) * n / chunks; i++) {
                raw[i] = count(docs[i], null, counts);
            }
        })).join();
        if (memo != null) {
            memo.resolve(docs, raw);
        }
        Changes changes = memo == null ? null : Changes.since(raw, memo);
        FrequencyTable[] updated = changes == null ? null : changes.frequencies(memo, pool);
        this.documentFrequency = updated != null ? updated : documentFrequencies(raw, pool);
        double length = 0;
        for (ArticleTerms r : raw) {
            length += r.length();
        }
        this.averageLength = Averages.rounded(n == 0 ? 1 : length / n);
        this.idfByFrequency = new double[n + 1];
        for (int df = 1; df <= n; df++) {
            idfByFrequency[df] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        Weighted[] weighted = memo == null ? new Weighted[n] : kept(raw, memo, changes);
        ArticleTerms[] counted = memo == null ? null : raw.clone();
        int weighed = 0;
        for (Weighted w : weighted) {
            weighed += w == null ? 1 : 0;
        }
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] scratch = new double[EXPECTED_TERMS];
            for (int i = c * n / chunks; i < (c + 1) * n / chunks; i++) {
                if (weighted[i] == null) {
                    if (scratch.length < raw[i].hashes().length) {
                        scratch = new double[raw[i].hashes().length];
                    }
                    weighted[i] = weigh(raw[i], 2, scratch);
                }
                raw[i] = null;
            }
        })).join();
        if (memo != null) {
            Map<ArticleTerms, Weighted> next = new java.util.IdentityHashMap<>(2 * n);
            for (int i = 0; i < n; i++) {
                next.put(counted[i], weighted[i]);
            }
            memo.weighted = next;
            if (memo.carried) {
                memo.lastPaths = new String[n];
                for (int i = 0; i < n; i++) {
                    memo.lastPaths[i] = docs[i].sourcePath();
                }
                memo.lastTerms = counted;
            }
            memo.documentFrequency = documentFrequency;
            memo.n = n;
            memo.averageLength = averageLength;
            memo.weighed = weighed;
            memo.countedByDifference = updated != null;
        }

        // Number the terms in the order of their hashes, and pack each vector by term number: an
        // article's entries then come in the same order whatever the other articles hold, and so do
        // the sums over them (what lets a long-lived build keep the rankings an edit cannot change).
        this.vectorStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            vectorStart[i + 1] = vectorStart[i] + weighted[i].hashes.length;
        }
        long[] hashes = new long[vectorStart[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(weighted[i].hashes, 0, hashes, vectorStart[i], weighted[i].hashes.length);
        }
        Arrays.sort(hashes);
        int terms = 0;
        for (int j = 0; j < hashes.length; j++) {
            if (j == 0 || hashes[j] != hashes[j - 1]) {
                hashes[terms++] = hashes[j];
            }
        }
        this.hashOfTerm = Arrays.copyOf(hashes, terms);
        this.termNumber = new TermIds(Math.max(16, terms * 2));
        for (int t = 0; t < terms; t++) {
            termNumber.putIfAbsent(hashOfTerm[t], t);
        }
        this.vectors = new long[vectorStart[n]];
        for (int i = 0; i < n; i++) {
            Weighted w = weighted[i];
            int at = vectorStart[i];
            for (int j = 0; j < w.hashes.length; j++) {
                vectors[at + j] = pack(termNumber.get(w.hashes[j], -1), w.weights[j]);
            } // in ascending order: weigh gives the hashes ascending, and the numbers follow them
            weighted[i] = null;
        }

        // Postings: each term's candidate articles, strongest first, at most POSTINGS_PER_TERM.
        int[] counts = new int[terms];
        for (int i = 0; i < n; i++) {
            for (int p = vectorStart[i]; candidate[i] && p < vectorStart[i + 1]; p++) {
                counts[term(vectors[p])]++;
            }
        }
        int[] start = new int[terms + 1];
        for (int t = 0; t < terms; t++) {
            start[t + 1] = start[t] + counts[t];
        }
        int[] fill = Arrays.copyOf(start, terms);
        long[] all = new long[start[terms]];
        for (int i = 0; i < n; i++) {
            for (int p = vectorStart[i]; candidate[i] && p < vectorStart[i + 1]; p++) {
                // weight descending (positive floats order like their bits), then article number
                all[fill[term(vectors[p])]++] = (long) (Integer.MAX_VALUE - (int) vectors[p]) << 32 | i;
            }
        }
        int total = 0;
        for (int t = 0; t < terms; t++) {
            total += Math.min(counts[t], POSTINGS_PER_TERM);
        }
        this.postingStart = new int[terms + 1];
        this.postingDoc = new int[total];
        this.postingWeight = new float[total];
        int p = 0;
        for (int t = 0; t < terms; t++) {
            postingStart[t] = p;
            if (counts[t] > POSTINGS_PER_TERM) {
                Arrays.sort(all, start[t], start[t + 1]);
            }
            for (int q = start[t]; q < start[t] + Math.min(counts[t], POSTINGS_PER_TERM); q++) {
                postingDoc[p] = (int) all[q];
                postingWeight[p++] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (all[q] >>> 32));
            }
        }
        postingStart[terms] = p;
    }

    /**
     * The vectors the memo keeps that are still right, by article (null where an article is to be
     * weighed): none when the number of articles or the average length moved; else those of the
     * articles none of whose terms changed its document frequency, which only the terms of
     * articles added or gone can have done.
     */
    private Weighted[] kept(ArticleTerms[] raw, Memo memo, Changes changes) {
        Weighted[] kept = new Weighted[n];
        FrequencyTable[] before = memo.documentFrequency;
        boolean comparable = memo.n == n && memo.averageLength == averageLength && before != null;
        memo.n = -1; // until this index is done
        if (!comparable) {
            return kept;
        }
        TermIds changed = new TermIds(64);
        for (ArticleTerms r : changes.added()) {
            changedIn(r, before, changed);
        }
        for (ArticleTerms r : changes.gone()) {
            changedIn(r, before, changed);
        }
        for (int i = 0; i < n; i++) {
            Weighted w = memo.weighted.get(raw[i]);
            if (w != null && !holdsAny(raw[i], changed)) {
                kept[i] = w;
            }
        }
        return kept;
    }

    /**
     * The articles' counted terms that the memo's last index did not have ({@code added}) and
     * those it had that are gone, told apart by identity (an unchanged article keeps its counted
     * terms); {@code distinct} when no two articles now have the very same ones.
     */
    private record Changes(List<ArticleTerms> added, List<ArticleTerms> gone, boolean distinct) {

        static Changes since(ArticleTerms[] raw, Memo memo) {
            java.util.Set<ArticleTerms> now = java.util.Collections.newSetFromMap(
                    new java.util.IdentityHashMap<>(2 * raw.length));
            List<ArticleTerms> added = new java.util.ArrayList<>();
            boolean distinct = true;
            for (ArticleTerms r : raw) {
                distinct &= now.add(r);
                if (!memo.weighted.containsKey(r)) {
                    added.add(r);
                }
            }
            List<ArticleTerms> gone = new java.util.ArrayList<>();
            for (ArticleTerms r : memo.weighted.keySet()) {
                if (!now.contains(r)) {
                    gone.add(r);
                }
            }
            return new Changes(added, gone, distinct);
        }

        /**
         * The document frequencies, counted from the memo's last ones by adding the terms of the
         * added articles and taking away those of the gone ones: the counts a fresh count gives.
         * Null when that cannot be done (no last counts, another number of tables, an article
         * counted twice, a count that stopped growing): then they are counted afresh.
         */
        FrequencyTable[] frequencies(Memo memo, ForkJoinPool pool) {
            FrequencyTable[] before = memo.documentFrequency;
            // the last build's articles were distinct when each had its own entry (n is still the last build's)
            boolean distinctBefore = memo.weighted.size() == memo.n;
            if (before == null || !distinctBefore || !distinct || before.length != Math.max(1, pool.getParallelism())) {
                return null;
            }
            FrequencyTable[] df = new FrequencyTable[before.length];
            for (int s = 0; s < df.length; s++) {
                df[s] = before[s].copy();
            }
            for (ArticleTerms r : added) {
                for (long h : r.hashes()) {
                    df[shard(h, df.length)].increment(h);
                }
            }
            for (ArticleTerms r : gone) {
                for (long h : r.hashes()) {
                    if (!df[shard(h, df.length)].decrement(h)) {
                        return null;
                    }
                }
            }
            return df;
        }
    }

    /** Adds to {@code changed} the terms of {@code r} whose document frequency is not what it was. */
    private void changedIn(ArticleTerms r, FrequencyTable[] before, TermIds changed) {
        for (long h : r.hashes()) {
            if (documentFrequency(h) != before[shard(h, before.length)].get(h)) {
                changed.putIfAbsent(h, 1);
            }
        }
    }

    private static boolean holdsAny(ArticleTerms r, TermIds changed) {
        if (changed.size() == 0) {
            return false;
        }
        for (long h : r.hashes()) {
            if (changed.get(h, 0) != 0) {
                return true;
            }
        }
        return false;
    }

    /** How many parts to split {@code n} articles into: several per thread, so that threads share the work evenly. */
    static int chunks(int n, ForkJoinPool pool) {
        return Math.max(1, Math.min(n, pool.getParallelism() * 8));
    }

    // ---- vectors --------------------------------------------------------------------------------

    static long pack(int term, float weight) {
        return (long) term << 32 | Float.floatToRawIntBits(weight) & 0xffffffffL;
    }

    static int term(long entry) {
        return (int) (entry >>> 32);
    }

    static float weight(long entry) {
        return Float.intBitsToFloat((int) entry);
    }

    /** Article {@code i}'s vector. */
    long[] vector(int i) {
        return Arrays.copyOfRange(vectors, vectorStart[i], vectorStart[i + 1]);
    }

    /** The vector of an article that is not indexed, compared with the indexed ones as it is. */
    long[] vectorOf(Article a) {
        ArticleTerms raw = count(a, null, new TermCounts(EXPECTED_TERMS));
        return numbered(weigh(raw, 1, new double[raw.hashes().length]));
    }

    /** The vector of a text that is not indexed. */
    long[] vectorOf(String title, String text) {
        TermCounts counts = new TermCounts(EXPECTED_TERMS);
        tokenizer.tokenize(title, TITLE_WEIGHT, counts, null);
        tokenizer.tokenize(text, 1, counts, null);
        ArticleTerms raw = raw(counts);
        return numbered(weigh(raw, 1, new double[raw.hashes().length]));
    }

    /** Records the text of each term of an article under its hash, for explanations. */
    void names(Article a, Map<Long, String> names) {
        count(a, names, new TermCounts(EXPECTED_TERMS));
    }

    long hashOf(int term) {
        return hashOfTerm[term];
    }

    /** Cosine of a vector and article {@code b}'s. */
    double cosine(long[] a, int b) {
        return dot(a, 0, a.length, vectors, vectorStart[b], vectorStart[b + 1]);
    }

    /** Cosine of articles {@code a} and {@code b}. */
    double cosine(int a, int b) {
        return dot(vectors, vectorStart[a], vectorStart[a + 1], vectors, vectorStart[b], vectorStart[b + 1]);
    }

    /** The dot product of two runs of entries in ascending term order (a merge written to branch little). */
    private static double dot(long[] a, int i, int aEnd, long[] b, int j, int bEnd) {
        double dot = 0;
        while (i < aEnd && j < bEnd) {
            int x = term(a[i]);
            int y = term(b[j]);
            if (x == y) {
                dot += (double) weight(a[i]) * weight(b[j]);
            }
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return dot;
    }

    /** The terms two vectors share, with their products, strongest first. */
    long[] shared(long[] a, int b) {
        long[] out = new long[a.length];
        int m = 0;
        int i = 0;
        int j = vectorStart[b];
        while (i < a.length && j < vectorStart[b + 1]) {
            int x = term(a[i]);
            int y = term(vectors[j]);
            if (x == y) {
                out[m++] = pack(x, weight(a[i]) * weight(vectors[j]));
            }
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return strongestFirst(Arrays.copyOf(out, m), m);
    }

    /** The {@code max} strongest entries of a vector, strongest first (ties to the lower term). */
    static long[] strongestFirst(long[] vector, int max) {
        long[] order = new long[vector.length];
        for (int j = 0; j < vector.length; j++) {
            order[j] = (long) (Integer.MAX_VALUE - (int) vector[j]) << 32 | j;
        }
        Arrays.sort(order);
        long[] out = new long[Math.min(max, vector.length)];
        for (int j = 0; j < out.length; j++) {
            out[j] = vector[(int) order[j]];
        }
        return out;
    }

    /**
     * Adds to each candidate's estimate its partial dot product with {@code terms} (entries,
     * strongest first), through the capped postings.
     */
    void accumulate(long[] terms, double weight, int self, Candidates candidates) {
        for (long entry : terms) {
            int t = term(entry);
            float w = (float) (weight(entry) * weight);
            for (int p = postingStart[t]; p < postingStart[t + 1]; p++) {
                int e = postingDoc[p];
                if (e != self) {
                    candidates.add(e, w * postingWeight[p]);
                }
            }
        }
    }

    // ---- comparing with another build's index -------------------------------------------------

    /**
     * Per article, a 64-bit digest of its vector (its terms by hash and their weights, in order):
     * equal for the same vector in another index or another process.
     */
    long[] vectorDigests() {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0x7EC7L;
            for (int a = vectorStart[i]; a < vectorStart[i + 1]; a++) {
                h = Mix64.mix(h * 31 + hashOfTerm[term(vectors[a])]);
                h = Mix64.mix(h * 31 + ((int) vectors[a] & 0xFFFFFFFFL));
            }
            out[i] = Mix64.mix(h ^ (vectorStart[i + 1] - vectorStart[i]));
        }
        return out;
    }

    /** The terms' hashes, ascending: term {@code t} is the {@code t}-th. */
    long[] termHashes() {
        return hashOfTerm;
    }

    /**
     * Per term, a 64-bit digest of its postings (articles and weights, in order), in the order of
     * {@link #termHashes}; 0 for a term without postings.
     */
    long[] postingDigests() {
        long[] out = new long[hashOfTerm.length];
        for (int t = 0; t < out.length; t++) {
            int from = postingStart[t];
            int to = postingStart[t + 1];
            if (from == to) {
                continue;
            }
            long h = 0x905EL;
            for (int p = from; p < to; p++) {
                h = Mix64.mix(h * 31 + ((long) postingDoc[p] << 32 | Float.floatToIntBits(postingWeight[p]) & 0xFFFFFFFFL));
            }
            out[t] = Mix64.mix(h ^ (to - from)) | 1; // never 0
        }
        return out;
    }

    // ---- counting and weighting ----------------------------------------------------------------

    /** A weighted, truncated, unit-length term vector by hash, in ascending hash order. */
    private record Weighted(long[] hashes, float[] weights) {
    }

    /**
     * An article's terms: as counted when it was parsed, or counted now (with {@code names}
     * recording each term's text, for explanations), reusing {@code counts}.
     */
    private ArticleTerms count(Article a, Map<Long, String> names, TermCounts counts) {
        if (names == null && a.terms() != null) {
            return a.terms();
        }
        counts.clear(EXPECTED_TERMS);
        tokenizer.tokenize(a.title(), TITLE_WEIGHT, counts, names);
        if (a.summary() != null) {
            tokenizer.tokenize(a.summary(), SUMMARY_WEIGHT, counts, names);
        }
        tokenizer.tokenize(a.text(), 1, counts, names);
        return raw(counts);
    }

    private ArticleTerms raw(TermCounts c) {
        return raw(tokenizer, c);
    }

    /** The counted terms without function words. */
    static ArticleTerms raw(Tokenizer tokenizer, TermCounts c) {
        int size = c.drain(h -> !tokenizer.isStopWord(h));
        long[] hashes = Arrays.copyOf(c.drainedKeys(), size);
        float[] counts = Arrays.copyOf(c.drainedValues(), size);
        double length = 0;
        for (int j = 0; j < size; j++) {
            length += counts[j];
        }
        return new ArticleTerms(hashes, counts, length);
    }

    /** Document frequencies, counted in parallel: one table per thread, each for a share of the hashes. */
    private static FrequencyTable[] documentFrequencies(ArticleTerms[] raw, ForkJoinPool pool) {
        int shards = Math.max(1, pool.getParallelism());
        FrequencyTable[] df = new FrequencyTable[shards];
        long entries = 0;
        for (ArticleTerms r : raw) {
            entries += r.hashes().length;
        }
        // A journal's vocabulary is a small share of its (article, term) pairs; the tables grow if not.
        int expected = (int) Math.min(1 << 24, Math.max(1 << 12, entries / 32 / shards));
        pool.submit(() -> IntStream.range(0, shards).parallel().forEach(s -> {
            FrequencyTable table = new FrequencyTable(expected);
            for (ArticleTerms r : raw) {
                for (long h : r.hashes()) {
                    if (shard(h, shards) == s) {
                        table.increment(h);
                    }
                }
            }
            df[s] = table;
        })).join();
        return df;
    }

    /** The hash's table: its top 32 bits scaled to the number of tables (no division). */
    private static int shard(long hash, int shards) {
        return (int) ((hash >>> 32) * shards >>> 32);
    }

    private int documentFrequency(long h) {
        return documentFrequency[shard(h, documentFrequency.length)].get(h);
    }

    /**
     * BM25 weights; keeps the strongest terms that another article can share (in at least
     * {@code minArticles}: 2 for an indexed article, which counts itself, 1 for a text from outside);
     * unit length. {@code w} is scratch space, at least as long as the article's terms.
     */
    private Weighted weigh(ArticleTerms r, int minArticles, double[] w) {
        long[] h = r.hashes();
        int size = h.length;
        double lengthNorm = BM25_K1 * (1 - BM25_B + BM25_B * r.length() / averageLength);
        // The strongest terms (ties to the lower hash) in a heap whose root is the weakest kept.
        int[] heap = new int[Math.min(size, TERMS_PER_ARTICLE)];
        int kept = 0;
        for (int j = 0; j < size; j++) {
            int df = documentFrequency(h[j]);
            if (df < minArticles || n >= COMMON_TERM_MIN_ARTICLES && df > n / 2) {
                continue;
            }
            double tf = r.counts()[j];
            w[j] = idfByFrequency[df] * tf * (BM25_K1 + 1) / (tf + lengthNorm);
            if (kept < heap.length) {
                heap[kept] = j;
                for (int c = kept++; c > 0 && stronger(w, h, heap[(c - 1) / 2], heap[c]); c = (c - 1) / 2) {
                    swap(heap, c, (c - 1) / 2);
                }
            } else if (stronger(w, h, j, heap[0])) {
                heap[0] = j;
                for (int c = 0;;) {
                    int weakest = c;
                    for (int child = 2 * c + 1; child <= 2 * c + 2 && child < kept; child++) {
                        if (stronger(w, h, heap[weakest], heap[child])) {
                            weakest = child;
                        }
                    }
                    if (weakest == c) {
                        break;
                    }
                    swap(heap, c, weakest);
                    c = weakest;
                }
            }
        }
        // In hash order, which does not depend on how the counting table happened to be laid out.
        for (int a = 1; a < kept; a++) {
            for (int b = a; b > 0 && h[heap[b]] < h[heap[b - 1]]; b--) {
                swap(heap, b, b - 1);
            }
        }
        double norm = 0;
        for (int j = 0; j < kept; j++) {
            norm += w[heap[j]] * w[heap[j]];
        }
        norm = Math.sqrt(norm);
        long[] hashes = new long[kept];
        float[] weights = new float[kept];
        for (int j = 0; j < kept; j++) {
            hashes[j] = h[heap[j]];
            weights[j] = (float) (w[heap[j]] / norm);
        }
        return new Weighted(hashes, weights);
    }

    /** A vector of a text not indexed, by term number; terms no indexed article has are left out. */
    private long[] numbered(Weighted w) {
        long[] out = new long[w.hashes.length];
        int m = 0;
        for (int j = 0; j < w.hashes.length; j++) {
            int id = termNumber.get(w.hashes[j], -1);
            if (id >= 0) {
                out[m++] = pack(id, w.weights[j]);
            }
        }
        Arrays.sort(out, 0, m);
        return Arrays.copyOf(out, m);
    }

    /** Whether term {@code a} outranks term {@code b}: a larger weight, or an equal one and a lower hash. */
    private static boolean stronger(double[] w, long[] h, int a, int b) {
        return w[a] > w[b] || w[a] == w[b] && h[a] < h[b];
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
