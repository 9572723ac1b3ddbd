package dev.journal.core.cache;

import dev.journal.core.Problem;
import dev.journal.core.internal.Checksummed;
import dev.journal.core.internal.FileVersion;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Body;
import dev.journal.core.parse.ParseCache;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The parse cache on disk, in the build cache folder, as three logs and an index:
 * <ul>
 * <li>{@code bodies-G.bin}: the bodies (HTML, then text), appended as articles are parsed and read
 *     back, one at a time, when a page needs one;</li>
 * <li>{@code records-G.bin}: every other part of an article, one record each, appended when an
 *     article is parsed;</li>
 * <li>{@code words-G.bin}: the terms and term hashes the records refer to by number, appended;</li>
 * <li>{@code index.bin}: for each source file of the last successful build, its path, content digest
 *     and where its record is, with how much of each log is valid. Written last, and moved into
 *     place whole, so that a build cut short leaves the previous index pointing at intact data.</li>
 * </ul>
 * A rebuild decodes a record only when its file is unchanged (in parallel, as the parse stage asks),
 * and writes only the records of the files it parsed: the cost of keeping the cache follows what
 * changed, not the size of the site. When dead data outweighs the live, the live is copied into a
 * new generation {@code G} of the logs. A cache written by another engine or for another
 * configuration ({@code key}) is ignored, and a damaged one is only a slower build: the index keeps
 * a CRC-32C of the words log and of each record, each record one of its body, and a record or body
 * that does not match is parsed again from its file (checked when the record is decoded, before
 * anything of it is used).
 */
public final class ArticleStore implements ParseCache, AutoCloseable {

    private static final String FORMAT = "journal-articles 7";
    private static final String INDEX = "index.bin";
    private static final Pattern LOG = Pattern.compile("(bodies|records|words)-(\\d+)\\.bin");
    /** Dead bytes a log may hold beyond its live ones before it is compacted. */
    private static final long SLACK = 16 << 20;
    private final long slack;

    private final Path dir;
    private final String key;
    private final int generation;
    private Map<String, Stored> previous;
    private final Map<String, Stored> kept = new ConcurrentHashMap<>();
    private final FileChannel bodies;
    private final AtomicLong end;
    /** The records log as read, for decoding records on first use; emptied when all are decoded. */
    private byte[] records;
    private long recordsLength;
    private long wordsLength;
    private final ArticleCodec.Words words;
    /** The CRC-32C of the words log so far, carried on as it grows and saved in the index. */
    private CRC32C wordsCrc = new CRC32C();
    /**
     * The index file as this store last wrote it, when the store can go on to another build from
     * memory (see {@link #resume}); null when it cannot.
     */
    private Object writtenIndex;

    /**
     * An article of the previous build (with where its record is, decoded on first use) or of this
     * one (record -1, not written yet).
     */
    private final class Stored {
        final String path;
        final String hash;
        final long record;
        final int recordLength;
        /** The CRC-32C of the record's bytes, checked before it is decoded. */
        final int recordCrc;
        volatile Entry entry;
        volatile StoredBody body;

        Stored(String path, String hash, long record, int recordLength, int recordCrc) {
            this.path = path;
            this.hash = hash;
            this.record = record;
            this.recordLength = recordLength;
            this.recordCrc = recordCrc;
        }

        Stored(Entry entry) {
            this(entry.article().sourcePath(), entry.article().hash(), -1, 0, 0);
            this.entry = entry;
            this.body = (StoredBody) entry.article().body();
        }

