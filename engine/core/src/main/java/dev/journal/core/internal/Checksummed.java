package dev.journal.core.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Files of the build cache that end with the CRC32C of everything before it, in eight bytes, high
 * first: what tells a damaged or cut file from the one that was written.
 */
public final class Checksummed {

    /** The length of the checksum at the end of such a file. */
    public static final int TRAILER = Long.BYTES;

    private Checksummed() {
    }

    /**
     * Writes {@code file} whole ({@link FileVersion#write}): what {@code content} writes (flushing any
     * writer of its own over the stream it is given), then its checksum. Returns the file's version.
     */
    public static Object write(Path file, FileVersion.Content content) throws IOException {
        return FileVersion.write(file, stream -> {
            CheckedOutputStream summed = new CheckedOutputStream(stream, new CRC32C());
            // summed in blocks rather than value by value
            java.io.OutputStream buffered = PlainStreams.buffered(summed, 1 << 16);
            content.write(buffered);
            buffered.flush();
            new DataOutputStream(stream).writeLong(summed.getChecksum().getValue()); // outside what it sums
        });
    }

    /** The CRC-32C of {@code length} bytes of {@code bytes} from {@code from}. */
    public static long crc(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return crc.getValue();
    }

    /**
     * The file's bytes, the checksum included (what it sums ends {@link #TRAILER} bytes before the
     * end), when its checksum is right; null when the file is too short to hold one or it is wrong.
     *
     * @throws IOException when the file cannot be read, or is missing
     */
    public static byte[] read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < TRAILER) {
            return null;
        }
        return ByteBuffer.wrap(all, all.length - TRAILER, TRAILER).getLong() == crc(all, 0, all.length - TRAILER)
                ? all : null;
    }
}
