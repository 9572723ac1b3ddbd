package dev.journal.core.cache;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte array that records are written into: {@link java.io.ByteArrayOutputStream}
 * without its locks, which cost more than the byte itself when a record is written a byte at a
 * time, as its variable-length numbers are. Not thread-safe.
 */
public final class RecordBytes extends OutputStream {

    private byte[] buffer;
    private int count;

    public RecordBytes(int capacity) {
        buffer = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int b) {
        if (count == buffer.length) {
            buffer = Arrays.copyOf(buffer, count * 2);
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, b.length);
        if (length > buffer.length - count) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, Math.addExact(count, length)));
        }
        System.arraycopy(b, offset, buffer, count, length);
        count += length;
    }

    /** Empties the array, keeping its room. */
    void reset() {
        count = 0;
    }

    int size() {
        return count;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, count);
    }

    /** A non-negative number in seven bits per byte, low bits first ({@link ByteReader#readVar}). */
    public void writeVar(int value) {
        int v = value;
        while ((v & ~0x7f) != 0) {
            write(v & 0x7f | 0x80);
            v >>>= 7;
        }
        write(v);
    }

    /** Text as its length in UTF-8 ({@link #writeVar}) and its UTF-8 bytes. */
    public void writeUtf8(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeVar(b.length);
        write(b, 0, b.length);
    }

    /** Eight bytes, high first, as {@link ByteReader#readLong} reads them. */
    public void writeLong(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            write((int) (v >>> shift));
        }
    }

    /** Adds the bytes written so far to {@code checksum}. */
    public void update(java.util.zip.Checksum checksum) {
        checksum.update(buffer, 0, count);
    }

    /** Writes the bytes written so far to {@code out}. */
    public void writeTo(OutputStream out) throws java.io.IOException {
        out.write(buffer, 0, count);
    }
}
