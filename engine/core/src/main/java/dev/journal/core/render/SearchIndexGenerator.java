package dev.journal.core.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.journal.core.analysis.SearchCounts;
import dev.journal.core.analysis.SearchTerms;
import dev.journal.core.cache.ByteReader;
import dev.journal.core.cache.RecordBytes;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.internal.Averages;
import dev.journal.core.internal.Checksummed;
import dev.journal.core.internal.FileVersion;
import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.json.Json;
import dev.journal.core.parse.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The search page's index, {@code search-index.json} beside the search page: every shown document
 * (articles newest first, then pages) with what a result shows, and a sorted term dictionary whose
 * postings already carry each document's BM25F term weight, so the browser only adds numbers.
 *
 * <p>Format (version 1), all in one JSON object:
 * <ul>
 * <li>{@code docs}: {@code [uri, title, date as displayed, [author numbers], [tag numbers], summary]}, and
 * after them the document's language when it is not the site's, for the result's {@code lang};</li>
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
        return Needs.NAMES; // the index, the configuration, the site's names and dates
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
        Memo memo = context.searchMemo();
        byte[] made = bytes(docs, terms, context.names(), BODY_POSTINGS, memo);
        context.searchMade();
        return List.of(new RenderedPage(indexPath(config), made));
    }

    private static final int[] EMPTY = new int[0];
    private static final Doc[] NO_DOCS = new Doc[0];

    /**
     * The index as JSON. Every document is read once into a term dictionary; weights need the
     * document frequencies and average field lengths of all, so they follow in a second loop.
     *
     * @param bodyPostings the budget of body-only terms, shared by all documents
     */
    String write(List<Article> docs, SearchTerms terms, Names names, int bodyPostings) {
        return write(docs, terms, names, bodyPostings, null);
    }

    /**
     * As {@link #write(List, SearchTerms, Names, int)}, going on from what the last build left in
     * {@code memo}: when an edit changed documents without moving any other or changing the
     * averages, only the changed documents and those whose choice of body terms a changed document
     * frequency can move are weighed again, and only the terms they touch get new postings.
     */
    String write(List<Article> docs, SearchTerms terms, Names names, int bodyPostings, Memo memo) {
        return new String(bytes(docs, terms, names, bodyPostings, memo), StandardCharsets.UTF_8);
    }

    /** The index in UTF-8, as {@link #write(List, SearchTerms, Names, int, Memo)} gives it. */
    byte[] bytes(List<Article> docs, SearchTerms terms, Names names, int bodyPostings, Memo memo) {
        List<SearchCounts> counts = new ArrayList<>(docs.size());
        for (Article a : docs) {
            counts.add(a.search() != null ? a.search()
                    : SearchCounts.of(terms, a.title(), a.authors(), a.tags(), a.summary(), a.text()));
        }
        Memo m = memo != null ? memo : new Memo(false);
        Term[] sorted = m.update(counts, d -> key(docs.get(d)), bodyPostings);
        byte[][][] texts = m.texts(docs, a -> new byte[][] {Json.escapedUtf8(a.uri()), Json.escapedUtf8(a.title()),
            Json.escapedUtf8(a.date() == null || !a.isPost() ? "" : names.date(a.date())),
            Json.escapedUtf8(SafeText.shorten(a.summary(), SUMMARY_LENGTH)), language(names.otherLanguage(a))});
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
                numbers(g, a.authors(), names::author, authors, authorNumbers);
                numbers(g, a.tags(), names::tag, tags, tagNumbers);
                raw(g, text[3]);
                if (text[4] != null) {
                    raw(g, text[4]);
                }
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

    /**
     * What finds a document again in a memo read from the build cache: its source file and a digest
     * of its bytes, which its counts are made from (with the configuration and the engine, which
     * the memo's file is keyed on).
     */
    static String key(Article a) {
        return a.sourcePath() + "\n" + a.hash();
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
        /**
         * The index's postings, {@code document number << 6 | weight}, ascending; {@link #size}
         * used. Null for a term read from a file until needed ({@link #postings()}): then only
         * {@link #encoded} holds them.
         */
        int[] postings = EMPTY;
        int size;
        /** The postings as the index writes them (ASCII); null until written. */
        byte[] encoded;
        /** The build in which its document frequency last changed. */
        int moved = -1;
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

        /** The postings, read back from {@link #encoded} for a term read from a file. */
        int[] postings() {
            if (postings == null) {
                postings = decode(encoded, size);
            }
            return postings;
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
        /** Its counts; null for a document read from a file until an update finds it. */
        SearchCounts counts;
        /** Its counts' terms in the dictionary; null for a document read from a file until needed ({@link Memo#resolve}). */
        Term[] terms;
        /** How many of its terms are in the body only. */
        int bodyOnly;
        /** What finds it again in a memo written and read ({@link #key(Article)}); null when not known. */
        String key;
        /** The {@link Memo#digest} of its counts (for a document read from a file, of the counts it was weighed from). */
        long digest;
        int number = -1;
        boolean live = true;
        /** The build that last weighed it. */
        int weighed = -1;
        /** Per term, its weight in the index, 0 for a term not kept; null until weighed (or read from a file). */
        byte[] weight;

        Doc(SearchCounts counts, Term[] terms, int bodyOnly) {
            this.counts = counts;
            this.terms = terms;
            this.bodyOnly = bodyOnly;
            this.digest = counts == null ? 0 : Memo.digest(counts);
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
        /** The file's first field, to be changed with what the file holds or what it means. */
        private static final String FORMAT = "journal-search 1";
        private final boolean lasting;
        /**
         * For a memo {@link #read} from a file: its documents by {@link Doc#key}, until the next
         * update finds them; null otherwise.
         */
        private Map<String, Doc> stored;
        /**
         * For a memo read from a file: the counts of the documents its build had that have
         * changed or gone since, by key (what the article store kept of them); null when not known.
         */
        private Map<String, SearchCounts> replaced;
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
            stored = null;
            texts.forget();
        }

        /** For a memo read from a file: the counts of the documents its build had that changed or went since, by key. */
        void replaced(Map<String, SearchCounts> counts) {
            replaced = counts;
        }

        /**
         * A digest of a document's counts (how many terms, how often each occurs in each field, the
         * fields' lengths): a document read from a file is taken for the one an update finds under
         * its key (its source file and bytes, which the counts are made from) only when their
         * counts digest alike too.
         */
        static long digest(SearchCounts c) {
            long h = c.terms().length;
            for (int p : c.packed()) {
                h = h * 0x9E3779B97F4A7C15L + p;
            }
            for (int length : c.length()) {
                h = h * 0x9E3779B97F4A7C15L + length;
            }
            return dev.journal.core.internal.Mix64.mix(h);
        }

        /**
         * Writes what the last update left to {@code file} with {@code key} (what else it depends
         * on: the engine, the configuration), for the next build process to {@link #read} and go on
         * from: the dictionary's terms with their document frequencies and postings as the index
         * writes them, each document's key and digest, and the averages. Removes the file when the
         * last update did not finish or a document has no key.
         */
        void write(Path file, String key) throws IOException {
            Doc[] order = new Doc[docs.size()];
            boolean whole = valid && order.length == documents;
            for (Doc doc : docs.values()) {
                if (!whole || doc.key == null || doc.number < 0 || doc.number >= order.length
                        || order[doc.number] != null) {
                    whole = false;
                    break;
                }
                order[doc.number] = doc;
            }
            if (!whole) {
                Files.deleteIfExists(file);
                return;
            }
            RecordBytes out = new RecordBytes(1 << 20);
            out.writeUtf8(FORMAT);
            out.writeUtf8(key);
            out.writeVar(documents);
            out.writeVar(bodyTerms);
            for (int f = 0; f < SearchCounts.FIELDS; f++) {
                out.writeLong(Double.doubleToLongBits(average[f]));
                out.writeLong(total[f]);
            }
            int live = 0;
            for (Term t : sorted) {
                live += t.documents > 0 ? 1 : 0;
            }
            out.writeVar(live);
            for (Term t : sorted) {
                if (t.documents > 0) {
                    out.writeUtf8(t.text);
                    out.writeVar(t.documents);
                    out.writeVar(t.size);
                    byte[] encoded = t.encoded();
                    out.writeVar(encoded.length);
                    out.write(encoded, 0, encoded.length);
                }
            }
            for (Doc doc : order) {
                out.writeUtf8(doc.key);
                out.writeLong(doc.digest);
                out.writeVar(doc.bodyOnly);
            }
            CRC32C crc = new CRC32C();
            out.update(crc);
            out.writeLong(crc.getValue()); // the checksum, after what it sums
            FileVersion.write(file, out::writeTo);
        }

        /**
         * A memo holding what {@link #write} left in {@code file} under the same {@code key}, whose
         * next update finds the documents it holds by their keys; an empty memo when there is no
         * such file, or it has another key or format, or it is damaged (its checksum, a count or
         * the terms' order wrong): that only costs the time of weighing every document.
         */
        static Memo read(Path file, String key) {
            try {
                byte[] all = Checksummed.read(file);
                if (all == null) {
                    return new Memo(false);
                }
                ByteReader in = new ByteReader(all, 0, all.length - Checksummed.TRAILER);
                if (!FORMAT.equals(in.readUtf8(in.readVar())) || !key.equals(in.readUtf8(in.readVar()))) {
                    return new Memo(false);
                }
                return read(in);
            } catch (IOException | RuntimeException e) {
                return new Memo(false); // no file, or not one this engine wrote
            }
        }

        private static Memo read(ByteReader in) throws IOException {
            Memo memo = new Memo(false);
            int n = in.readVar();
            int bodyTerms = in.readVar();
            double[] average = new double[SearchCounts.FIELDS];
            for (int f = 0; f < SearchCounts.FIELDS; f++) {
                average[f] = Double.longBitsToDouble(in.readLong());
                memo.total[f] = in.readLong();
            }
            Term[] sorted = new Term[in.bounded(in.readVar(), 4)];
            for (int i = 0; i < sorted.length; i++) {
                Term t = new Term(in.readUtf8(in.readVar()));
                t.documents = in.readVar();
                t.size = in.readVar();
                t.encoded = in.readBytes(in.readVar());
                t.postings = null; // read from the encoded postings when needed
                if (t.documents <= 0 || t.size > t.documents || i > 0 && BY_TEXT.compare(sorted[i - 1], t) >= 0
                        || memo.dictionary.put(t.text, t) != null) {
                    throw new IOException("terms not as written");
                }
                sorted[i] = t;
            }
            Map<String, Doc> stored = new HashMap<>(2 * in.bounded(n, 10));
            for (int d = 0; d < n; d++) {
                Doc doc = new Doc(null, null, 0);
                doc.key = in.readUtf8(in.readVar());
                doc.digest = in.readLong();
                doc.bodyOnly = in.readVar();
                doc.number = d;
                if (stored.put(doc.key, doc) != null) {
                    throw new IOException("a document twice");
                }
            }
            if (!in.done()) {
                throw new IOException("more than was written");
            }
            memo.sorted = sorted;
            memo.documents = n;
            memo.bodyTerms = bodyTerms;
            memo.average = average;
            memo.stored = stored;
            memo.valid = true;
            return memo;
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
            return update(counts, d -> null, bodyPostings);
        }

        /**
         * As {@link #update(List, int)}, with each document's {@link #key(Article)}, by which a memo
         * {@link #read} from a file finds the documents it holds.
         */
        Term[] update(List<SearchCounts> counts, java.util.function.IntFunction<String> keys, int bodyPostings) {
            Map<String, Doc> fromFile = stored;
            Map<String, SearchCounts> was = replaced;
            stored = null;
            replaced = null;
            if (fromFile != null && valid) {
                Term[] result = updateStored(counts, keys, bodyPostings, fromFile, was);
                if (result != null) {
                    return result;
                }
                valid = false; // the file's documents cannot all be accounted for: everything is counted again
            }
            boolean incremental = valid;
            valid = false; // until this update is done
            if (!incremental) {
                dictionary.clear();
                sorted = new Term[0];
                docs = new IdentityHashMap<>();
                Arrays.fill(total, 0);
                dead = 0;
            }
            Doc[] order = new Doc[counts.size()];
            for (int d = 0; d < order.length; d++) {
                order[d] = docs.remove(counts.get(d));
            }
            return place(counts, order, keys, docs.values(), incremental, bodyPostings);
        }

        /**
         * The update of a memo {@link #read} from a file. A document found under its key with counts
         * of the same digest is the one the file's build weighed, and its terms are not looked at
         * unless it has to be weighed again; a document the file's build had and this one has not
         * (an edited document's earlier version among them) is taken out with the counts it had,
         * from {@code replaced}. Null when such counts are not known, or the file's dictionary does
         * not hold a document's terms: the caller then counts everything again.
         */
        private Term[] updateStored(List<SearchCounts> counts, java.util.function.IntFunction<String> keys,
                int bodyPostings, Map<String, Doc> stored, Map<String, SearchCounts> replaced) {
            int n = counts.size();
            Doc[] order = new Doc[n];
            String[] key = new String[n];
            for (int d = 0; d < n; d++) {
                key[d] = keys.apply(d);
                Doc doc = key[d] == null ? null : stored.get(key[d]);
                if (doc != null && doc.counts == null && doc.digest == digest(counts.get(d))) {
                    doc.counts = counts.get(d);
                    order[d] = doc;
                }
            }
            List<Doc> gone = new ArrayList<>();
            for (Doc doc : stored.values()) {
                if (doc.counts == null) {
                    SearchCounts had = replaced == null ? null : replaced.get(doc.key);
                    if (had == null || digest(had) != doc.digest) {
                        return null;
                    }
                    doc.counts = had;
                    if (!resolve(doc)) {
                        return null;
                    }
                    gone.add(doc);
                }
            }
            return place(counts, order, d -> key[d], gone, true, bodyPostings);
        }

        /**
         * Numbers this build's documents: those found in the last build ({@code order}, null where
         * none) keep their entries, the others are added; {@code gone} are taken out. Then the
         * index is made ({@link #finish}).
         */
        private Term[] place(List<SearchCounts> counts, Doc[] order, java.util.function.IntFunction<String> keys,
                java.util.Collection<Doc> gone, boolean incremental, int bodyPostings) {
            build++;
            int n = order.length;
            Map<SearchCounts, Doc> next = new IdentityHashMap<>(2 * n);
            List<Term> added = new ArrayList<>();
            List<Term> touched = new ArrayList<>();
            List<Doc> fresh = new ArrayList<>();
            boolean renumbered = false;
            boolean twice = false;
            for (int d = 0; d < n; d++) {
                SearchCounts c = counts.get(d);
                Doc doc = order[d];
                if (doc == null) {
                    doc = add(c, added, touched);
                    fresh.add(doc);
                } else if (doc.number != d) {
                    renumbered = true;
                }
                doc.number = d;
                doc.key = keys.apply(d);
                twice |= next.put(c, doc) != null; // the same counts for two documents: not found again next time
                order[d] = doc;
            }
            for (Doc doc : gone) {
                remove(doc, touched);
            }
            docs = next;
            return finish(order, incremental, renumbered, twice, fresh, added, touched, bodyPostings);
        }

        /**
         * A document's terms, found in the dictionary by its counts' terms: for a document read
         * from a file, which holds none. False when one is missing (the file was not what its
         * build left).
         */
        private boolean resolve(Doc doc) {
            String[] texts = doc.counts.terms();
            Term[] found = new Term[texts.length];
            for (int k = 0; k < texts.length; k++) {
                Term t = dictionary.get(texts[k]);
                if (t == null || t.documents == 0) {
                    return false;
                }
                found[k] = t;
            }
            doc.terms = found;
            return true;
        }

        /**
         * The rest of an update, once the documents are matched, added and removed: weighs every
         * document or only what changed, and merges the new terms into the dictionary's order.
         * Null when a document read from a file cannot be weighed ({@link #resolve}).
         */
        private Term[] finish(Doc[] order, boolean incremental, boolean renumbered, boolean twice, List<Doc> fresh,
                List<Term> added, List<Term> touched, int bodyPostings) {
            int n = order.length;
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
                for (Doc doc : order) {
                    if (doc.terms == null && !resolve(doc)) {
                        return null;
                    }
                }
                weighAll(order);
                weighed = n;
            } else {
                weighed = weighChanged(order, fresh, touched);
                if (weighed < 0) {
                    return null;
                }
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
        /** A hash code's bit among {@code 1 << 16}. */
        private static int spread(int hash) {
            return (hash ^ hash >>> 16) & 0xFFFF;
        }

        private int weighChanged(Doc[] order, List<Doc> fresh, List<Term> touched) {
            int n = order.length;
            List<Doc> again = new ArrayList<>(fresh);
            for (Doc doc : fresh) {
                doc.weighed = build;
            }
            java.util.Set<String> moved = new java.util.HashSet<>();
            for (Term t : touched) {
                if (t.documents != t.before) {
                    moved.add(t.text);
                    for (int i = 0; i < t.chooserCount; i++) {
                        Doc doc = t.choosers[i];
                        if (doc.live && doc.weighed != build) {
                            doc.weighed = build;
                            again.add(doc);
                        }
                    }
                }
            }
            if (!lasting && !moved.isEmpty()) {
                // a memo read from a file keeps no lists of choosers: the documents that choose are
                // looked at for a body term whose document frequency moved (a few terms among
                // hundreds of thousands: a bit per hash code rules most out before the set is asked)
                long[] maybe = new long[1 << 10];
                for (String term : moved) {
                    int bit = spread(term.hashCode());
                    maybe[bit >>> 6] |= 1L << bit;
                }
                for (Doc doc : order) {
                    if (doc.weighed != build && doc.bodyOnly > bodyTerms) {
                        SearchCounts c = doc.counts;
                        String[] terms = c.terms();
                        for (int k = 0; k < terms.length; k++) {
                            int bit = spread(terms[k].hashCode());
                            if ((maybe[bit >>> 6] & 1L << bit) != 0 && c.bodyOnly(k) && moved.contains(terms[k])) {
                                doc.weighed = build;
                                again.add(doc);
                                break;
                            }
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
                if (doc.terms == null && !resolve(doc)) {
                    return -1;
                }
                byte[] old = doc.weight;
                weigh(doc);
                weighed[doc.number] = true;
                if (old == null) {
                    // a new document, whose terms are all touched, or one read from a file, whose
                    // weights were not: each of its terms gets its postings made again
                    chooseIn(doc);
                    for (Term t : doc.terms) {
                        if (t.dirty != build) {
                            t.dirty = build;
                            dirty.add(t);
                        }
                    }
                    continue;
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
                int[] postings = t.postings();
                for (int i = 0; i < t.size; i++) {
                    if (!weighed[postings[i] >>> 6]) {
                        made[size++] = postings[i];
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
    /** Each digit's value, by its character. */
    private static final byte[] VALUE = new byte[128];

    static {
        for (int i = 0; i < DIGIT.length; i++) {
            VALUE[DIGIT[i]] = (byte) i;
        }
    }

    /** The {@code size} postings {@link #encode} wrote into {@code encoded}. */
    static int[] decode(byte[] encoded, int size) {
        int[] out = new int[size];
        int[] at = {0};
        number(encoded, at); // the document frequency
        int previous = -1;
        for (int i = 0; i < size; i++) {
            int document = previous + 1 + number(encoded, at);
            out[i] = document << 6 | VALUE[encoded[at[0]++]];
            previous = document;
        }
        return out;
    }

    /** The number {@link #number(byte[], int, int)} wrote at {@code at[0]}, which moves past it. */
    private static int number(byte[] in, int[] at) {
        int value = 0;
        for (int shift = 0;; shift += 5) {
            int digit = VALUE[in[at[0]++]];
            if (digit < 32) {
                return value | digit << shift;
            }
            value |= (digit - 32) << shift;
        }
    }

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

    /** A language as the index holds it: escaped, or null for none. */
    private static byte[] language(String lang) {
        return lang == null ? null : Json.escapedUtf8(lang);
    }
}
