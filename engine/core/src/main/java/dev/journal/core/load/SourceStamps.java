package dev.journal.core.load;

import dev.journal.core.internal.FileVersion;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the content files were at the last good build: each file's size, modification time and
 * content digest, and when the build began reading them. A file with the same size and time need
 * not be read again to know its digest, so a rebuild reads only the files that were saved since.
 *
 * <p>A time is trusted only when it lies {@link FileVersion#SETTLED_NANOS} before that build began reading:
 * a file saved twice within one tick of a coarse file-system clock, the second time just after the
 * build read it, keeps its time (and perhaps its size), so files that recent are read again.
 */
public final class SourceStamps {

    private static final String FORMAT = "journal-sources 2";

    /** No stamps: every file is read. */
    public static final SourceStamps NONE = new SourceStamps(Map.of(), Long.MIN_VALUE);

    private record Stamp(String key, long size, long modified, String digest) {
    }

    private final Map<String, Stamp> stamps;
    private final long readFrom;

    private SourceStamps(Map<String, Stamp> stamps, long readFrom) {
        this.stamps = stamps;
        this.readFrom = readFrom;
    }

    /**
     * The stamps of a build's content files.
     *
     * @param documents the files the build loaded
     * @param digests   the content digest of each file, by path; files without one are left out
     * @param readFrom  when the build began loading, in nanoseconds since the epoch
     */
    public static SourceStamps of(Iterable<SourceFile> documents, Map<String, String> digests, long readFrom) {
        Map<String, Stamp> stamps = new HashMap<>(digests.size() * 2);
        for (SourceFile f : documents) {
            String digest = digests.get(f.path());
            if (f.origin() != null && digest != null) {
                stamps.put(f.path(), new Stamp(f.origin().key(), f.origin().size(), f.origin().modified(), digest));
            }
        }
        return new SourceStamps(stamps, readFrom); // never changed after this
    }

    /**
     * The digest of the file at {@code path} when it is the same file (by its identity on the file
     * system: a file replaced by a rename, as editors save, is another), with the size and time it
     * had at that build, and that time was settled then; null when it must be read.
     */
    public String unchanged(String path, String key, long size, long modified) {
        Stamp s = stamps.get(path);
        return s != null && s.size == size && s.modified == modified && s.key.equals(key)
                && modified < readFrom - FileVersion.SETTLED_NANOS ? s.digest : null;
    }

    public int size() {
        return stamps.size();
    }

    /** Writes the stamps of the site in folder {@code source} to {@code file}, replacing it whole. */
    public void write(Path file, Path source) throws IOException {
        FileVersion.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(FORMAT);
            out.writeUTF(source.toAbsolutePath().normalize().toString());
            out.writeLong(readFrom);
            out.writeInt(stamps.size());
            for (var e : stamps.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().key);
                out.writeLong(e.getValue().size);
                out.writeLong(e.getValue().modified);
                out.writeUTF(e.getValue().digest);
            }
        });
    }

    /**
     * The stamps in {@code file} of the site in folder {@code source}; {@link #NONE} when there are
     * none, they are another site's (two sites may share a cache folder) or cannot be read.
     */
    public static SourceStamps read(Path file, Path source) {
        try {
            byte[] all = Files.readAllBytes(file);
            DataInputStream in = new DataInputStream(dev.journal.core.internal.PlainStreams.of(all, 0, all.length));
            if (!FORMAT.equals(in.readUTF()) || !source.toAbsolutePath().normalize().toString().equals(in.readUTF())) {
                return NONE;
            }
            long readFrom = in.readLong();
            int n = in.readInt();
            if (n < 0) {
                return NONE;
            }
            Map<String, Stamp> stamps = new HashMap<>(Math.min(n, 1 << 20) * 2);
            for (int i = 0; i < n; i++) {
                stamps.put(in.readUTF(), new Stamp(in.readUTF(), in.readLong(), in.readLong(), in.readUTF()));
            }
            return new SourceStamps(stamps, readFrom);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | RuntimeException e) {
            return NONE; // a damaged file only means reading every source
        }
    }
}
