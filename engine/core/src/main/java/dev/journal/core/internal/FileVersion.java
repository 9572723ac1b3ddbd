package dev.journal.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * What tells one writing of a file from another: its identity on the file system (a file replaced
 * by a rename is another file), size and modification time. A long-lived build (the preview's)
 * keeps in memory what it last wrote to a file of the build cache, and reads the file again only
 * when its version is no longer the one it wrote: another build wrote it since.
 */
public final class FileVersion {

    private FileVersion() {
    }

    /**
     * How much older than the build that read a file its modification time must be to vouch for its
     * bytes: a file saved twice within one tick of a coarse file-system clock (a second, or two on
     * FAT), the second time just after a build read it, keeps its time and perhaps its size. The
     * content's stamps ({@code SourceStamps}) and the copied files ({@code SiteWriter}) both go by it.
     */
    public static final long SETTLED_NANOS = 2_000_000_000L;

    /** The file's version; a value of its own when the file is missing or cannot be read. */
    public static Object of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis(),
                    a.lastModifiedTime().toInstant().getNano());
        } catch (IOException e) {
            return "missing";
        }
    }

    /** What writes a file's content, to a buffered stream (for the writing thread alone: {@link PlainStreams}). */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} whole: {@code content} goes to a file beside it, which is then moved over
     * it in one step, or removed when the writing fails, so a reader finds the old file or the new
     * one and nothing is left behind. Returns the file's version as written: taken before the move
     * (a rename keeps it), as taken after it could be another build's file that replaced it meanwhile.
     */
    public static Object write(Path file, Content content) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = PlainStreams.buffered(Files.newOutputStream(written), 1 << 16)) {
                content.write(out);
            }
            Object version = of(written);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return version;
        } finally {
            if (!moved) {
                Files.deleteIfExists(written);
            }
        }
    }
}
