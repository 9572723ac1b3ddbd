package dev.journal.core;

import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.ContentLoader;
import dev.journal.core.load.DataFiles;
import dev.journal.core.load.Sources;
import dev.journal.core.load.StaticFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.render.PageRenderer;
import dev.journal.core.render.RenderedPage;
import dev.journal.core.render.TemplateEngine;
import dev.journal.core.write.OutputFile;
import dev.journal.core.write.OutputFolderGuard;
import dev.journal.core.write.SiteWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Bakes a site: {@code load -> parse -> index -> render -> write}. Every stage hands an immutable
 * result to the next; only the last one touches the output folder, and only when no earlier stage
 * found an error. All problems of a build are reported together.
 */
public final class Baker {

    private final BakeOptions options;

    public Baker(BakeOptions options) {
        this.options = options;
    }

    /**
     * Bakes the site.
     *
     * @throws ContentException when the content, configuration or templates have errors; the output
     *                          folder is then left as it was
     * @throws IOException      when reading the sources or writing the site fails
     */
    public BakeResult bake() throws ContentException, IOException {
        long start = System.nanoTime();
        Path source = options.source().toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = ConfigLoader.load(source);
        problems.addAll(config.problems());
        failOnErrors(problems);
        Path output = options.output().toAbsolutePath().normalize();
        Optional<String> refused = OutputFolderGuard.check(output, source, List.of(
                source.resolve(config.get("content.folder").strip()),
                source.resolve(config.get("template.folder").strip()),
                source.resolve(config.get("asset.folder").strip())));
        if (refused.isPresent()) {
            throw new ContentException(List.of(Problem.error(output.toString(), 0, "refusing to write the site: "
                    + refused.get())));
        }
        SiteWriter writer = new SiteWriter(output, manifestFile(output));
        writer.restore();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            long t = System.nanoTime();
            Sources sources = new ContentLoader(source, config).load();
            problems.addAll(sources.problems());
            DataFiles.Loaded data = DataFiles.load(source, config);
            problems.addAll(data.problems());
            stage("load", sources.documents().size() + " documents, " + sources.files().size() + " files, "
                    + data.files().size() + " data files", t);

            t = System.nanoTime();
            MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.of(config));
            ContentParser.Parsed parsed = new ContentParser(config, markdown).parse(sources.documents(), pool);
            problems.addAll(parsed.problems());
            stage("parse", parsed.articles().size() + " documents", t);

            t = System.nanoTime();
            ZonedDateTime now = ZonedDateTime.now(options.clock()).withZoneSameInstant(config.zone());
            SiteIndexer.Result indexed = new SiteIndexer(config).index(parsed.articles(), now, options.preview());
            problems.addAll(indexed.problems());
            SiteIndex index = indexed.index();
            stage("index", index.posts().size() + " articles, " + index.tags().size() + " tags, "
                    + index.authors().size() + " authors", t);
            failOnErrors(problems);

            t = System.nanoTime();
            TemplateEngine templates = new TemplateEngine(config, source.resolve(config.get("template.folder").strip()));
            PageRenderer.Rendered rendered = new PageRenderer(config, templates, data.files()).render(index, pool);
            problems.addAll(rendered.problems());
            failOnErrors(problems);
            stage("render", rendered.pages().size() + " pages", t);

