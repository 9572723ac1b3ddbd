package dev.journal.core.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A content file as read from disk.
 *
 * @param path        relative to the site's source folder, {@code /}-separated (used in messages)
 * @param contentPath relative to the content folder, {@code /}-separated (decides the page's URL)
 * @param bytes       the file's bytes, never modified; null while the file is unread (the loader
 *                    reads none: the parse reads each file when it comes to it, and lets the bytes
 *                    go once it has their digest and text; see {@link Origin#digest} and {@link #read})
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
     * @param digest   its content digest when known without reading the file again: it is unchanged
     *                 since an earlier build that kept it, or the parse read it and let the bytes go
     *                 ({@link SourceFile#released}); else null
     */
    public record Origin(Path file, String key, long size, long modified, String digest) {
    }

    /** A file whose bytes are at hand. */
    public SourceFile(String path, String contentPath, byte[] bytes) {
        this(path, contentPath, bytes, null);
    }

    public SourceFile {
        if (bytes == null && origin == null) {
            throw new IllegalArgumentException("a file left unread needs its file: " + path);
        }
    }

    /**
     * The file with its bytes, read now if it is unread.
     *
     * @throws IOException when it cannot be read, or grew past the size the loader allows since the
     *                     loader looked at it
     */
    public SourceFile read() throws IOException {
        if (bytes != null) {
            return this;
        }
        byte[] read;
        try (SeekableByteChannel in = Files.newByteChannel(origin.file())) {
            long size = in.size();
            if (size > ContentLoader.MAX_DOCUMENT_BYTES) {
                throw new IOException("the file grew past " + ContentLoader.MAX_DOCUMENT_BYTES / (1024 * 1024)
                        + " MB, the most a content file may hold");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size); // what it holds now, and no more
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // reads until full or the end
            }
            read = buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
        }
        return new SourceFile(path, contentPath, read,
                new Origin(origin.file(), origin.key(), origin.size(), origin.modified(), null));
    }

    /**
     * The file without its bytes, known by {@code digest} (the digest of the bytes it had): what a
     * stage keeps of a file once it has taken what it needs from the bytes.
     */
    public SourceFile released(String digest) {
        return origin == null ? this : new SourceFile(path, contentPath, null,
                new Origin(origin.file(), origin.key(), origin.size(), origin.modified(), digest));
    }

    /** The file name's extension in lower case, without the dot; empty when there is none. */
    public String extension() {
        String name = contentPath.substring(contentPath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
