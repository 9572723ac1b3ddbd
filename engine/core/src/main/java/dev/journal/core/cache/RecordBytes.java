package dev.journal.core.cache;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte array that records are written into: {@link java.io.ByteArrayOutputStream}
 * without its locks, which cost more than the byte itself when a record is written a byte at a
 * time, as its variable-length numbers are. Not thread-safe.
 */
final class RecordBytes extends OutputStream {

    private byte[] buffer;
    private int count;

    RecordBytes(int capacity) {
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
}