        Entry entry() throws IOException {
            Entry e = entry;
            if (e == null) {
                if (crc(records, (int) record, recordLength) != recordCrc) {
                    throw new IOException("a record of the build cache is damaged");
                }
                ByteReader in = new ByteReader(records, (int) record, (int) record + recordLength);
                List<Problem> problems = new ArrayList<>();
                int np = ArticleCodec.readVar(in);
                for (int p = 0; p < np; p++) {
                    problems.add(ArticleCodec.readProblem(in));
                }
                Map<String, String> linked = new LinkedHashMap<>();
                int nl = ArticleCodec.readVar(in);
                for (int l = 0; l < nl; l++) {
                    linked.put(ArticleCodec.readString(in), ArticleCodec.readString(in));
                }
                long offset = in.readLong();
                int html = ArticleCodec.readVar(in);
                int text = ArticleCodec.readVar(in);
                String digest = ArticleCodec.readString(in);
                int bodyCrc = in.readInt();
                if (html < 0 || text < 0 || offset < 0 || offset + html + text > end.get()) {
                    throw new IOException("a body lies beyond the end of the build cache's bodies");
                }
                // read once here, beside the parse, so that a damaged body is parsed again rather
                // than shown on a page
                if (ByteReader.crc(bodies, offset, html + text, "the build cache's bodies are too short") != bodyCrc) {
                    throw new IOException("a body of the build cache is damaged");
                }
                StoredBody b = new StoredBody(offset, html, text, digest, bodyCrc);
                e = new Entry(ArticleCodec.read(in, b, words), List.copyOf(problems), Map.copyOf(linked));
                if (!e.article().sourcePath().equals(path) || !e.article().hash().equals(hash)) {
                    throw new IOException("a record of the build cache is not the one its index names");
                }
                body = b;
                entry = e;
            }
            return e;
        }
    }

