package dev.journal.core.parse;

import dev.journal.core.internal.asciidoc.AsciiDoc;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of an AsciiDoc file without a JBake header, as JBake reads it: the document's title,
 * its {@code jbake-} attributes as the fields they name ({@code :jbake-type: post} is
 * {@code type=post}, {@code :jbake-tags: a, b} the tags), its revision date ({@code revdate}) as
 * the date unless {@code jbake-date} gives one, and the other attributes the header writes (and
 * its author line) under their own names, for the templates. Each field is on the line of the
 * attribute that sets it.
 */
final class AsciiDocHeader {

    private static final String PREFIX = "jbake-";
    /** An attribute entry: {@code :name: value} (not {@code :name!:}, which unsets it). */
    private static final Pattern ENTRY = Pattern.compile(":([A-Za-z0-9_][A-Za-z0-9_-]*):(?:\\s.*)?");
    /** Fields of a JBake header read as true/false, as {@link FrontMatterParser} reads them. */
    private static final List<String> BOOLEAN_FIELDS = List.of("draft", "related");
    /** What the author line sets, under the names templates read. */
    private static final List<String> AUTHOR_LINE = List.of("email", "firstname", "middlename", "lastname",
            "authorinitials");

    private AsciiDocHeader() {
    }

    /**
     * The front matter of {@code text} (the file's), from what Asciidoctor read of its header; null
     * when the header has neither a title nor a {@code jbake-} attribute (a file JBake leaves out).
     *
     * @param path       the file, for messages
     * @param plainTitle the title as text (the journal's layout) rather than as Asciidoctor's HTML
     *                   (JBake's), and the author line's every author rather than its first (JBake's)
     * @param problems   where a field's problem goes (a JSON value that is not an object)
     */
    static FrontMatter of(String path, String text, AsciiDoc.Header header, boolean plainTitle,
            List<dev.journal.core.Problem> problems) {
        Map<String, Integer> written = new LinkedHashMap<>(); // attribute -> line, in the header's lines
        int titleLine = 0;
        String[] lines = text.split("\n", -1);
        boolean started = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                if (started) {
                    break; // the header ends at its first blank line
                }
                continue;
            }
            if (l.startsWith("//")) {
                continue; // a comment
            }
            started = true;
            if (titleLine == 0 && (l.startsWith("= ") || l.startsWith("# "))) {
                titleLine = i + 1;
                continue;
            }
            Matcher m = ENTRY.matcher(l);
            if (m.matches()) {
                written.putIfAbsent(m.group(1), i + 1);
            }
        }
        Map<String, Object> attributes = header.attributes();
        boolean jbake = attributes.keySet().stream().anyMatch(k -> k.startsWith(PREFIX));
        if (header.title() == null && !jbake) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> at = new HashMap<>();
        if (header.title() != null) {
            String title = plainTitle ? org.jsoup.Jsoup.parse(header.title()).text() : header.title();
            values.put("title", title);
            at.put("title", Math.max(1, titleLine));
        }
        for (var e : attributes.entrySet()) {
            if (e.getKey().startsWith(PREFIX) && e.getKey().length() > PREFIX.length()) {
                String key = e.getKey().substring(PREFIX.length());
                int line = written.getOrDefault(e.getKey(), Math.max(1, titleLine));
                String value = String.valueOf(e.getValue()).strip();
                // a JSON object ({"image": "duke.jpg"}) is a map, as in a JBake header
                values.put(key, value.startsWith("{") && value.endsWith("}")
                        ? FrontMatterParser.jsonObject(path, line, key, value, problems) : field(key, value));
                at.put(key, line);
            }
        }
        if (!values.containsKey("date") && attributes.get("revdate") instanceof String revdate) {
            values.put("date", revdate);
            // written as an attribute, or on the revision line, two below the title
            at.put("date", written.getOrDefault("revdate", titleLine > 0 ? titleLine + 2 : 1));
        }
        Object byline = plainTitle ? attributes.get("authors") : attributes.get("author");
        if (!values.containsKey("author") && byline instanceof String authors && !authors.isBlank()) {
            // JBake's author is the author line's first; the journal's every one, separated by commas
            values.put("author", authors);
            at.put("author", written.getOrDefault("author", titleLine > 0 ? titleLine + 1 : 1));
            for (String k : AUTHOR_LINE) {
                if (attributes.get(k) instanceof String v) {
                    values.putIfAbsent(k, v);
                    at.putIfAbsent(k, written.getOrDefault(k, titleLine > 0 ? titleLine + 1 : 1));
                }
            }
        }
        for (var e : written.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX) && !key.equals("revdate") && !key.equals("author") && !key.equals("authors")
                    && attributes.containsKey(key) && !values.containsKey(key)) {
                values.put(key, String.valueOf(attributes.get(key)));
                at.put(key, e.getValue());
            }
        }
        return new FrontMatter(FrontMatter.Format.JBAKE, values, at, Map.of(), 1, text);
    }

    /** A {@code jbake-} attribute's value as the same field of a JBake header is read. */
    private static Object field(String key, String value) {
        String v = value.strip();
        if (BOOLEAN_FIELDS.contains(key) && (v.equals("true") || v.equals("false"))) {
            return Boolean.valueOf(v);
        }
        if (key.equals("tags")) {
            return FrontMatter.commaList(v).stream().filter(t -> !t.isEmpty()).toList();
        }
        return v;
    }

    /** An attribute entry anywhere in the file, with its value. */
    private static final Pattern ANY_ENTRY = Pattern.compile(":([A-Za-z0-9_][A-Za-z0-9_-]*):[ \\t]*(.*)");
    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Za-z0-9_][A-Za-z0-9_-]*)}");
    /** A table's columns given as a repeat ({@code cols="3*"}). */
    private static final Pattern REPEATED_COLUMNS = Pattern.compile("cols\\s*=\\s*\"?\\s*(\\d{4,})\\s*\\*");
    /** The most characters an attribute may grow to, and the most columns a table may repeat. */
    static final long MOST_ATTRIBUTE = 1L << 20;
    static final long MOST_COLUMNS = 1_000;

    /**
     * What in an AsciiDoc file would make Asciidoctor work without end before it could say
     * anything: attributes whose references multiply ({@code :a1: {a0}{a0}}, eight times over, is
     * four billion characters) and a table of millions of columns. Each is an error on its line.
     */
    static List<dev.journal.core.Problem> limits(String path, String text) {
        List<dev.journal.core.Problem> problems = new java.util.ArrayList<>();
        Map<String, Long> sizes = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            Matcher entry = ANY_ENTRY.matcher(l);
            if (entry.matches()) {
                String value = entry.group(2);
                long size = value.length();
                Matcher ref = REFERENCE.matcher(value);
                while (ref.find()) {
                    size = Math.min(Long.MAX_VALUE / 2, size + sizes.getOrDefault(ref.group(1), 0L));
                }
                sizes.put(entry.group(1), size);
                if (size > MOST_ATTRIBUTE) {
                    problems.add(dev.journal.core.Problem.error(path, i + 1, "the attribute " + entry.group(1)
                            + " would grow to more than " + MOST_ATTRIBUTE + " characters through its references"));
                    break;
                }
            }
            Matcher cols = REPEATED_COLUMNS.matcher(l);
            if (cols.find() && Long.parseLong(cols.group(1).length() > 12 ? "999999999999" : cols.group(1)) > MOST_COLUMNS) {
                problems.add(dev.journal.core.Problem.error(path, i + 1, "a table of " + cols.group(1)
                        + " columns; at most " + MOST_COLUMNS));
            }
        }
        return problems;
    }
}
