package dev.journal.core;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.load.StaticFile;
import dev.journal.core.parse.Article;
import dev.journal.core.render.PageRenderer;
import dev.journal.core.render.RenderedPage;
import dev.journal.core.render.TemplateEngine;
import dev.journal.core.write.OutputFile;
import dev.journal.core.write.SiteWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Every file of the site as the render stage hands it over: pages from any thread as they are made,
 * then the files copied as they are. Each file is named after what produced it (the content file
 * of a page, the source of a copied file) and passed on to the writer's session, if any, at once, so
 * the site is never held in memory; the first file on a path wins, and every unusable or doubly
 * claimed path becomes a located problem. The checker uses it without a session.
 */
final class SiteOutput {

    private final Path source;
    private final SiteWriter.Session session;
    private final Map<String, String> pageSources = new ConcurrentHashMap<>();
    private final Map<String, String> documentsBySource = new HashMap<>();
    private final Map<String, OutputFile> firstOnPath = new ConcurrentHashMap<>();
    private final List<OutputFile> files = Collections.synchronizedList(new ArrayList<>());
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicReference<IOException> failure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final Map<String, Article> articles = new HashMap<>();
    private final SiteConfig config;

    /**
     * @param source    the site's folder, against which copied files are named
     * @param documents the documents of the build, to name each page after its content file
     * @param session   where files go; null to only check them
     * @param config    the configuration, whose keys place the generated pages (named in reports)
     */
    SiteOutput(Path source, List<Article> documents, SiteWriter.Session session,
            SiteConfig config) {
        this.source = source;
        this.config = config;
        this.session = session;
        for (Article a : documents) {
            pageSources.put(a.outputPath(), a.sourcePath());
            articles.put(a.sourcePath(), a);
        }
    }

    /**
     * The site rendered into memory, writing nothing, with the files it copies: what a check, and a
     * build that fails on its content, look at. The render's problems go to {@code problems}.
     */
    static SiteOutput rehearsed(Path source, SiteConfig config, TemplateEngine templates,
            Map<String, Map<String, Object>> data, SiteIndex index, List<StaticFile> files, ForkJoinPool pool,
            List<Problem> problems) throws IOException {
        SiteOutput out = new SiteOutput(source, index.documents(), null, config);
        problems.addAll(new PageRenderer(config, templates, data).render(index, pool, out::page).problems());
        out.copies(files, !config.jbakeLayout());
        return out;
    }

    /** A page from the render stage; thread-safe. */
    void page(RenderedPage p) {
        // a document's page comes first; a later page on its path is a generated one
        String origin = pageSources.remove(p.path());
        String name = origin != null ? origin : "the generated page " + p.path();
        add(p.isKept() ? OutputFile.kept(p.path(), name) : OutputFile.generated(p.path(), p.bytes(), name));
    }

    /** The site's files to copy, then the theme's files the site does not replace. */
    void copies(List<StaticFile> statics, boolean themeAssets) throws IOException {
        Set<String> taken = new HashSet<>();
        for (OutputFile f : files) {
            taken.add(f.path());
        }
        for (StaticFile f : statics) {
            Path from = f.source().toAbsolutePath().normalize();
            add(OutputFile.copied(f.target(), f.source(), from.startsWith(source)
                    ? source.relativize(from).toString().replace('\\', '/') : from.getFileName().toString()));
            taken.add(f.target());
        }
        for (String asset : themeAssets ? ThemeAssets.list() : List.<String>of()) {
            if (!taken.contains(asset)) {
                add(OutputFile.generated(asset, ThemeAssets.read(asset), "the theme's " + asset));
            }
        }
    }

