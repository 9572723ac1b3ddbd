package dev.journal.core.parse;

import dev.journal.core.Problem;
import dev.journal.core.internal.SafeText;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Splits a document into front matter and body, and reads the front matter safely.
 *
 * <p>YAML is only composed into nodes, never constructed into objects: no type tags, no classes.
 * Aliases, nesting depth and size are limited, so an alias bomb or a deeply nested value fails fast
 * with a message. Duplicate keys are errors naming both lines. JBake's {@code key=value} header
 * ended by {@code header.separator} is read as well.
 */
public final class FrontMatterParser {

    /** Longest front matter accepted, in characters. */
    static final int MAX_FRONT_MATTER = 64 * 1024;
    /** How far down a file its JBake header's separator is looked for. */
    static final int JBAKE_HEADER_LINES = 200;
    /** Most aliases, nesting levels and values accepted in one front matter. */
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 20;
    static final int MAX_VALUES = 10_000;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    /**
     * Fields of a JBake header read as true/false; every other value stays text, as JBake keeps it
     * (templates compare {@code post.featured == "true"}).
     */
    private static final Set<String> BOOLEAN_FIELDS = Set.of("draft", "related");

    /** Fields whose text value is a list of names separated by commas. */
    private static final Set<String> LIST_FIELDS = Set.of("tags", "authors", "author");

    private final String separator;

    /** @param separator the line that ends a JBake header ({@code header.separator}) */
    public FrontMatterParser(String separator) {
        this.separator = separator.strip();
    }

    /**
     * The outcome: the front matter's fields that could be read (null when none could: not closed,
     * not YAML), and every problem found, which may include errors about fields it left out.
     */
    public record Result(FrontMatter frontMatter, List<Problem> problems) {
    }

    /**
     * Splits and reads {@code text} (line breaks already {@code \n}).
     *
     * @param path the file, for messages
     */
    public Result parse(String path, String text) {
        List<Problem> problems = new ArrayList<>();
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        if (first.stripTrailing().equals("---")) {
            return yaml(path, text, first.length(), problems);
        }
        // a JBake header's lines one by one, the body as it is: no more than the header's lines (and
        // the rest of the text, whole) are split off
        String[] lines = text.split("\n", JBAKE_HEADER_LINES + 2);
        int stop = jbakeStop(lines);
        boolean stopped = stop < Math.min(lines.length, JBAKE_HEADER_LINES);
        if (stop > 0 && stopped && lines[stop].strip().equals(separator)) {
            return jbake(path, text, lines, stop, problems);
        }
        if (jbakeField(first)) {
            // a header never ended: the line that breaks it is where the author has to look
            problems.add(stopped ? Problem.error(path, stop + 1, "no front matter: line 1 begins a JBake header"
                    + " (key=value), but this line is neither a key=value field nor the line " + separator
                    + " (header.separator) that ends the header")
                    : Problem.error(path, 1, "no front matter: line 1 begins a JBake header (key=value), but no line "
                    + separator + " (header.separator) ends it"));
            return new Result(null, problems);
        }
        problems.add(Problem.error(path, 1, "no front matter: a content file starts with a line ---, then its"
                + " fields (title: ..., date: ...), then another line ---"));
        return new Result(null, problems);
    }

