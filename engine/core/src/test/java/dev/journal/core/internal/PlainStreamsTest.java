package dev.journal.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain streams carry what the JDK's buffered and array streams carry, byte for byte. */
class PlainStreamsTest {

    /** A thousand rounds of values, and now and then a block larger than a buffer of 16 and part of one. */
    private static void writeValues(DataOutputStream out, byte[] block) throws java.io.IOException {
        for (int i = 0; i < 1000; i++) {
            out.writeInt(i * 31);
            out.writeFloat(i / 7f);
            out.writeLong(-i * 1_000_003L);
            out.writeUTF("term " + i);
            if (i % 100 == 0) {
                out.write(block); // larger than the buffer: passed on whole
                out.write(block, 3, 12); // fills part of it
            }
        }
        out.flush();
    }

    @Test
    void valuesWrittenThroughTheBufferReadBackThroughTheArray() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Random random = new Random(7);
        byte[] block = new byte[100];
        random.nextBytes(block);
        try (DataOutputStream out = new DataOutputStream(PlainStreams.buffered(sink, 16))) {
            writeValues(out, block);
        }
        byte[] bytes = sink.toByteArray();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        writeValues(new DataOutputStream(expected), block);
        assertArrayEquals(expected.toByteArray(), bytes);

        byte[] framed = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, framed, 5, bytes.length);
        DataInputStream in = new DataInputStream(PlainStreams.of(framed, 5, bytes.length));
        for (int i = 0; i < 1000; i++) {
            assertEquals(i * 31, in.readInt());
            assertEquals(i / 7f, in.readFloat());
            assertEquals(-i * 1_000_003L, in.readLong());
            assertEquals("term " + i, in.readUTF());
            if (i % 100 == 0) {
                byte[] back = new byte[100];
                in.readFully(back);
                assertArrayEquals(block, back);
                in.readFully(new byte[12]);
            }
        }
        assertEquals(0, in.available());
        assertThrows(EOFException.class, in::readByte); // the frame's end, not the array's
    }

    @Test
    void flushAndClosePassOn() throws Exception {
        int[] flushed = {0};
        boolean[] closed = {false};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream target = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void flush() {
                flushed[0]++;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        OutputStream out = PlainStreams.buffered(target, 8);
        out.write(1);
        assertEquals(0, sink.size());
        out.flush();
        assertEquals(1, sink.size());
        assertEquals(1, flushed[0]);
        out.write(2);
        out.close();
        assertEquals(2, sink.size());
        assertEquals(true, closed[0]);
    }

    @Test
    void aRangeOutsideTheArrayIsRefused() throws Exception {
        assertThrows(IndexOutOfBoundsException.class, () -> PlainStreams.of(new byte[4], 2, 3));
        InputStream in = PlainStreams.of(new byte[] {9, 8, 7}, 1, 2);
        assertEquals(2, in.skip(5));
        assertEquals(-1, in.read(new byte[1], 0, 1));
    }
}