    private void add(OutputFile f) {
        OutputFile light = new OutputFile(f.path(), null, f.source(), f.origin());
        files.add(light);
        Optional<String> unsafe = SafePaths.problem(f.path());
        if (unsafe.isPresent()) {
            problems.add(Problem.error(f.origin(), 0, "cannot be written as " + f.path() + ": " + unsafe.get()));
            return;
        }
        OutputFile other = firstOnPath.putIfAbsent(SafePaths.fold(f.path()), light);
        if (other != null) {
            problems.add(clash(other, light));
            return;
        }
        if (fileOrFolder(light)) {
            return;
        }
        if (session != null) {
            try {
                session.put(f);
            } catch (SiteWriter.UnsafePathException e) {
                problems.add(Problem.error(f.origin(), 0, e.getMessage()));
            } catch (IOException e) {
                // the disk, not the content (a full disk, a failing device): the build fails as on
                // any other failure to write, after the render, naming the first file
                failure.compareAndSet(null, new IOException("could not write " + f.path() + " (from " + f.origin()
                        + "): " + IoMessage.reason(e), e));
            }
        }
    }

    /** Each folder the site's files make, folded as paths are. */
    private final Set<String> folders = new HashSet<>();

    /**
     * The files found where another file of the site needs a folder, by their folded paths: one
     * problem each, made when the problems are asked for, naming the file held up (inside the
     * folder) that a content file makes if any, else the first by path, whatever order the
     * render's threads came in.
     */
    private final Map<String, OutputFile> inTheWay = new HashMap<>();

    /**
     * Whether {@code f}'s path is a folder another file of the site needs, or lies inside one that
     * another file takes ({@code feed.xml} and {@code feed.xml/index.html}): found as the files
     * come, so that every such file is reported with the content's other problems rather than
     * failing the write at the first. A file held up (or in the way, found second) is not written.
     */
    private boolean fileOrFolder(OutputFile f) {
        String fold = SafePaths.fold(f.path());
        synchronized (folders) {
            if (folders.contains(fold)) {
                inTheWay.put(fold, f);
                return true;
            }
            for (int slash = fold.indexOf('/'); slash > 0; slash = fold.indexOf('/', slash + 1)) {
                String folder = fold.substring(0, slash);
                OutputFile file = firstOnPath.get(folder);
                if (file != null) {
                    inTheWay.putIfAbsent(folder, file);
                    return true;
                }
            }
            for (int slash = fold.indexOf('/'); slash > 0; slash = fold.indexOf('/', slash + 1)) {
                folders.add(fold.substring(0, slash));
            }
        }
        return false;
    }

    /** One problem per file in the way of a folder, at the file held up that is likeliest the author's. */
    private List<Problem> foldersInTheWay() {
        List<Problem> found = new ArrayList<>();
        synchronized (folders) {
            inTheWay.forEach((folder, file) -> {
                // every file inside the folder (each is on firstOnPath, written or held up), whichever came first
                String prefix = folder + "/";
                OutputFile inside = firstOnPath.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                        .map(Map.Entry::getValue)
                        .min(java.util.Comparator.comparing((OutputFile o) -> !articles.containsKey(o.origin()))
                                .thenComparing(OutputFile::path)).orElseThrow();
                found.add(folderClash(file, inside));
            });
        }
        return found;
    }

    /** {@code file}'s path is a folder of {@code inside}'s, reported at the content file when there is one. */
    private Problem folderClash(OutputFile file, OutputFile inside) {
        String where = articles.containsKey(inside.origin()) ? inside.origin()
                : articles.containsKey(file.origin()) ? file.origin()
                : inside.source() != null ? inside.origin() : file.origin();
        return Problem.error(where, 0, file.origin() + " would be written to " + file.path() + ", and "
                + inside.origin() + " to " + inside.path() + ", inside a folder of that name; rename one of them");
    }

