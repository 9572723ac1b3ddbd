package dev.journal.core.internal;

import java.io.IOException;
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

    /**
     * Moves {@code written}, a file just written beside {@code file}, over it in one step, and
     * returns its version: taken before the move (a rename keeps it), as taken after it could be
     * another build's file that replaced it meanwhile.
     */
    public static Object replace(Path written, Path file) throws IOException {
        Object version = of(written);
        move(written, file);
        return version;
    }

    /** Moves {@code written}, a file just written beside {@code file}, over it in one step. */
    public static void move(Path written, Path file) throws IOException {
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