    /**
     * Whether a line reads as a JBake header's field: a name of letters, digits, {@code _ . -}, then
     * {@code =}. An HTML or Markdown file without a header ({@code <div class="intro">},
     * {@code x = 2}) does not begin one.
     */
    private static boolean jbakeField(String line) {
        int eq = line.indexOf('=');
        String key = eq < 0 ? "" : line.substring(0, eq).strip();
        return !key.isEmpty() && key.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.'
                || c == '-');
    }

    private Result yaml(String path, String text, int firstLineLength, List<Problem> problems) {
        int close = -1;
        int start = firstLineLength + 1;
        int end = start; // where the closing line begins
        int endOfClose = -1;
        for (int i = 1, at = start; at <= text.length(); i++) {
            int nl = text.indexOf('\n', at);
            int lineEnd = nl < 0 ? text.length() : nl;
            String l = text.substring(at, lineEnd).stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                close = i;
                end = at;
                endOfClose = lineEnd;
                break;
            }
            if (nl < 0) {
                break;
            }
            at = nl + 1;
        }
        if (close < 0) {
            problems.add(Problem.error(path, 1, NOT_CLOSED + "; end it with a line ---"));
            return new Result(null, problems);
        }
        String yaml = text.substring(start, end);
        if (yaml.length() > MAX_FRONT_MATTER) {
            problems.add(Problem.error(path, 1, "the front matter is longer than " + MAX_FRONT_MATTER / 1024
                    + " KB"));
            return new Result(null, problems);
        }
        int bodyOffset = endOfClose + 1;
        String body = bodyOffset >= text.length() ? "" : text.substring(bodyOffset);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        Map<String, Map<String, Integer>> entryLines = new HashMap<>();
        // fields read despite problems with others (a duplicate, a type tag) are still handed on, so
        // that their own problems are reported with these, all together
        List<Problem> found = new ArrayList<>();
        boolean read = yaml.isBlank() || readYaml(path, yaml, values, keyLines, entryLines, found);
        int bodyLike = read ? -1 : bodyLike(yaml);
        if (bodyLike > 0 && found.stream().allMatch(p -> !p.isError() || p.line() >= bodyLike)) {
            // a closing line forgotten, and a --- further down (a Markdown rule) taken for it: the
            // YAML reader's complaint about the body's text would not say so
            problems.add(Problem.error(path, 1, NOT_CLOSED + " before the body: line " + bodyLike
                    + " reads as text, not a field; end the front matter with a line --- above it"));
            return new Result(null, problems);
        }
        problems.addAll(found);
        return new Result(read ? new FrontMatter(FrontMatter.Format.YAML, values, keyLines, entryLines,
                close + 2, body) : null, problems);
    }

    private static final String NOT_CLOSED = "the front matter that starts at line 1 is not closed by a line ---";
    private static final String NOT_FIELDS = "the front matter must be fields (key: value), one per line";

    /**
     * Whether a problem of {@link #parse} says the file has no header at all, as JBake would see
     * it: none, a JBake header that never ends, a line --- that nothing closes, or one that closes
     * text rather than fields (a rule at the top of a page); not front matter that is there but wrong.
     */
    static boolean saysNoHeader(Problem p, String text) {
        if (p.message().startsWith("no front matter:")) {
            return true;
        }
        // a --- that nothing closes, or that closes what is not fields: a rule, unless the first line
        // after it reads as a field (title: x, - title: x, title x), which is front matter gone wrong
        return (p.message().startsWith(NOT_CLOSED) || p.message().equals(NOT_FIELDS)) && !startsWithField(text);
    }

    private static final Pattern FIELD_LIKE = Pattern.compile(
            "(?i)\\s*(-\\s*)?([A-Za-z_][A-Za-z0-9_.-]*\\s*:|(title|date|tags?|authors?|type|status|summary|slug)\\b).*");

    /** Whether the first line after the opening --- that is not blank reads as a field. */
    private static boolean startsWithField(String text) {
        String[] lines = text.split("\n", 64);
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return !lines[i].strip().equals("---") && FIELD_LIKE.matcher(lines[i]).matches();
            }
        }
        return false;
    }

    /**
     * The file line of the first line of a YAML front matter that reads as a body's text rather than
     * YAML: after an empty line, not indented, neither a field ({@code key:}), a list item nor a
     * comment; -1 when there is none.
     */
    private static int bodyLike(String yaml) {
        String[] lines = yaml.split("\n", -1);
        boolean afterEmpty = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank()) {
                afterEmpty = true;
                continue;
            }
            char c = l.charAt(0);
            boolean yamlLike = c == ' ' || c == '\t' || c == '-' || c == '#' || FIELD.matcher(l).lookingAt();
            if (afterEmpty && !yamlLike) {
                return i + 2;
            }
            afterEmpty = false;
        }
        return -1;
    }

    private static final Pattern FIELD = Pattern.compile("[^\\s:#][^:#]*:(\\s|$)");

    /**
     * Reads a YAML front matter into {@code values}, with the line of each field in {@code keyLines}
     * and, for a field written as a set of fields, the line of each of these in {@code entryLines}.
     * False when no field could be read (not YAML, not fields); true when they were, even if some
     * of them have problems.
     */
    private static boolean readYaml(String path, String yaml, Map<String, Object> values, Map<String, Integer> keyLines,
            Map<String, Map<String, Integer>> entryLines, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_FRONT_MATTER);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setMergeOnCompose(false);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), options),
                    new Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            int line = line(e.getProblemMark());
            String message = "invalid front matter: " + yamlMessage(e);
            // a quote or bracket never closed is found at the end: name the line where it opens
            if (e.getContextMark() != null && e.getProblemMark() != null
                    && e.getProblemMark().getIndex() >= yaml.stripTrailing().length()
                    && line(e.getContextMark()) < line) {
                line = line(e.getContextMark());
                message += ", for the value that starts on this line and is never closed";
            }
            problems.add(Problem.error(path, line, message));
            return false;
        } catch (YAMLException | StackOverflowError e) {
            String m = firstLine(e.getMessage());
            if (m.contains("aliases")) {
                m = "too many aliases (at most " + MAX_ALIASES + "); write the values out";
            }
            problems.add(Problem.error(path, 1, "invalid front matter: " + m));
            return false;
        }
        if (root == null) {
            return true;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(Problem.error(path, line(root), NOT_FIELDS));
            return false;
        }
        Converter converter = new Converter(path, yaml, problems);
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar) || !plain(keyNode)) {
                problems.add(Problem.error(path, line(keyNode), "a field name must be plain text"));
                continue;
            }
            String key = converter.safe(keyScalar.getValue(), keyNode).strip();
            if (keyNode.getTag().equals(Tag.MERGE) || key.equals("<<")) {
                problems.add(Problem.error(path, line(keyNode), "YAML merge keys (<<) are not supported"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(key, line(keyNode));
            if (earlier != null) {
                problems.add(Problem.error(path, line(keyNode), "duplicate field " + Problem.quote(key)
                        + " (first set on line " + earlier + ")"));
                continue;
            }
            keyLines.put(key, line(keyNode));
            if (LIST_FIELDS.contains(key)) {
                converter.foldedListText(key, tuple.getValueNode());
            }
            Map<String, Integer> entries = tuple.getValueNode() instanceof MappingNode ? new HashMap<>() : null;
            Object value = converter.convert(tuple.getValueNode(), 0, entries);
            if (value != null) {
                values.put(key, value);
            }
            if (entries != null && !entries.isEmpty()) {
                entryLines.put(key, entries);
            }
        }
        return true;
    }

    /** Nodes to values, counting every value visited so that aliases cannot multiply the work. */
    private static final class Converter {
        private final String path;
        private final String yaml;
        private final List<Problem> problems;
        private int count;
        private boolean tooMany;

        Converter(String path, String yaml, List<Problem> problems) {
            this.path = path;
            this.yaml = yaml;
            this.problems = problems;
        }

        /**
         * A list item written as plain text over more than one line: YAML folds the lines into one
         * value, which in a list is nearly always an item misindented (a "- " one space further in
         * than the item before it continues that item) rather than meant.
         */
        void foldedItem(SequenceNode list, Node item) {
            if (!folded(item)) {
                return;
            }
            String how = list.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                    ? "the items of a list in brackets are separated by commas"
                    : "each item of a list starts with \"- \" at the same indentation";
            problems.add(Problem.warning(path, line(item), "this list item continues on line "
                    + (line(item) + 1) + ", so it is read as one value "
                    + Problem.quote(((ScalarNode) item).getValue()) + "; " + how));
        }

        /**
         * A field whose text is a list of names ({@code tags}, {@code authors}) written as plain
         * text over more than one line, where a line does not end with the comma that separates
         * the names: read as one name, where a list was most likely meant. {@code author} takes one
         * name, commas and all, so its text over more than one line is always one name.
         */
        void foldedListText(String key, Node value) {
            if (!folded(value)) {
                return;
            }
            // a mark's index counts code points, not the chars of a String (an emoji above is two)
            int from = yaml.offsetByCodePoints(0, value.getStartMark().getIndex());
            String source = yaml.substring(from, yaml.offsetByCodePoints(from,
                    value.getEndMark().getIndex() - value.getStartMark().getIndex()));
            String read = Problem.quote(((ScalarNode) value).getValue());
            if (key.equals("author")) { // one name, never split at commas
                problems.add(Problem.warning(path, line(value), "author continues on line " + (line(value) + 1)
                        + ", so it is read as one name " + read + "; author takes one name: for several, write"
                        + " authors: with each on its own line, starting with \"- \""));
                return;
            }
            String[] lines = source.split("\n");
            boolean commas = true;
            for (int i = 0; i < lines.length - 1; i++) {
                String l = lines[i].strip();
                commas &= l.isEmpty() || l.endsWith(",");
            }
            if (commas) {
                return;
            }
            problems.add(Problem.warning(path, line(value), key + " continues on line " + (line(value) + 1)
                    + ", so it is read as one value " + read
                    + "; to give a list, start each item on its own line with \"- \" at the same indentation,"
                    + " or separate the items with commas"));
        }

        /** A value left empty (nothing, {@code ~} or {@code null}, unquoted), which is no value at all. */
        private static boolean empty(Node node) {
            return node instanceof ScalarNode scalar && scalar.isPlain() && scalar.getTag().equals(Tag.NULL);
        }

        /** A plain (unquoted) text whose source spans more than one line. */
        private static boolean folded(Node node) {
            return node instanceof ScalarNode scalar && scalar.isPlain() && node.getEndMark() != null
                    && node.getEndMark().getLine() > node.getStartMark().getLine();
        }

        /**
         * The value of a node; when it is a set of fields, the line of each goes to {@code lines}
         * (null: not wanted).
         */
        Object convert(Node node, int depth, Map<String, Integer> lines) {
            if (++count > MAX_VALUES || depth > MAX_DEPTH) {
                if (!tooMany) {
                    tooMany = true;
                    problems.add(Problem.error(path, line(node), "the front matter holds too many or too deeply"
                            + " nested values (at most " + MAX_VALUES + " values, " + MAX_DEPTH + " levels)"));
                }
                return null;
            }
            if (!plain(node)) {
                problems.add(Problem.error(path, line(node), "type tags such as " + node.getTag().getValue()
                        + " are not allowed in front matter"));
                return null;
            }
            if (node instanceof ScalarNode scalar) {
                String v = safe(scalar.getValue(), scalar);
                if (empty(scalar)) {
                    return null;
                }
                if (scalar.isPlain() && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                    return Boolean.valueOf(v.toLowerCase(Locale.ROOT));
                }
                return v;
            }
            if (node instanceof SequenceNode seq) {
                List<Object> list = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    foldedItem(seq, item);
                    Object v = convert(item, depth + 1, null);
                    if (v != null) {
                        list.add(v);
                    } else if (empty(item)) {
                        problems.add(Problem.warning(path, line(item), "an empty item in this list (nothing, ~ or"
                                + " null) is left out"));
                    }
                }
                return java.util.Collections.unmodifiableList(list);
            }
            MappingNode map = (MappingNode) node;
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k) || !plain(k)) {
                    problems.add(Problem.error(path, line(t.getKeyNode()), "a field name must be plain text"));
                    continue;
                }
                String key = safe(k.getValue(), k);
                if (out.containsKey(key)) {
                    problems.add(Problem.error(path, line(k), "duplicate field " + Problem.quote(key)));
                    continue;
                }
                if (lines != null) {
                    lines.put(key, line(k));
                }
                Object v = convert(t.getValueNode(), depth + 1, null);
                if (v != null) {
                    out.put(key, v);
                }
            }
            return java.util.Collections.unmodifiableMap(out);
        }

        /**
         * A scalar without characters that no page or feed may hold: YAML's escapes
         * ({@code "\0"}, {@code "\x1b"}, {@code "\ud800"}) can write what the file's bytes cannot.
         */
        String safe(String value, Node node) {
            int bad = SafeText.firstUnsafe(value);
            if (bad < 0) {
                return value;
            }
            problems.add(Problem.warning(path, line(node), String.format(Locale.ROOT,
                    "the value holds the control or non-character U+%04X (written as an escape); replaced by U+FFFD",
                    value.codePointAt(bad))));
            return SafeText.clean(value);
        }
    }

    private static boolean plain(Node node) {
        return PLAIN_TAGS.contains(node.getTag());
    }

    /** The file line of a node: YAML lines count from 0, and the YAML starts on the file's line 2. */
    private static int line(Node node) {
        return line(node.getStartMark());
    }

    /** The file line of a place in the YAML (1 when unknown). */
    private static int line(Mark mark) {
        return mark == null ? 1 : mark.getLine() + 2;
    }

    private static String yamlMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.startsWith("Global tag is not allowed")) {
            return "type tags such as " + problem.substring(problem.indexOf(':') + 1).strip()
                    + " are not allowed";
        }
        String context = e.getContext() == null ? "" : e.getContext();
        String message = (context.isEmpty() ? problem : context + ": " + problem).strip();
        return message.isEmpty() ? firstLine(e.getMessage()) : firstLine(message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * A JBake header value written as a JSON object ({@code og={"description":"..."}}), which JBake
     * hands to templates as a map. Read with the same safe YAML composer as front matter (JSON's
     * objects are YAML flow mappings); a value that does not read as one stays text, with a warning.
     */
    static Object jsonObject(String path, int line, String key, String value, List<Problem> problems) {
        List<Problem> found = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        readYaml(path, "value: " + value, values, new HashMap<>(), new HashMap<>(), found);
        if (found.isEmpty() && values.get("value") instanceof Map<?, ?> map) {
            return map;
        }
        problems.add(Problem.warning(path, line, key + " starts with { but is not a JSON object; kept as text"));
        return value;
    }

    /**
     * Where a JBake header's lines stop: the index of the first line that is neither empty nor a
     * {@code key=value} field (the separator, when the header is whole), or the number of lines
     * looked at when every one is.
     */
    private int jbakeStop(String[] lines) {
        int i = 0;
        while (i < lines.length && i < JBAKE_HEADER_LINES) {
            String l = lines[i].strip();
            if (l.equals(separator) || !l.isEmpty() && l.indexOf('=') <= 0) {
                break;
            }
            i++;
        }
        return i;
    }

    private Result jbake(String path, String text, String[] lines, int sep, List<Problem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        for (int i = 0; i < sep; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                continue;
            }
            int eq = l.indexOf('=');
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            if (keyLines.containsKey(key)) {
                problems.add(Problem.error(path, i + 1, "duplicate field '" + key + "' (first set on line "
                        + keyLines.get(key) + ")"));
                continue;
            }
            keyLines.put(key, i + 1);
            if (BOOLEAN_FIELDS.contains(key) && (value.equals("true") || value.equals("false"))) {
                values.put(key, Boolean.valueOf(value));
            } else if (key.equals("tags")) {
                values.put(key, FrontMatter.commaList(value).stream().filter(t -> !t.isEmpty()).toList());
            } else if (value.startsWith("{") && value.endsWith("}")) {
                values.put(key, jsonObject(path, i + 1, key, value, problems));
            } else {
                values.put(key, value);
            }
        }
        int bodyOffset = 0; // after the separator's line
        for (int i = 0; i <= sep; i++) {
            bodyOffset += lines[i].length() + 1;
        }
        String body = bodyOffset >= text.length() ? "" : text.substring(bodyOffset);
        return new Result(new FrontMatter(FrontMatter.Format.JBAKE, values, keyLines, Map.of(), sep + 2,
                body), problems);
    }
}
