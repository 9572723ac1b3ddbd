package dev.journal.core;

import dev.journal.core.internal.SafeText;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in a site's sources, located by file and line.
 *
 * @param path     the file, relative to the site's source folder, with {@code /} separators
 * @param line     1-based line in that file, or 0 when the problem concerns the file as a whole
 * @param severity whether the problem stops the build
 * @param message  what is wrong, in words an author can act on
 */
public record Problem(String path, int line, Severity severity, String message) {

    /** Whether a problem stops the build. */
    public enum Severity { ERROR, WARNING }

    /** Orders problems by file, then line, then message, so reports never depend on thread timing. */
    private static final int QUOTE_LENGTH = 80;

    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String path, int line, String message) {
        return new Problem(path, line, Severity.ERROR, message);
    }

    public static Problem warning(String path, int line, String message) {
        return new Problem(path, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code path:line: message}, the form compilers use, so editors and CI annotate the line.
     * Control and direction-changing characters (from file names or quoted values) are written as
     * {@code <U+202E>}, so a report cannot play tricks on the terminal that shows it.
     */
    @Override
    public String toString() {
        String where = line > 0 ? path + ":" + line : path;
        return SafeText.printable(where + ": " + (severity == Severity.WARNING ? "warning: " : "") + message);
    }

    /** A value from the content quoted for a message, cut short when it is long. */
    public static String quote(String value) {
        if (value.length() <= QUOTE_LENGTH) {
            return "'" + value + "'";
        }
        int end = QUOTE_LENGTH - 1;
        if (Character.isLowSurrogate(value.charAt(end))) {
            end--;
        }
        return "'" + value.substring(0, end) + "\u2026'";
    }
}
