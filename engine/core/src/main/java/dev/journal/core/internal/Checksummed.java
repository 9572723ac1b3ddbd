package dev.journal.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

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
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - TRAILER);
        return ByteBuffer.wrap(all, all.length - TRAILER, TRAILER).getLong() == crc.getValue() ? all : null;
    }
}
