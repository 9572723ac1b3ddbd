package dev.journal.core.cache;

import dev.journal.core.internal.FileCounts;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the build cache's binary forms from a byte array, big-endian like {@link java.io.DataOutputStream}
 * wrote them; unlike {@link java.io.DataInputStream} over a stream, without a lock or a virtual call per byte.
 * Not thread-safe: one reader per thread, over a shared array.
 */
final class ByteReader {

    private final byte[] bytes;
    private int at;
    private final int end;

    ByteReader(byte[] bytes, int from, int to) {
        if (from < 0 || to > bytes.length || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " of " + bytes.length + " bytes");
        }
        this.bytes = bytes;
        this.at = from;
        this.end = to;
    }

    ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** How much {@link #read(FileChannel, long, int, String)} reads at a time. */
    private static final int READ_CHUNK = 1 << 20;

    /**
     * The {@code length} bytes of a file from {@code position}, read a megabyte at a time: a
     * channel reads a heap buffer through a native one as large as what is left of it, which for
     * the records log of 10,000 articles (77 MB) was a fresh mapping faulted in page by page on
     * every build (340-510 ms here, against 30 ms).
     *
     * @param shorter the message when the file ends first
     */
    static byte[] read(FileChannel in, long position, int length, String shorter) throws IOException {
        byte[] bytes = new byte[length];
        int at = 0;
        while (at < length) {
            int n = in.read(ByteBuffer.wrap(bytes, at, Math.min(READ_CHUNK, length - at)), position + at);
            if (n < 0) {
                throw new EOFException(shorter);
            }
            at += n;
        }
        return bytes;
    }

    /** How many bytes are left to read. */
    int remaining() {
        return end - at;
    }

    /**
     * A count read from the file, of entries of at least {@code bytesEach} bytes each, when what is
     * left can hold them: a larger one is damage, refused before anything of that size is made.
     */
    int bounded(int count, int bytesEach) throws IOException {
        return FileCounts.within(count, remaining(), bytesEach);
    }

    /** Whether all the bytes have been read. */
    boolean done() {
        return at == end;
    }

    private void need(int n) throws EOFException {
        if (end - at < n) {
            throw new EOFException("the build cache ends early");
        }
    }

    int readUnsignedByte() throws IOException {
        need(1);
        return bytes[at++] & 0xff;
    }

    byte readByte() throws IOException {
        need(1);
        return bytes[at++];
    }

    boolean readBoolean() throws IOException {
        return readUnsignedByte() != 0;
    }

    int readInt() throws IOException {
        need(4);
        int v = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
        at += 4;
        return v;
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** {@code n} bytes as UTF-8 text. */
    String readUtf8(int n) throws IOException {
        need(n);
        String s = new String(bytes, at, n, java.nio.charset.StandardCharsets.UTF_8);
        at += n;
        return s;
    }
}
