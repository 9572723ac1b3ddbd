package dev.journal.core.config;

import dev.journal.core.Problem;
import dev.journal.core.internal.Utf8;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads {@code jbake.properties} from a site's source folder. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads the configuration of the site in {@code sourceDir}; defaults only when it has no
     * {@code jbake.properties}. Bad values are reported by {@link SiteConfig#problems()}, and so is
     * a file that is not UTF-8.
     *
     * <p>The file is UTF-8, as JBake reads it (its {@code ConfigUtil} hands commons-configuration
     * the encoding UTF-8 unless {@code --prop-encoding} says otherwise, and a byte that is not UTF-8
     * silently becomes U+FFFD there). A file saved as Latin-1, the classic encoding of
     * {@code .properties} files, is an error naming the line of the first bad byte; the rest of
     * the file is still read (that byte as U+FFFD), so that its other problems are reported with it.
     */
    public static SiteConfig load(Path sourceDir) throws IOException {
        Path file = sourceDir.resolve(SiteConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new SiteConfig(Map.of(), Map.of(), sourceDir, List.of());
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Problem> found = new ArrayList<>();
        String text;
        try {
            text = Utf8.decode(bytes); // a byte order mark is not part of the first key
        } catch (Utf8.MalformedException e) {
            found.add(Problem.error(SiteConfig.FILE_NAME, e.line(), e.getMessage()));
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        text = mendEscapes(text, found);
        return new SiteConfig(read(text), keyLines(text, found), sourceDir, found);
    }

    /** A {@code \\u} escape that is not followed by four hexadecimal digits (after an even run of backslashes). */
    private static final java.util.regex.Pattern BAD_ESCAPE = java.util.regex.Pattern.compile(
            "(?<!\\\\)((?:\\\\\\\\)*)\\\\u(?![0-9A-Fa-f]{4})");

    /**
     * The text with each malformed {@code \\u} escape (which {@link Properties} refuses with an
     * exception, stopping the whole file) kept as the characters written, and an error on its line,
     * so that the file's other keys and problems are read with it.
     */
    private static String mendEscapes(String text, List<Problem> found) {
        if (!text.contains("\\u")) {
            return text;
        }
        List<Row> rows = rows(text);
        StringBuilder mended = new StringBuilder(text.length() + 16);
        boolean changed = false;
        for (Row row : rows) {
            String written = row.text();
            java.util.regex.Matcher m = BAD_ESCAPE.matcher(written);
            // comments are not read; a row that goes on the one before is the value's, and is
            if (!row.comment() && m.find()) {
                found.add(Problem.error(SiteConfig.FILE_NAME, row.line(), "\\u must be followed by four hexadecimal"
                        + " digits (\\u00e9 is \u00e9); write \\\\u for a backslash and a u"));
                written = m.replaceAll("$1\\\\\\\\u");
                changed = true;
            }
            mended.append(written).append('\n');
        }
        return changed ? mended.substring(0, mended.length() - 1) : text;
    }

    /**
     * A row of the file, from 1: a comment (not read, and never going on to the next row), or one
     * that goes on the row before it (after an odd run of backslashes), or one that begins a key.
     */
    private record Row(int line, String text, boolean comment, boolean continuation) {
    }

    /** The file's rows, as {@link Properties} reads them (any line break ends one). */
    private static List<Row> rows(String text) {
        String[] rows = text.split("\r\n|\r|\n", -1);
        List<Row> out = new ArrayList<>(rows.length);
        boolean continued = false;
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].stripLeading();
            boolean comment = !continued && (row.startsWith("#") || row.startsWith("!"));
            out.add(new Row(i + 1, rows[i], comment, continued));
            continued = !comment && endsWithOddBackslashes(row);
        }
        return out;
    }

    /** Parses the text of a properties file (UTF-8, java.util.Properties syntax). */
    public static SiteConfig parse(String text) throws IOException {
        List<Problem> twice = new ArrayList<>();
        String mended = mendEscapes(text, twice);
        return new SiteConfig(read(mended), keyLines(mended, twice), null, twice);
    }

    private static Map<String, String> read(String text) throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            // an escape mendEscapes did not foresee: the file as a whole cannot be read
            throw new IOException(SiteConfig.FILE_NAME + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return values;
    }

    /**
     * The line on which each key is set, for messages that point into the file: the last, whose
     * value {@link Properties} keeps; a key set again is a warning in {@code twice}.
     */
    private static Map<String, Integer> keyLines(String text, List<Problem> twice) {
        Map<String, Integer> lines = new HashMap<>();
        for (Row r : rows(text)) {
            String row = r.text().stripLeading();
            if (r.continuation() || r.comment() || row.isEmpty()) {
                continue;
            }
            int end = 0;
            while (end < row.length() && "=: \t\f".indexOf(row.charAt(end)) < 0) {
                end += row.charAt(end) == '\\' ? 2 : 1;
            }
            String key = row.substring(0, Math.min(end, row.length())).replace("\\", "");
            Integer first = lines.put(key, r.line());
            if (first != null) {
                twice.add(Problem.warning(SiteConfig.FILE_NAME, r.line(), key + " is set again here; the value of line "
                        + first + " is ignored"));
            }
        }
        return lines;
    }

    private static boolean endsWithOddBackslashes(String row) {
        int n = 0;
        for (int i = row.length() - 1; i >= 0 && row.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
