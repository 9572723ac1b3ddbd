package dev.journal.core.load;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Dates;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
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
 * JBake's data files: the YAML files ({@code .yaml}, {@code .yml}) of {@code data.folder}, which
 * templates read with {@code data.get("team.yaml")}. A file holding a mapping is that mapping; a
 * file holding a list is {@code {data: [...]}}, as in JBake.
 *
 * <p>Read safely: YAML is composed into nodes and converted to plain values (text, numbers,
 * true/false, dates, lists, maps), never constructed into objects; type tags are refused, and
 * size, aliases and nesting are limited.
 */
public final class DataFiles {

    /** Largest data file read, in bytes. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 50;
    static final int MAX_VALUES = 200_000;

    private DataFiles() {
    }

    /**
     * The data files by their path in the data folder ({@code team.yaml}, {@code people/a.yml}),
     * and the problems of those that cannot be read.
     */
    /**
     * What a data file that is there but could not be read (its error reported at it) stands as,
     * compared by identity: a template that reads it is told so, not that there is no such file.
     */
    public static final Map<String, Object> UNREADABLE = Collections.unmodifiableMap(new java.util.HashMap<>());

    public record Loaded(Map<String, Map<String, Object>> files, List<Problem> problems) {
        public Loaded {
            files = Collections.unmodifiableMap(new TreeMap<>(files));
            problems = List.copyOf(problems);
        }
    }

    /** Reads the data folder of the site in {@code sourceDir}; nothing when there is none. */
    public static Loaded load(Path sourceDir, SiteConfig config) throws IOException {
        String folderName = config.get("data.folder").strip();
        Path folder = sourceDir.resolve(folderName);
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (folderName.isEmpty() || !Files.isDirectory(folder)) {
            return new Loaded(files, problems);
        }
        Path root = sourceDir.toRealPath();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(folder) || !ContentLoader.ignored(dir.getFileName().toString())
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && !ContentLoader.ignored(name)
                        && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    if (attrs.isSymbolicLink() && !Files.isRegularFile(file)) {
                        // a link to what is no file (or is not there): said, as the content's are
                        problems.add(Problem.warning(ContentLoader.relative(sourceDir, file), 0,
                                "skipped: a symbolic link to no file"));
                    } else {
                        found.add(file); // a link is followed when it stays inside the site (below)
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        for (Path file : found) {
            String ref = ContentLoader.relative(folder, file);
            String path = ContentLoader.relative(sourceDir, file);
            if (!file.toRealPath().startsWith(root)) {
                problems.add(Problem.warning(path, 0, "skipped: a symbolic link to a file outside the site"));
                continue;
            }
            if (Files.size(file) > MAX_BYTES) {
                problems.add(Problem.error(path, 0, "data files may be at most " + MAX_BYTES / (1024 * 1024) + " MB"));
                continue;
            }
            String text;
            try {
                text = dev.journal.core.internal.Utf8.strict(Files.readAllBytes(file));
            } catch (dev.journal.core.internal.Utf8.MalformedException e) {
                problems.add(Problem.error(path, e.line(), e.getMessage()));
                files.put(ref, UNREADABLE);
                continue;
            }
            Map<String, Object> data = read(path, text, problems);
            files.put(ref, data != null ? data : UNREADABLE);
        }
        return new Loaded(files, problems);
    }

    /** One file's values, or null (with problems) when it cannot be read. */
    static Map<String, Object> read(String path, String text, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setMergeOnCompose(false);
        Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(),
                    options).getSingleNode();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String problem = e.getProblem() == null ? "unreadable YAML" : e.getProblem();
            problems.add(Problem.error(path, line, problem.startsWith("Global tag is not allowed")
                    ? "type tags such as " + problem.substring(problem.indexOf(':') + 1).strip()
                            + " are not allowed in data files"
                    : "invalid YAML: " + problem));
            return null;
        } catch (YAMLException | StackOverflowError e) {
            problems.add(Problem.error(path, 0, "invalid YAML: " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse("unreadable")));
            return null;
        }
        Converter converter = new Converter(path, problems);
        int before = problems.size();
        Object value = root == null ? null : converter.convert(root, 0);
        if (problems.size() > before) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return m;
        }
        if (value instanceof List<?> list) {
            return Map.of("data", list);
        }
        problems.add(Problem.error(path, 1, "a data file holds fields (key: value) or a list"));
        return null;
    }

    /** Nodes to plain values, counting every value so that aliases cannot multiply the work. */
    private static final class Converter {
        private final String path;
        private final List<Problem> problems;
        private int count;

        Converter(String path, List<Problem> problems) {
            this.path = path;
            this.problems = problems;
        }

        Object convert(Node node, int depth) {
            if (++count > MAX_VALUES || depth > MAX_DEPTH) {
                if (count == MAX_VALUES + 1 || depth == MAX_DEPTH + 1) {
                    problems.add(Problem.error(path, line(node), "too many or too deeply nested values (at most "
                            + MAX_VALUES + " values, " + MAX_DEPTH + " levels)"));
                }
                return null;
            }
            Tag tag = node.getTag();
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar, tag);
            }
            if (!tag.equals(Tag.SEQ) && !tag.equals(Tag.MAP)) {
                return refuse(node);
            }
            if (node instanceof SequenceNode seq) {
                List<Object> list = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    list.add(convert(item, depth + 1));
                }
                return Collections.unmodifiableList(list);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key) || !isPlain(key.getTag())) {
                    problems.add(Problem.error(path, line(t.getKeyNode()), "a key must be plain text"));
                    continue;
                }
                if (key.getValue().equals("<<")) {
                    problems.add(Problem.error(path, line(key), "YAML merge keys (<<) are not supported"));
                    continue;
                }
                if (map.containsKey(key.getValue())) {
                    problems.add(Problem.error(path, line(key), "duplicate key '" + key.getValue() + "'"));
                    continue;
                }
                map.put(key.getValue(), convert(t.getValueNode(), depth + 1));
            }
            return Collections.unmodifiableMap(map);
        }

        private Object scalar(ScalarNode node, Tag tag) {
            String v = node.getValue();
            try {
                if (tag.equals(Tag.STR)) {
                    return v;
                }
                if (tag.equals(Tag.NULL)) {
                    return null;
                }
                if (tag.equals(Tag.BOOL)) {
                    return Boolean.valueOf(v.toLowerCase(Locale.ROOT).matches("true|yes|on|y"));
                }
                if (tag.equals(Tag.INT)) {
                    BigInteger i = new BigInteger(v.replace("_", ""));
                    return i.bitLength() < 64 ? (Object) i.longValue() : i;
                }
                if (tag.equals(Tag.FLOAT)) {
                    return Double.valueOf(v.replace("_", ""));
                }
                if (tag.equals(Tag.TIMESTAMP)) {
                    return Date.from(Dates.parse(v, ZoneOffset.UTC).toInstant());
                }
            } catch (NumberFormatException | Dates.DateException e) {
                return v;
            }
            return refuse(node);
        }

        private Object refuse(Node node) {
            problems.add(Problem.error(path, line(node), "type tags such as " + node.getTag().getValue()
                    + " are not allowed in data files"));
            return null;
        }

        private static boolean isPlain(Tag tag) {
            return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)
                    || tag.equals(Tag.NULL) || tag.equals(Tag.TIMESTAMP);
        }

        private static int line(Node node) {
            return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }
    }
}