            t = System.nanoTime();
            List<OutputFile> files = outputFiles(source, rendered.pages(), sources.files(), index.documents(),
                    !config.jbakeLayout());
            problems.addAll(checkPaths(files, index.documents()));
            failOnErrors(problems);
            SiteWriter.Outcome outcome = null;
            try {
                outcome = writer.write(files, pool);
            } catch (SiteWriter.UnsafePathException e) {
                problems.add(Problem.error(output.toString(), 0, e.getMessage()));
                failOnErrors(problems);
            }
            stage("write", outcome.written() + " written, " + outcome.kept() + " unchanged, " + outcome.deleted()
                    + " deleted in " + output, t);
            List<Problem> warnings = problems.stream().sorted(Problem.ORDER).toList();
            return new BakeResult(parsed.articles().size(), index.documents().size(), rendered.pages().size(),
                    files.size() - rendered.pages().size(), warnings, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdown();
        }
    }

    /** The record of what was written into {@code output}, in the build cache; null without a cache. */
    private Path manifestFile(Path output) {
        if (options.cache() == null) {
            return null;
        }
        String id = Integer.toHexString(output.toString().hashCode());
        return options.cache().toAbsolutePath().resolve("output-" + id + ".manifest");
    }

    private void stage(String name, String what, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        options.log().accept(String.format(Locale.ROOT, "%-7s %6d ms  %s", name, ms, what));
    }

    private static void failOnErrors(List<Problem> problems) throws ContentException {
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new ContentException(problems);
        }
    }

    /**
     * Pages, then the site's files, then the theme's files the site does not replace (none with
     * JBake's layout, whose pages never use the built-in theme). Each file names where it comes
     * from: the content file of a page, the source of a copied file.
     */
    static List<OutputFile> outputFiles(Path source, List<RenderedPage> pages, List<StaticFile> files,
            List<Article> documents, boolean themeAssets) throws IOException {
        Map<String, String> sources = new HashMap<>();
        for (Article a : documents) {
            sources.put(a.outputPath(), a.sourcePath());
        }
        List<OutputFile> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (RenderedPage p : pages) {
            // a document's page comes first; a later page on its path is a generated one
            String origin = sources.remove(p.path());
            out.add(OutputFile.generated(p.path(), p.bytes(), origin != null ? origin : "the generated page "
                    + p.path()));
            taken.add(p.path());
        }
        for (StaticFile f : files) {
            Path from = f.source().toAbsolutePath().normalize();
            out.add(OutputFile.copied(f.target(), f.source(), from.startsWith(source)
                    ? source.relativize(from).toString().replace('\\', '/') : from.getFileName().toString()));
            taken.add(f.target());
        }
        for (String asset : themeAssets ? ThemeAssets.list() : List.<String>of()) {
            if (!taken.contains(asset)) {
                out.add(OutputFile.generated(asset, ThemeAssets.read(asset), "the theme's " + asset));
            }
        }
        return out;
    }

    /**
     * Paths that cannot be written (a copied file whose name holds a control character), and two
     * files of the site on one path (a page and a copied file, an article and a tag page, or names
     * that differ only by case or Unicode form), reported at the content file when there is one.
     */
    static List<Problem> checkPaths(List<OutputFile> files, List<Article> documents) {
        Map<String, Article> articles = new HashMap<>();
        for (Article a : documents) {
            articles.put(a.sourcePath(), a);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, OutputFile> seen = new HashMap<>();
        for (OutputFile f : files) {
            Optional<String> unsafe = SafePaths.problem(f.path());
            if (unsafe.isPresent()) {
                problems.add(Problem.error(f.origin(), 0, "cannot be written as " + f.path() + ": " + unsafe.get()));
                continue;
            }
            OutputFile other = seen.putIfAbsent(SafePaths.fold(f.path()), f);
            if (other == null) {
                continue;
            }
            Article a = articles.containsKey(f.origin()) ? articles.get(f.origin()) : articles.get(other.origin());
            String where = a != null ? a.sourcePath() : f.origin();
            int line = a != null && a.lines().containsKey("slug") ? a.line("slug") : 0;
            problems.add(Problem.error(where, line, other.origin() + " and " + f.origin() + " would both be written to "
                    + (other.path().equals(f.path()) ? f.path() : other.path() + " and " + f.path()
                    + " (one file on most systems)") + "; rename one of them"));
        }
        return problems;
    }

    /** The built-in theme's static files (CSS, scripts), listed in {@code assets.list}. */
    static final class ThemeAssets {
        private static final String ROOT = "/dev/journal/core/theme/assets/";

        private ThemeAssets() {
        }

        static List<String> list() throws IOException {
            try (InputStream in = Baker.class.getResourceAsStream(ROOT + "assets.list")) {
                if (in == null) {
                    return List.of();
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            }
        }

        static byte[] read(String asset) throws IOException {
            try (InputStream in = Baker.class.getResourceAsStream(ROOT + asset)) {
                if (in == null) {
                    throw new IOException("the theme lists " + asset + " but does not hold it");
                }
                return in.readAllBytes();
            }
        }
    }
}
