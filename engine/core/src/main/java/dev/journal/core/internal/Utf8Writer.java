package dev.journal.core.internal;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that keeps what is written as UTF-8 bytes: the bytes {@code String.getBytes(UTF_8)}
 * gives for the same text (a surrogate without its pair becomes {@code ?}), without the string,
 * its synchronised buffer or the copies between them. For one thread; not closed after use.
 */
public final class Utf8Writer extends Writer {

    private byte[] bytes;
    private int size;
    /** A high surrogate written last, whose pair may come with the next write; 0 when none. */
    private char high;

    public Utf8Writer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        ensure(len);
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (c < 0x80 && high == 0 && size < bytes.length) {
                bytes[size++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    /**
     * Strings at least this long are encoded by {@code String.getBytes}, whose check that a Latin-1
     * string is all ASCII and whose copy are the JDK's vectorised ones; shorter ones, most of what a
     * template writes, cost more to allocate than to loop over.
     */
    static final int BULK = 32;

    @Override
    public void write(String s, int off, int len) {
        // in one piece unless a surrogate may pair across writes: one waiting, or one at the end
        if (len >= BULK && high == 0 && !Character.isHighSurrogate(s.charAt(off + len - 1))) {
            byte[] encoded = (off == 0 && len == s.length() ? s : s.substring(off, off + len))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            return;
        }
        ensure(len);
        for (int i = off; i < off + len; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && high == 0 && size < bytes.length) {
                bytes[size++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    private void put(char c) {
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                ensure(4);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            ensure(1);
            bytes[size++] = '?'; // a high surrogate without its low one
        }
        ensure(3);
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?'; // a low surrogate without its high one
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** The bytes written so far; a surrogate still waiting for its pair counts as {@code ?}. */
    public byte[] toByteArray() {
        byte[] out = Arrays.copyOf(bytes, size + (high != 0 ? 1 : 0));
        if (high != 0) {
            out[size] = '?';
        }
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
