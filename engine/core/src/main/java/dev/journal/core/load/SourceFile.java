package dev.journal.core.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A content file as read from disk.
 *
 * @param path        relative to the site's source folder, {@code /}-separated (used in messages)
 * @param contentPath relative to the content folder, {@code /}-separated (decides the page's URL)
 * @param bytes       the file's bytes, never modified; null when the loader left the file unread as
 *                    unchanged since an earlier build (see {@link Origin#digest})
 * @param origin      where the file is and what it was when loaded; null for a file made in memory
 */
public record SourceFile(String path, String contentPath, byte[] bytes, Origin origin) {

    /**
     * Where a content file is and what it was when the loader looked.
     *
     * @param file     the file
     * @param key      its identity on the file system (an inode), as text; {@code "null"} where there is none
     * @param size     its size in bytes
     * @param modified its modification time, in nanoseconds since the epoch
     * @param digest   its content digest when the loader knew it without reading (the file is
     *                 unchanged since an earlier build that kept it); else null
     */
    public record Origin(Path file, String key, long size, long modified, String digest) {
    }

    /** A file whose bytes are at hand. */
    public SourceFile(String path, String contentPath, byte[] bytes) {
        this(path, contentPath, bytes, null);
    }

    public SourceFile {
        if (bytes == null && (origin == null || origin.digest() == null)) {
            throw new IllegalArgumentException("a file left unread needs its file and digest: " + path);
        }
    }

    /** The file with its bytes, read now if the loader left it unread. */
    public SourceFile read() throws IOException {
        return bytes != null ? this : new SourceFile(path, contentPath, Files.readAllBytes(origin.file()),
                new Origin(origin.file(), origin.key(), origin.size(), origin.modified(), null));
    }

    /** The file name's extension in lower case, without the dot; empty when there is none. */
    public String extension() {
        String name = contentPath.substring(contentPath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
