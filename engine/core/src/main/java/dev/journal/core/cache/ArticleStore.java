package dev.journal.core.cache;

import dev.journal.core.Problem;
import dev.journal.core.parse.Body;
import dev.journal.core.parse.ParseCache;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parse cache on disk, in the build cache folder: {@code articles.bin} holds every article of
 * the last successful build (all but the bodies), found again by path and content digest;
 * {@code bodies.bin} holds the bodies, appended as articles are parsed and read back, a page at a
 * time, when a page needs one. A cache written by another engine or for another configuration is
 * ignored ({@code key}). Bodies of articles no longer used are dropped by copying the live ones
 * into a new file once they are outnumbered.
 */
public final class ArticleStore implements ParseCache, AutoCloseable {

    private static final String FORMAT = "journal-articles 3";

    private final Path dir;
    private final String key;
    private final Map<String, Stored> previous;
    private final Map<String, Stored> kept = new ConcurrentHashMap<>();
    private final FileChannel bodies;
    private final AtomicLong end;

    /** An entry with where its body is. */
    private record Stored(Entry entry, long offset, int htmlLength, int textLength, String digest) {
    }

    private ArticleStore(Path dir, String key, Map<String, Stored> previous, FileChannel bodies) throws IOException {
        this.dir = dir;
        this.key = key;
        this.previous = previous;
        this.bodies = bodies;
        this.end = new AtomicLong(bodies.size());
    }

    /**
     * Opens the store in {@code dir}, reading what the last build kept when it was made with the same
     * {@code key} (engine and configuration), else starting empty.
     */
    public static ArticleStore open(Path dir, String key) throws IOException {
        Files.createDirectories(dir);
        Map<String, Stored> previous = new HashMap<>();
        FileChannel bodies = FileChannel.open(dir.resolve("bodies.bin"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        ArticleStore store = new ArticleStore(dir, key, previous, bodies);
        if (!store.read(previous)) {
            previous.clear(); // nothing to reuse; what bodies.bin holds is dropped at the next compaction
        }
        return store;
    }

    private boolean read(Map<String, Stored> into) throws IOException {
        Path index = dir.resolve("articles.bin");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(index), 1 << 16))) {
            if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                return false;
            }
            long size = bodies.size();
            ArticleCodec.Words.Read words = ArticleCodec.Words.read(in);
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                List<Problem> problems = new ArrayList<>();
                int np = in.readInt();
                for (int p = 0; p < np; p++) {
                    problems.add(ArticleCodec.readProblem(in));
                }
                Map<String, String> linked = new LinkedHashMap<>();
                int nl = in.readInt();
                for (int l = 0; l < nl; l++) {
                    linked.put(ArticleCodec.readString(in), ArticleCodec.readString(in));
                }
                long offset = in.readLong();
                int html = in.readInt();
                int text = in.readInt();
                String digest = in.readUTF();
                if (offset + html + text > size) {
                    return false;
                }
                var article = ArticleCodec.read(in, new StoredBody(offset, html, text, digest), words);
                Entry e = new Entry(article, List.copyOf(problems), Map.copyOf(linked));
                into.put(article.sourcePath(), new Stored(e, offset, html, text, digest));
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // a damaged cache is only a slower build
        }
    }

    @Override
    public Optional<Entry> find(String path, String digest) {
        Stored s = previous.get(path);
        return s != null && s.entry().article().hash().equals(digest) ? Optional.of(s.entry()) : Optional.empty();
    }

    @Override
    public void keep(Entry entry) {
        if (!(entry.article().body() instanceof StoredBody b)) {
            return;
        }
        kept.put(entry.article().sourcePath(), new Stored(entry, b.offset, b.htmlLength, b.textLength, b.digest));
    }

    @Override
    public Body body(String html, String text) {
        byte[] h = html.getBytes(StandardCharsets.UTF_8);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        long offset = end.getAndAdd(h.length + t.length);
        String digest = Body.digest(h);
        try {
            ByteBuffer buffer = ByteBuffer.allocate(h.length + t.length).put(h).put(t).flip();
            long at = offset;
            while (buffer.hasRemaining()) {
                at += bodies.write(buffer, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredBody(offset, h.length, t.length, digest);
    }

    /**
     * Writes what this build kept, for the next one; copies the live bodies into a new file first
     * when they are outnumbered by dead ones.
     */
    public void save() throws IOException {
        List<Stored> all = new ArrayList<>(kept.values());
        all.sort(java.util.Comparator.comparing(s -> s.entry().article().sourcePath()));
        long live = 0;
        for (Stored s : all) {
            live += s.htmlLength() + s.textLength();
        }
        Map<Stored, Long> offsets = new HashMap<>();
        if (end.get() > 2 * live + (16 << 20)) {
            Path fresh = dir.resolve("bodies.bin.new");
            try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                long at = 0;
                for (Stored s : all) {
                    long length = s.htmlLength() + s.textLength();
                    bodies.transferTo(s.offset(), length, out);
                    offsets.put(s, at);
                    at += length;
                }
            }
            bodies.close();
            Files.move(fresh, dir.resolve("bodies.bin"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Path tmp = dir.resolve("articles.bin.new");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeUTF(FORMAT);
            out.writeUTF(key);
            List<byte[]> records = new ArrayList<>(all.size());
            ArticleCodec.Words words = new ArticleCodec.Words();
            for (Stored s : all) {
                var buffer = new java.io.ByteArrayOutputStream(4096);
                try (DataOutputStream rec = new DataOutputStream(buffer)) {
                    rec.writeInt(s.entry().problems().size());
                    for (Problem p : s.entry().problems()) {
                        ArticleCodec.writeProblem(rec, p);
                    }
                    rec.writeInt(s.entry().linked().size());
                    for (var e : new java.util.TreeMap<>(s.entry().linked()).entrySet()) {
                        ArticleCodec.writeString(rec, e.getKey());
                        ArticleCodec.writeString(rec, e.getValue());
                    }
                    rec.writeLong(offsets.getOrDefault(s, s.offset()));
                    rec.writeInt(s.htmlLength());
                    rec.writeInt(s.textLength());
                    rec.writeUTF(s.digest());
                    ArticleCodec.write(rec, s.entry().article(), words);
                    records.add(buffer.toByteArray());
                } catch (ArticleCodec.Uncacheable e) {
                    // left out: parsed again next time
                }
            }
            words.write(out);
            out.writeInt(records.size());
            for (byte[] r : records) {
                out.write(r);
            }
        }
        Files.move(tmp, dir.resolve("articles.bin"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        if (bodies.isOpen()) {
            bodies.close();
        }
    }

    /** A body in {@code bodies.bin}: its HTML, then its text, read back on each use. */
    private final class StoredBody implements Body {
        final long offset;
        final int htmlLength;
        final int textLength;
        final String digest;

        StoredBody(long offset, int htmlLength, int textLength, String digest) {
            this.offset = offset;
            this.htmlLength = htmlLength;
            this.textLength = textLength;
            this.digest = digest;
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
            ByteBuffer buffer = ByteBuffer.allocate(length);
            try {
                long position = at;
                while (buffer.hasRemaining()) {
                    int n = bodies.read(buffer, position);
                    if (n < 0) {
                        throw new IOException("the build cache's bodies.bin is shorter than its index says");
                    }
                    position += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String(buffer.array(), StandardCharsets.UTF_8);
        }
    }
}
