package dev.journal.core.preview;

import dev.journal.core.load.ContentLoader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The path of a request, decoded once and checked, as segments below the served folder. Refused:
 * anything but printable ASCII in the raw path, a {@code %} not followed by two hex digits, bytes
 * that are not UTF-8 in its shortest form (overlong encodings such as {@code %C0%AE}), control
 * characters including NUL, backslashes and colons (in any encoding), empty segments, and the
 * segments {@code .} and {@code ..}. Decoding happens once, so {@code %252e} stays a literal
 * {@code %2e}. Segments naming what a build never writes (the engine's marker, version control's
 * folders) are valid here but never served (see {@link #hidden}).
 *
 * @param segments  the decoded segments; empty for the root
 * @param directory whether the path ends with {@code /} (or is the root)
 */
record RequestPath(List<String> segments, boolean directory) {

    RequestPath {
        segments = List.copyOf(segments);
    }

    /** The path of a request, or empty when it must be refused. */
    static Optional<RequestPath> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(rawPath.charAt(i + 1), 16);
                int lo = Character.digit(rawPath.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\\' || c == ':') {
                return Optional.empty();
            }
        }
        String rest = decoded.substring(1);
        boolean directory = rest.isEmpty() || rest.endsWith("/");
        if (directory && !rest.isEmpty()) {
            rest = rest.substring(0, rest.length() - 1);
        }
        List<String> segments = rest.isEmpty() ? List.of() : List.of(rest.split("/", -1));
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(new RequestPath(segments, directory));
    }

    /**
     * Whether a segment names a dot-file or dot-folder that a build never writes, never served: the
     * engine's marker, version control's folders (an output folder may be a clone to publish from),
     * editors' and Finder's files. The others are the asset folder's, which a build copies
     * ({@code .well-known/}, {@code .nojekyll}), served as the published site serves them.
     */
    boolean hidden() {
        return segments.stream().anyMatch(s -> s.startsWith(".") && ContentLoader.ignored(s, true));
    }

    /** The segments joined with {@code /}, for messages. */
    String joined() {
        return String.join("/", segments) + (directory && !segments.isEmpty() ? "/" : "");
    }
}