    /** Two files of the site on one path, reported at the content file when there is one. */
    private Problem clash(OutputFile first, OutputFile second) {
        // named in one order whichever thread came first, so that a report never depends on timing:
        // a content file first, else by name
        boolean firstIsContent = articles.containsKey(first.origin());
        boolean secondIsContent = articles.containsKey(second.origin());
        boolean inOrder = firstIsContent != secondIsContent ? firstIsContent
                : java.util.Comparator.comparing(OutputFile::origin).thenComparing(OutputFile::path)
                        .compare(first, second) <= 0;
        OutputFile other = inOrder ? first : second;
        OutputFile f = inOrder ? second : first;
        Article a = articles.containsKey(f.origin()) ? articles.get(f.origin()) : articles.get(other.origin());
        // at the content file, else at a copied file (an asset), which the author can rename
        String where = a != null ? a.sourcePath() : f.source() == null && other.source() != null ? other.origin()
                : f.origin();
        int line = a != null && a.lines().containsKey("slug") ? a.line("slug") : 0;
        if (a == null && f.source() == null && other.source() == null && f.path().equals(other.path())) {
            // two generated pages: the keys of jbake.properties that place them on one path
            List<String> keys = placing(f.path());
            int at = keys.stream().mapToInt(config::line).max().orElse(0);
            if (at > 0) {
                return Problem.error(SiteConfig.FILE_NAME, at, String.join(" and ",
                        keys.stream().map(k -> k + " (" + config.get(k).strip() + ")").toList()) + " would write"
                        + " pages to the same file, " + f.path() + "; give " + (keys.size() > 1 ? "one of them" : "it")
                        + " another value");
            }
        }
        return Problem.error(where, line, other.origin() + " and " + f.origin() + " would both be written to "
                + (other.path().equals(f.path()) ? f.path() : other.path() + " and " + f.path()
                + " (one file on most systems)") + "; rename one of them");
    }

    /**
     * The keys that place generated pages on {@code path}: a file key whose value it is, a folder
     * key under whose value it lies. Those jbake.properties sets; a key left at its default that
     * places a page there too is named before them. None when jbake.properties sets none of them.
     */
    private List<String> placing(String path) {
        List<String> set = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (String key : SiteConfig.PAGE_FILE_KEYS) {
            if (config.get(key).strip().equals(path)) {
                (config.isSet(key) ? set : defaults).add(key);
            }
        }
        for (String key : SiteConfig.PAGE_FOLDER_KEYS) {
            String folder = config.folder(key).replaceAll("^/+", "");
            if (!folder.isEmpty() && path.startsWith(folder + "/")) {
                (config.isSet(key) ? set : defaults).add(key);
            }
        }
        if (!set.isEmpty()) {
            set.addAll(0, defaults);
        }
        return set;
    }

    /** Fails with the first failure to write a file, if any: not a problem of the content. */
    void failIfNotWritten() throws IOException {
        IOException first = failure.get();
        if (first != null) {
            throw first;
        }
    }

    /** Unusable paths and paths claimed twice; sorted, so the report never depends on thread timing. */
    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.addAll(foldersInTheWay());
        sorted.sort(Problem.ORDER);
        return sorted;
    }

    /** Whether a file of the site is on {@code path}. */
    boolean has(String path) {
        OutputFile f = firstOnPath.get(SafePaths.fold(path));
        return f != null && f.path().equals(path);
    }

    /** Every path of the site. */
    Set<String> paths() {
        Set<String> paths = new java.util.TreeSet<>();
        synchronized (files) {
            files.forEach(f -> paths.add(f.path()));
        }
        return paths;
    }

    int count() {
        return files.size();
    }

    /** The built-in theme's static files (CSS, scripts, images), listed in {@code assets.list}. */
    static final class ThemeAssets {
        private static final String ROOT = "/dev/journal/core/theme/assets/";

        private ThemeAssets() {
        }

        static List<String> list() throws IOException {
            try (InputStream in = SiteOutput.class.getResourceAsStream(ROOT + "assets.list")) {
                if (in == null) {
                    return List.of();
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            }
        }

        static byte[] read(String asset) throws IOException {
            try (InputStream in = SiteOutput.class.getResourceAsStream(ROOT + asset)) {
                if (in == null) {
                    throw new IOException("the theme lists " + asset + " but does not hold it");
                }
                return in.readAllBytes();
            }
        }
    }
}