    private ArticleStore(Path dir, String key, int generation, Map<String, Stored> previous, byte[] records,
            ArticleCodec.Words words, long wordsLength, long slack) throws IOException {
        this.slack = slack;
        this.dir = dir;
        this.key = key;
        this.generation = generation;
        this.previous = previous;
        this.records = records;
        this.recordsLength = records.length;
        this.words = words;
        this.wordsLength = wordsLength;
        this.bodies = FileChannel.open(log("bodies", generation), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.end = new AtomicLong(bodies.size());
    }

    /**
     * Opens the store in {@code dir}, reading the index of what the last build kept when it was made
     * with the same {@code key} (engine and configuration), else starting empty.
     */
    public static ArticleStore open(Path dir, String key) throws IOException {
        return open(dir, key, SLACK);
    }

    /**
     * The store for a build of a process that built before (the preview's): {@code last}, the store
     * of its last build, goes on from memory, with every article it kept already decoded, when its
     * save was the last write to the cache (no other build wrote the index since, and no compaction
     * moved the logs); otherwise {@code last} is closed and the store read again as by {@link #open}.
     *
     * @param last the store of the process's last build, or null
     */
    public static ArticleStore resume(ArticleStore last, Path dir, String key) throws IOException {
        if (last != null) {
            Object written = last.writtenIndex;
            last.writtenIndex = null; // in use: a build that fails half way leaves it unusable
            if (written != null && last.dir.equals(dir) && last.key.equals(key)
                    && written.equals(FileVersion.of(dir.resolve(INDEX)))) {
                last.kept.clear();
                return last;
            }
            last.close();
        }
        return open(dir, key);
    }

    /** Whether {@link #resume} may go on from this store: its last save was complete and moved no log. */
    public boolean resumable() {
        return writtenIndex != null;
    }

    /**
     * The store as the last build with the same {@code key} left it, to find articles in and read
     * their bodies from, never to save: nothing in {@code dir} is created, removed or changed. Null
     * when there is no such store (none, another key, or damaged).
     */
    public static ArticleStore openToRead(Path dir, String key) {
        return read(dir, key, SLACK);
    }

    /** As {@link #open(Path, String)}, compacting when the dead data of a log exceeds twice the live plus {@code slack}. */
    static ArticleStore open(Path dir, String key, long slack) throws IOException {
        Files.createDirectories(dir);
        ArticleStore store = read(dir, key, slack);
        if (store != null) {
            store.removeLogsBut(store.generation); // left by a compaction cut short
            return store;
        }
        // nothing to reuse: a new generation, which replaces what is there when this build saves
        int generation = 1;
        for (var e : logs(dir).entrySet()) {
            generation = Math.max(generation, e.getValue() + 1);
        }
        return new ArticleStore(dir, key, generation, Map.of(), new byte[0], new ArticleCodec.Words(), 0, slack);
    }

    private static ArticleStore read(Path dir, String key, long slack) {
        ArticleStore store = null;
        try {
            ByteReader in = new ByteReader(Files.readAllBytes(dir.resolve(INDEX)));
            if (!FORMAT.equals(ArticleCodec.readString(in)) || !key.equals(ArticleCodec.readString(in))) {
                return null;
            }
            int generation = in.readInt();
            long bodiesLength = in.readLong();
            long recordsLength = in.readLong();
            long wordsLength = in.readLong();
            int wordsCrc = in.readInt();
            if (Files.size(log(dir, "bodies", generation)) < bodiesLength || recordsLength > Integer.MAX_VALUE - 8
                    || wordsLength > Integer.MAX_VALUE - 8) {
                return null;
            }
            byte[] records = readPrefix(log(dir, "records", generation), (int) recordsLength);
            byte[] wordLog = readPrefix(log(dir, "words", generation), (int) wordsLength);
            if (records == null || wordLog == null) {
                return null;
            }
            CRC32C wordsSoFar = new CRC32C();
            wordsSoFar.update(wordLog);
            if ((int) wordsSoFar.getValue() != wordsCrc) {
                return null;
            }
            ArticleCodec.Words words = ArticleCodec.Words.read(new ByteReader(wordLog));
            int n = in.bounded(in.readInt(), 18); // a path, a digest, where the record is, its length and CRC
            Map<String, Stored> previous = new HashMap<>(n * 2);
            store = new ArticleStore(dir, key, generation, previous, records, words, wordsLength, slack);
            store.wordsCrc = wordsSoFar;
            for (int i = 0; i < n; i++) {
                String path = ArticleCodec.readString(in);
                String hash = ArticleCodec.readString(in);
                long record = in.readLong();
                int length = in.readInt();
                int crc = in.readInt();
                if (record < 0 || length < 0 || record + length > recordsLength) {
                    throw new IOException("a record lies beyond the end of the records");
                }
                previous.put(path, store.new Stored(path, hash, record, length, crc));
            }
            return store;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            if (store != null) {
                try {
                    store.close();
                } catch (IOException ignored) {
                    // the store is dropped anyway
                }
            }
            return null; // a damaged cache is only a slower build
        }
    }

    /** The first {@code length} bytes of a file; null when it is shorter (nothing is made for a length it has not). */
    private static byte[] readPrefix(Path file, int length) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (length < 0 || in.size() < length) {
                return null;
            }
            return ByteReader.read(in, 0, length, file + " is shorter than the build cache's index says");
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The articles of the previous build that this build did not keep as they were (their files
     * changed or went), as that build parsed them; null when they are more than {@code limit} or
     * one cannot be read back. Asked for after the parse, before the store is saved.
     */
    public List<Article> replaced(int limit) {
        List<Article> out = new ArrayList<>();
        for (Stored s : previous.values()) {
            if (kept.get(s.path) != s) {
                if (out.size() == limit) {
                    return null;
                }
                try {
                    out.add(s.entry().article());
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Entry> find(String path, String digest) {
        Stored s = previous.get(path);
        if (s == null || !s.hash.equals(digest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(s.entry());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged record: the file is parsed again
        }
    }

    @Override
    public void keep(Entry entry) {
        if (!(entry.article().body() instanceof StoredBody)) {
            return;
        }
        String path = entry.article().sourcePath();
        Stored before = previous.get(path);
        kept.put(path, before != null && before.entry == entry ? before : new Stored(entry));
    }

    @Override
    public Body body(String html, String text) {
        byte[] h = html.getBytes(StandardCharsets.UTF_8);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        long offset = end.getAndAdd(h.length + t.length);
        String digest = Body.digest(h);
        CRC32C crc = new CRC32C();
        crc.update(h);
        crc.update(t);
        try {
            ByteBuffer buffer = ByteBuffer.allocate(h.length + t.length).put(h).put(t).flip();
            long at = offset;
            while (buffer.hasRemaining()) {
                at += bodies.write(buffer, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredBody(offset, h.length, t.length, digest, (int) crc.getValue());
    }

    /**
     * Writes what this build kept, for the next one: the records of new articles are appended,
     * unchanged ones stay where they are; all live data moves to a new generation of the logs when
     * the dead outweighs it.
     */
    public void save() throws IOException {
        List<Stored> all = new ArrayList<>(kept.values());
        all.sort(Comparator.comparing(s -> s.path));
        if (compacts(all)) {
            compact(all);
            return;
        }
        ArticleCodec.Words extended = words;
        long[] at = new long[all.size()];
        int[] length = new int[all.size()];
        int[] crcs = new int[all.size()];
        long recordsLength = this.recordsLength;
        try (FileChannel log = FileChannel.open(log("records", generation), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            if (log.size() > recordsLength) {
                log.truncate(recordsLength); // what a build cut short left there
            }
            log.position(recordsLength);
            // streamed in small chunks: the records of a cold build never sit in memory all at once
            OutputStream appended = new BufferedOutputStream(Channels.newOutputStream(log), 1 << 16);
            for (int i = 0; i < all.size(); i++) {
                Stored s = all.get(i);
                if (s.record >= 0) {
                    at[i] = s.record;
                    length[i] = s.recordLength;
                    crcs[i] = s.recordCrc;
                } else {
                    byte[] record = encode(s, s.body.offset, extended);
                    if (record == null) {
                        continue;
                    }
                    at[i] = recordsLength;
                    length[i] = record.length;
                    crcs[i] = crc(record, 0, record.length);
                    appended.write(record);
                    recordsLength += record.length;
                }
            }
            appended.flush();
        }
        byte[] addedWords = extended.added();
        long newWordsLength = append(log("words", generation), wordsLength, addedWords);
        wordsCrc.update(addedWords);
        Object index = writeIndex(generation, all, at, length, crcs, recordsLength, newWordsLength,
                (int) wordsCrc.getValue());
        // the next build of this process may go on from here: what was kept is what it finds
        Map<String, Stored> next = new HashMap<>(all.size() * 2);
        for (int i = 0; i < all.size(); i++) {
            Stored s = all.get(i);
            if (length[i] > 0) {
                Stored saved = s.record >= 0 ? s : new Stored(s.path, s.hash, at[i], length[i], crcs[i]);
                saved.entry = s.entry;
                saved.body = s.body;
                next.put(s.path, saved);
            }
        }
        previous = next;
        records = new byte[0]; // every record kept is decoded
        this.recordsLength = recordsLength;
        wordsLength = newWordsLength;
        words.logged();
        writtenIndex = index;
    }

    /**
     * Whether {@link #save} would move the live data to a new generation (and close the bodies log
     * that the articles kept read their bodies from), rather than only append records.
     */
    public boolean compacts() {
        return compacts(kept.values());
    }

    private boolean compacts(java.util.Collection<Stored> all) {
        long liveBodies = 0;
        long liveRecords = 0;
        for (Stored s : all) {
            liveBodies += s.body.htmlLength + s.body.textLength;
            liveRecords += s.record >= 0 ? s.recordLength : 0;
        }
        return end.get() > 2 * liveBodies + slack || recordsLength > 2 * liveRecords + slack;
    }

    /** Copies the live bodies and records into the logs of the next generation, then drops the old ones. */
    private void compact(List<Stored> all) throws IOException {
        int next = generation + 1;
        ArticleCodec.Words fresh = new ArticleCodec.Words();
        long[] at = new long[all.size()];
        int[] length = new int[all.size()];
        int[] crcs = new int[all.size()];
        long recordsLength = 0;
        try (FileChannel out = FileChannel.open(log("bodies", next), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                DataOutputStream recordsOut = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(log("records", next)), 1 << 16))) {
            long offset = 0;
            for (int i = 0; i < all.size(); i++) {
                Stored s = all.get(i);
                long size = s.body.htmlLength + s.body.textLength;
                long copied = 0;
                while (copied < size) {
                    copied += bodies.transferTo(s.body.offset + copied, size - copied, out);
                }
                byte[] record = encode(s, offset, fresh);
                offset += size;
                if (record == null) {
                    length[i] = -1;
                    continue;
                }
                at[i] = recordsLength;
                length[i] = record.length;
                crcs[i] = crc(record, 0, record.length);
                recordsOut.write(record);
                recordsLength += record.length;
            }
        }
        byte[] wordLog = fresh.added();
        Files.write(log("words", next), wordLog);
        bodies.close();
        writeIndex(next, all, at, length, crcs, recordsLength, wordLog.length, crc(wordLog, 0, wordLog.length));
    }

    /** An article's record, with its body at {@code bodyOffset}; null when the cache cannot hold it. */
    private byte[] encode(Stored s, long bodyOffset, ArticleCodec.Words into) throws IOException {
        Entry e = s.entry();
        RecordBytes buffer = new RecordBytes(1 << 13);
        try (DataOutputStream rec = new DataOutputStream(buffer)) {
            ArticleCodec.writeVar(rec, e.problems().size());
            for (Problem p : e.problems()) {
                ArticleCodec.writeProblem(rec, p);
            }
            ArticleCodec.writeVar(rec, e.linked().size());
            for (var l : new TreeMap<>(e.linked()).entrySet()) {
                ArticleCodec.writeString(rec, l.getKey());
                ArticleCodec.writeString(rec, l.getValue());
            }
            rec.writeLong(bodyOffset);
            ArticleCodec.writeVar(rec, s.body.htmlLength);
            ArticleCodec.writeVar(rec, s.body.textLength);
            ArticleCodec.writeString(rec, s.body.digest);
            rec.writeInt(s.body.crc);
            ArticleCodec.write(rec, e.article(), into);
        } catch (ArticleCodec.Uncacheable x) {
            return null; // left out: parsed again next time
        }
        return buffer.toByteArray();
    }

    /** Writes {@code bytes} at {@code at} in a log, cutting off what a build cut short left there; the new length. */
    private static long append(Path file, long at, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (out.size() > at) {
                out.truncate(at);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = at;
            while (buffer.hasRemaining()) {
                position += out.write(buffer, position);
            }
        }
        return at + bytes.length;
    }

    /** Writes the index, moved into place whole; returns the index file's version as written. */
    private Object writeIndex(int gen, List<Stored> all, long[] at, int[] length, int[] crcs, long recordsLength,
            long wordLength, int wordCrc) throws IOException {
        long bodiesLength = gen == generation ? end.get() : Files.size(log("bodies", gen));
        Object version = FileVersion.write(dir.resolve(INDEX), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            ArticleCodec.writeString(out, FORMAT);
            ArticleCodec.writeString(out, key);
            out.writeInt(gen);
            out.writeLong(bodiesLength);
            out.writeLong(recordsLength);
            out.writeLong(wordLength);
            out.writeInt(wordCrc);
            int n = 0;
            for (int i = 0; i < all.size(); i++) {
                n += length[i] > 0 ? 1 : 0;
            }
            out.writeInt(n);
            for (int i = 0; i < all.size(); i++) {
                if (length[i] > 0) {
                    ArticleCodec.writeString(out, all.get(i).path);
                    ArticleCodec.writeString(out, all.get(i).hash);
                    out.writeLong(at[i]);
                    out.writeInt(length[i]);
                    out.writeInt(crcs[i]);
                }
            }
        });
        removeLogsBut(gen);
        Files.deleteIfExists(dir.resolve("articles.bin")); // the single-file store of earlier versions
        Files.deleteIfExists(dir.resolve("bodies.bin"));
        return version;
    }

    /** The CRC-32C of part of an array, as the index and the records keep it (its low 32 bits, all it has). */
    private static int crc(byte[] bytes, int from, int length) {
        return (int) Checksummed.crc(bytes, from, length);
    }

    private Path log(String name, int gen) {
        return log(dir, name, gen);
    }

    private static Path log(Path dir, String name, int gen) {
        return dir.resolve(name + "-" + gen + ".bin");
    }

    /** The logs in {@code dir}, by file name, with their generation. */
    private static Map<Path, Integer> logs(Path dir) throws IOException {
        Map<Path, Integer> found = new HashMap<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.bin")) {
            for (Path p : s) {
                Matcher m = LOG.matcher(p.getFileName().toString());
                if (m.matches()) {
                    found.put(p, Integer.parseInt(m.group(2)));
                }
            }
        }
        return found;
    }

    private void removeLogsBut(int gen) throws IOException {
        for (var e : logs(dir).entrySet()) {
            if (e.getValue() != gen) {
                Files.deleteIfExists(e.getKey());
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (bodies.isOpen()) {
            bodies.close();
        }
    }

    /** A body in the bodies log: its HTML, then its text, read back on each use. */
    private final class StoredBody implements Body {
        final long offset;
        final int htmlLength;
        final int textLength;
        final String digest;
        /** The CRC-32C of the HTML's and the text's bytes, checked when the record is decoded. */
        final int crc;

        StoredBody(long offset, int htmlLength, int textLength, String digest, int crc) {
            this.offset = offset;
            this.htmlLength = htmlLength;
            this.textLength = textLength;
            this.digest = digest;
            this.crc = crc;
        }

        @Override
        public String digest() {
            return digest;
        }

        @Override
        public String html() {
            return read(offset, htmlLength);
        }

        @Override
        public String text() {
            return read(offset + htmlLength, textLength);
        }

        private String read(long at, int length) {
            try {
                return new String(ByteReader.read(bodies, at, length,
                        "the build cache's bodies are shorter than its index says"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
