package dev.journal.core.parse;

import java.util.List;
import java.util.Map;

/**
 * A document split into its header and body.
 *
 * <p>Values are {@link String}, {@link Boolean} ({@code true}/{@code false} only, so {@code no}
 * and {@code NO} stay text), {@code List<Object>} or {@code Map<String, Object>}, in the order
 * written.
 *
 * @param format     which header syntax the file uses
 * @param values     the header's fields
 * @param lines      the line of the file on which each field is written
 * @param entryLines for a field written as a set of fields ({@code links:} and its {@code label: URL}
 *                   lines), the line of each of them, by field and then by entry
 * @param bodyLine   the line of the file on which the body starts
 * @param body       the text after the header
 */
public record FrontMatter(Format format, Map<String, Object> values, Map<String, Integer> lines,
        Map<String, Map<String, Integer>> entryLines, int bodyLine, String body) {

    /** Header syntaxes. */
    public enum Format {
        /** YAML between {@code ---} lines. */
        YAML,
        /** JBake's {@code key=value} lines ended by {@code header.separator}. */
        JBAKE
    }

    public FrontMatter {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        lines = Map.copyOf(lines);
        entryLines = entryLines.isEmpty() ? Map.of() : entryLines.entrySet().stream().collect(
                java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    /** The line of a field, or the first line of the file when the field is absent. */
    public int line(String key) {
        return lines.getOrDefault(key, 1);
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** A field written as a list, or as one comma-separated string. */
    public static List<String> commaList(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).toList();
    }
}
