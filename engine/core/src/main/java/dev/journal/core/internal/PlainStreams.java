package dev.journal.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Buffered streams for one thread, without the locking of {@link java.io.BufferedOutputStream} and
 * {@link java.io.ByteArrayInputStream}. The build cache's files are written and read value by value
 * through {@link java.io.DataOutputStream} and {@link java.io.DataInputStream}, which on Java 17
 * move an {@code int} or a {@code float} as four single bytes: through those streams, four locked
 * calls (and, under a checksum, four checksum updates) for each value, millions in a rebuild.
 */
public final class PlainStreams {

    private PlainStreams() {
    }

    /** Buffers what is written to {@code out} in blocks of {@code size} bytes; {@code flush} and {@code close} pass on. */
    public static OutputStream buffered(OutputStream out, int size) {
        return new Buffered(out, size);
    }

    /** Reads {@code length} bytes of {@code bytes} from {@code from}. */
    public static InputStream of(byte[] bytes, int from, int length) {
        Objects.checkFromIndexSize(from, length, bytes.length);
        return new Array(bytes, from, from + length);
    }

    private static final class Buffered extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer;
        private int used;

        Buffered(OutputStream out, int size) {
            this.out = out;
            this.buffer = new byte[size];
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len >= buffer.length) {
                drain();
                out.write(b, off, len);
                return;
            }
            if (len > buffer.length - used) {
                drain();
            }
            System.arraycopy(b, off, buffer, used, len);
            used += len;
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }

    private static final class Array extends InputStream {
        private final byte[] bytes;
        private int at;
        private final int end;

        Array(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        @Override
        public int read() {
            return at < end ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (at >= end) {
                return -1;
            }
            int n = Math.min(len, end - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - at));
            at += (int) k;
            return k;
        }

        @Override
        public int available() {
            return end - at;
        }
    }
}
