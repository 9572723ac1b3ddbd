package dev.journal.core.cache;

import dev.journal.core.Problem;
import dev.journal.core.analysis.SearchCounts;
import dev.journal.core.internal.markdown.MarkdownResult.Reference;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Body;
import dev.journal.core.parse.Heading;
import dev.journal.core.related.ArticleTerms;
import dev.journal.core.related.TermIds;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Article} (all but its body, which is stored apart) in a compact binary form and
 * reads it back equal. Strings go through {@link #writeString} (UTF-8 of any length).
 */
final class ArticleCodec {

    private ArticleCodec() {
    }

    /** Thrown for a value the cache cannot hold; the article is then simply not cached. */
    static final class Uncacheable extends IOException {
        private static final long serialVersionUID = 1L;

        Uncacheable(String message) {
            super(message);
        }
    }

    /**
     * The words shared by all articles of a store, each kept once: search terms by number, term
     * hashes by number. Articles refer to them by their numbers. On disk a log of entries ({@code t}
     * and a term, or {@code h} and a hash), numbered in order, to which a build appends the words it
     * added, so that the records already written keep their meaning.
     */
    static final class Words {
        private String[] terms = new String[1024];
        private int termCount;
        private long[] hashes = new long[1024];
        private int hashCount;
        private Map<String, Integer> termIds;
        /** Hash to number (the hash 0, which the table cannot hold, has {@link #zeroId}). */
        private TermIds hashIds;
        private int zeroId = -1;
        private final RecordBytes added = new RecordBytes(1 << 12);
        private final DataOutputStream log = new DataOutputStream(added);

        /**
         * The words of a log, in order. Each term is in the log once and every record names it by
         * its number, so the articles read back share one string per term without
         * {@code String.intern}, which cost 200-430 ms for the 163,000 terms of 10,000 articles
         * against 40 ms for the whole read without it.
         */
        static Words read(ByteReader in) throws IOException {
            Words w = new Words();
            while (!in.done()) {
                int kind = in.readByte();
                if (kind == 't') {
                    w.addTerm(readString(in));
                } else if (kind == 'h') {
                    w.addHash(in.readLong());
                } else {
                    throw new IOException("corrupt word list in the build cache");
                }
            }
            return w;
        }

        String term(int id) throws IOException {
            if (id >= termCount) {
                throw new IOException("corrupt term number in the build cache");
            }
            return terms[id];
        }

        long hash(int id) throws IOException {
            if (id >= hashCount) {
                throw new IOException("corrupt hash number in the build cache");
            }
            return hashes[id];
        }

        synchronized int termId(String term) throws IOException {
            if (termIds == null) {
                termIds = new java.util.HashMap<>(termCount * 2);
                for (int i = 0; i < termCount; i++) {
                    termIds.put(terms[i], i);
                }
            }
            Integer id = termIds.get(term);
            if (id == null) {
                id = termCount;
                addTerm(term);
                termIds.put(term, id);
                log.writeByte('t');
                writeString(log, term);
            }
            return id;
        }

        synchronized int hashId(long hash) throws IOException {
            if (hashIds == null) {
                hashIds = new TermIds(hashCount);
                for (int i = 0; i < hashCount; i++) {
                    number(hashes[i], i);
                }
            }
            int id = hash == 0 ? zeroId : hashIds.get(hash, -1);
            if (id < 0) {
                id = hashCount;
                addHash(hash);
                number(hash, id);
                log.writeByte('h');
                log.writeLong(hash);
            }
            return id;
        }

        /** Gives a hash its number, unless it has one. */
        private void number(long hash, int id) {
            if (hash != 0) {
                hashIds.putIfAbsent(hash, id);
            } else if (zeroId < 0) {
                zeroId = id;
            }
        }

        /** The log entries of the words added since this list was read (or made, or {@link #logged}). */
        byte[] added() {
            return added.toByteArray();
        }

        /** The words added so far are in the log now: {@link #added} starts over. */
        void logged() {
            added.reset();
        }

        private void addTerm(String term) {
            if (termCount == terms.length) {
                terms = java.util.Arrays.copyOf(terms, termCount * 2);
            }
            terms[termCount++] = term;
        }

        private void addHash(long hash) {
            if (hashCount == hashes.length) {
                hashes = java.util.Arrays.copyOf(hashes, hashCount * 2);
            }
            hashes[hashCount++] = hash;
        }
    }

    static void write(DataOutputStream out, Article a, Words words) throws IOException {
        writeString(out, a.sourcePath());
        writeString(out, a.contentPath());
        writeString(out, a.type());
        out.writeBoolean(a.draft());
        writeString(out, a.title());
        writeStrings(out, a.authors());
        writeDate(out, a.date());
        writeDate(out, a.updated());
        writeStrings(out, a.tags());
        writeNullable(out, a.summary());
        writeString(out, a.slug());
        writeString(out, a.outputPath());
        writeString(out, a.uri());
        writeNullable(out, a.image());
        writeNullable(out, a.lang());
        out.writeBoolean(a.related().hidden());
        writeStrings(out, a.related().pinned());
        writeValue(out, a.meta());
        writeVar(out, a.headings().size());
        for (Heading h : a.headings()) {
            writeVar(out, h.level());
            writeString(out, h.id());
            writeString(out, h.text());
        }
        writeVar(out, a.words());
        writeVar(out, a.references().size());
        for (Reference r : a.references()) {
            out.writeBoolean(r.image());
            writeString(out, r.destination());
            writeNullable(out, r.text());
            writeVar(out, r.line());
            out.writeBoolean(r.raw());
        }
        writeString(out, a.hash());
        writeString(out, a.sha1());
        writeVar(out, a.lines().size());
        for (var e : new java.util.TreeMap<>(a.lines()).entrySet()) {
            writeString(out, e.getKey());
            writeVar(out, e.getValue());
        }
        writeVar(out, a.entryLines().size());
        for (var e : new java.util.TreeMap<>(a.entryLines()).entrySet()) {
            writeString(out, e.getKey());
            writeVar(out, e.getValue().size());
            for (var entry : new java.util.TreeMap<>(e.getValue()).entrySet()) {
                writeString(out, entry.getKey());
                writeVar(out, entry.getValue());
            }
        }
        ArticleTerms t = a.terms();
        out.writeBoolean(t != null);
        if (t != null) {
            writeVar(out, t.hashes().length);
            for (int i = 0; i < t.hashes().length; i++) {
                writeVar(out, words.hashId(t.hashes()[i]));
                out.writeFloat(t.counts()[i]);
            }
            out.writeDouble(t.length());
        }
        SearchCounts s = a.search();
        out.writeBoolean(s != null);
        if (s != null) {
            writeVar(out, s.terms().length);
            for (String term : s.terms()) {
                writeVar(out, words.termId(term));
            }
            for (int v : s.packed()) {
                writeVar(out, v);
            }
            for (int v : s.length()) {
                writeVar(out, v);
            }
        }
    }

    static Article read(ByteReader in, Body body, Words words) throws IOException {
        String sourcePath = readString(in);
        String contentPath = readString(in);
        String type = readString(in);
        boolean draft = in.readBoolean();
        String title = readString(in);
        List<String> authors = readStrings(in);
        ZonedDateTime date = readDate(in);
        ZonedDateTime updated = readDate(in);
        List<String> tags = readStrings(in);
        String summary = readNullable(in);
        String slug = readString(in);
        String outputPath = readString(in);
        String uri = readString(in);
        String image = readNullable(in);
        String lang = readNullable(in);
        Article.Related related = new Article.Related(in.readBoolean(), readStrings(in));
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) readValue(in);
        int nh = count(in, 3);
        List<Heading> headings = new ArrayList<>(nh);
        for (int i = 0; i < nh; i++) {
            headings.add(new Heading(readVar(in), readString(in), readString(in)));
        }
        int wordCount = readVar(in);
        int nr = count(in, 4);
        List<Reference> refs = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) {
            refs.add(new Reference(in.readBoolean(), readString(in), readNullable(in), readVar(in), in.readBoolean()));
        }
        String hash = readString(in);
        String sha1 = readString(in);
        int nl = readVar(in);
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < nl; i++) {
            lines.put(readString(in), readVar(in));
        }
        int ne = count(in, 2);
        Map<String, Map<String, Integer>> entryLines = ne == 0 ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < ne; i++) {
            String field = readString(in);
            int n = count(in, 2);
            Map<String, Integer> entries = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                entries.put(readString(in), readVar(in));
            }
            entryLines.put(field, Collections.unmodifiableMap(entries));
        }
        ArticleTerms terms = null;
        if (in.readBoolean()) {
            int n = count(in, 5);
            long[] hashes = new long[n];
            float[] counts = new float[n];
            for (int i = 0; i < n; i++) {
                hashes[i] = words.hash(readVar(in));
                counts[i] = in.readFloat();
            }
            terms = new ArticleTerms(hashes, counts, in.readDouble());
        }
        SearchCounts search = null;
        if (in.readBoolean()) {
            int n = count(in, 2);
            String[] found = new String[n];
            for (int i = 0; i < n; i++) {
                found[i] = words.term(readVar(in));
            }
            int[] tf = new int[n];
            for (int i = 0; i < tf.length; i++) {
                tf[i] = readVar(in);
            }
            int[] length = new int[SearchCounts.FIELDS];
            for (int i = 0; i < length.length; i++) {
                length[i] = readVar(in);
            }
            search = new SearchCounts(found, tf, length);
        }
        return new Article(sourcePath, contentPath, type, draft, title, authors, date, updated, tags, summary, slug,
                outputPath, uri, image, lang, related, meta, body, List.copyOf(headings), wordCount, List.copyOf(refs),
                hash, sha1, Collections.unmodifiableMap(lines), Collections.unmodifiableMap(entryLines), terms, search);
    }

    static void writeProblem(DataOutputStream out, Problem p) throws IOException {
        writeString(out, p.path());
        out.writeInt(p.line());
        out.writeBoolean(p.isError());
        writeString(out, p.message());
    }

    static Problem readProblem(ByteReader in) throws IOException {
        String path = readString(in);
        int line = in.readInt();
        boolean error = in.readBoolean();
        String message = readString(in);
        return error ? Problem.error(path, line, message) : Problem.warning(path, line, message);
    }

    // ---- values -------------------------------------------------------------------------------

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte('n');
        } else if (v instanceof String s) {
            out.writeByte('s');
            writeString(out, s);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? 't' : 'f');
        } else if (v instanceof Long || v instanceof Integer) {
            out.writeByte('l');
            out.writeLong(((Number) v).longValue());
        } else if (v instanceof Double d) {
            out.writeByte('d');
            out.writeDouble(d);
        } else if (v instanceof List<?> list) {
            out.writeByte('L');
            writeVar(out, list.size());
            for (Object o : list) {
                writeValue(out, o);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte('M');
            writeVar(out, map.size());
            for (var e : map.entrySet()) {
                writeString(out, String.valueOf(e.getKey()));
                writeValue(out, e.getValue());
            }
        } else {
            throw new Uncacheable("a front matter value of type " + v.getClass().getName());
        }
    }

    private static Object readValue(ByteReader in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 'n':
                return null;
            case 's':
                return readString(in);
            case 't':
                return Boolean.TRUE;
            case 'f':
                return Boolean.FALSE;
            case 'l':
                return in.readLong();
            case 'd':
                return in.readDouble();
            case 'L': {
                int n = count(in, 1);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in));
                }
                return Collections.unmodifiableList(list);
            }
            case 'M': {
                int n = readVar(in);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(readString(in), readValue(in));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                throw new IOException("corrupt cache entry");
        }
    }

    private static void writeDate(DataOutputStream out, ZonedDateTime d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeLong(d.toEpochSecond());
            out.writeInt(d.getNano());
            writeString(out, d.getZone().getId());
        }
    }

    private static ZonedDateTime readDate(ByteReader in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long seconds = in.readLong();
        int nanos = in.readInt();
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneId.of(readString(in)));
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        writeVar(out, list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(ByteReader in) throws IOException {
        int n = count(in, 1);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return List.copyOf(list);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s);
        }
    }

    private static String readNullable(ByteReader in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeVar(out, b.length);
        out.write(b);
    }

    static String readString(ByteReader in) throws IOException {
        return in.readUtf8(readVar(in));
    }

    /** An unsigned int in 7-bit groups, low first: one byte for most numbers here. */
    static void writeVar(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte(v & 0x7f | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    /**
     * A count that sizes what is read next, of entries of at least {@code bytesEach} bytes: one
     * that the rest of the record cannot hold is damage, refused before anything is made that large.
     */
    static int count(ByteReader in, int bytesEach) throws IOException {
        return in.bounded(readVar(in), bytesEach);
    }

    static int readVar(ByteReader in) throws IOException {
        return in.readVar();
    }
}
