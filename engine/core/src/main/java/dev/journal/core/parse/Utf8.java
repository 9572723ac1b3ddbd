package dev.journal.core.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says on which line the first bad byte is. */
final class Utf8 {

    private Utf8() {
    }

    /** Bytes that are not valid UTF-8. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        MalformedException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Decodes, drops a leading byte order mark, and turns {@code \r\n} and {@code \r} into {@code \n}. */
    static String decode(byte[] bytes) throws MalformedException {
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
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text;
    }
}
