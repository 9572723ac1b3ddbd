package dev.journal.core.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule every output path obeys, checked where a path is made (the parse stage, with the
 * file's name in the message) and again where it is written: relative, {@code /}-separated, no
 * {@code .} or {@code ..} or empty segment, no backslash or drive letter, no control or
 * direction-changing character, and short enough for every common file system.
 */
public final class SafePaths {

    /** Longest path segment, in UTF-8 bytes (ext4, APFS, NTFS). */
    public static final int MAX_SEGMENT_BYTES = 255;
    /** Longest whole path, in characters. */
    public static final int MAX_PATH = 4096;

    private SafePaths() {
    }

    /**
     * The same key for paths that one file system or another takes for the same file: names that
     * differ only by case (macOS, Windows) or Unicode form (macOS).
     */
    public static String fold(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Why {@code path} cannot be written inside the output folder, or empty when it can. */
    public static Optional<String> problem(String path) {
        if (path.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (path.startsWith("/")) {
            return Optional.of("the path is absolute");
        }
        if (path.length() > 1 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            return Optional.of("the path starts with a drive letter");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("the path holds a backslash");
        }
        if (path.length() > MAX_PATH) {
            return Optional.of("the path is longer than " + MAX_PATH + " characters");
        }
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            if (SafeText.unsafe(cp) || cp == '\t' || cp == '\n' || cp == '\r') {
                return Optional.of(String.format(Locale.ROOT, "the path holds the control character U+%04X",
                        cp));
            }
            if (SafeText.bidiControl(cp)) {
                return Optional.of(String.format(Locale.ROOT,
                        "the path holds U+%04X, which changes the direction of text and can disguise a name", cp));
            }
            i += Character.charCount(cp);
        }
        // each segment, without splitting: this runs for every file of every build
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 0) {
                return Optional.of("the path has an empty folder name (// or a trailing /)");
            }
            if (path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                return Optional.of("the path has a " + path.substring(start, end) + " segment");
            }
            if (length * 3 > MAX_SEGMENT_BYTES && utf8Length(path, start, end) > MAX_SEGMENT_BYTES) {
                return Optional.of("a file or folder name in the path is longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /** The length in UTF-8 of {@code s} from {@code start} to {@code end} (which holds no unpaired surrogate: refused above). */
    private static int utf8Length(String s, int start, int end) {
        int bytes = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
