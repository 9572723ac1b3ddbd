package dev.journal.core.authoring;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes YAML front matter for new files. Every text value is a YAML double-quoted scalar, so no
 * title, name or tag can change the structure ({@code :}, {@code #}, {@code [}, quotes, line
 * breaks) or be read as a number, a date or true/false.
 */
final class FrontMatterText {

    private final StringBuilder yaml = new StringBuilder("---\n");

    FrontMatterText text(String key, String value) {
        yaml.append(key).append(": ").append(quote(value)).append('\n');
        return this;
    }

    FrontMatterText list(String key, List<String> values) {
        yaml.append(key).append(": [").append(values.stream().map(FrontMatterText::quote)
                .collect(Collectors.joining(", "))).append("]\n");
        return this;
    }

    /** A value written as it is: only for values made here (dates, true/false). */
    FrontMatterText plain(String key, String value) {
        yaml.append(key).append(": ").append(value).append('\n');
        return this;
    }

    /** The authors as {@code author: "A"} for one, {@code authors: [...]} for none or several. */
    FrontMatterText authors(List<String> names) {
        return names.size() == 1 ? text("author", names.get(0)) : list("authors", names);
    }

    String end() {
        return yaml + "---\n";
    }

    /** A YAML double-quoted scalar: backslash and quote escaped, control and line-break characters as escapes. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
