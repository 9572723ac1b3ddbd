package dev.journal.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON written with Jackson's streaming generator, never by string concatenation. {@link #scriptSafe}
 * output can be placed as it is inside an HTML {@code <script>} element: {@code <}, {@code >} and
 * {@code &} are written as JSON unicode escapes (so {@code </script>} or {@code <!--} in a title
 * cannot end or change the element), and U+2028/U+2029 are escaped for JavaScript parsers older
 * than ES2019.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Writes one JSON value with the given writer and returns it as text. */
    public static String write(boolean scriptSafe, Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (scriptSafe) {
                g.setCharacterEscapes(ScriptSafeEscapes.INSTANCE);
            }
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    /** Writes one JSON value with the given writer and returns it in UTF-8. */
    public static byte[] writeUtf8(Body body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * A string's content as {@link #writeUtf8}'s generator writes it (UTF-8, standard escapes), without
     * the quotes: for {@link JsonGenerator#writeRawUTF8String} when the same string is written often.
     */
    public static byte[] escapedUtf8(String s) {
        return com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsUTF8(s);
    }

    /** JSON safe inside {@code <script type="application/ld+json">}. */
    public static String scriptSafe(Body body) {
        return write(true, body);
    }

    /** Writes a value to a generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Jackson's standard escapes, plus the characters that matter inside an HTML script element. */
    static final class ScriptSafeEscapes extends CharacterEscapes {
        static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();
        private static final long serialVersionUID = 1L;
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        private ScriptSafeEscapes() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            codes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            codes['&'] = CharacterEscapes.ESCAPE_STANDARD;
            this.ascii = codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return LINE_SEPARATOR;
            }
            if (ch == 0x2029) {
                return PARAGRAPH_SEPARATOR;
            }
            return null;
        }
    }
}
