package dev.journal.core.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that says on which line the first bad byte is: for content files, for
 * {@code jbake.properties} and for a site's templates, which all must be UTF-8.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Bytes that are not valid UTF-8. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The line of the first bad byte, from 1. */
        public int line() {
            return line;
        }
    }

    /** Decodes, drops a leading byte order mark, and turns {@code \r\n} and {@code \r} into {@code \n}. */
    public static String decode(byte[] bytes) throws MalformedException {
        String text = strict(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text;
    }

    /**
     * Decodes as it is (a byte order mark and line ends kept, as a reader of the bytes would give
     * them), refusing bytes that are not UTF-8 rather than replacing them.
     */
    public static String strict(byte[] bytes) throws MalformedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedException(line, String.format(java.util.Locale.ROOT,
                    "the file is not valid UTF-8 (byte 0x%02X at offset %d); save it as UTF-8", bytes[at] & 0xff, at));
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new MalformedException(1, "the file is not valid UTF-8; save it as UTF-8");
        }
        out.flip();
        return out.toString();
    }
}
