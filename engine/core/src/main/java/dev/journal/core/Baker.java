package dev.journal.core;

import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.ContentLoader;
import dev.journal.core.load.Sources;
import dev.journal.core.load.StaticFile;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
     * Runs the stages up to the index, without rendering or writing anything: the site as tools
     * see it (the related command, checks). The options' output folder is not used. Warnings are
     * dropped; use {@link #bake()} for them.
     *
     * @throws ContentException when the content or configuration has errors
     * @throws IOException      when reading the sources fails
     */
    public SiteIndex index() throws ContentException, IOException {
        Path source = options.source().toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = ConfigLoader.load(source);
        problems.addAll(config.problems());
        failOnErrors(problems);
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            SiteIndex index = upToIndex(source, config, pool, problems).index();
            failOnErrors(problems);
            return index;
        } finally {
            pool.shutdown();
        }
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
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            Front front = upToIndex(source, config, pool, problems);
            Sources sources = front.sources();
            ContentParser.Parsed parsed = front.parsed();
            SiteIndex index = front.index();
            failOnErrors(problems);

            long t = System.nanoTime();
            TemplateEngine templates = new TemplateEngine(config, source.resolve(config.get("template.folder").strip()));
            PageRenderer.Rendered rendered = new PageRenderer(config, templates).render(index, pool);
            problems.addAll(rendered.problems());
            failOnErrors(problems);
            stage("render", rendered.pages().size() + " pages", t);

            t = System.nanoTime();
            List<OutputFile> files = outputFiles(rendered.pages(), sources.files());
            try {
                new SiteWriter(output).write(files, pool);
            } catch (SiteWriter.UnsafePathException e) {
                problems.add(Problem.error(output.toString(), 0, e.getMessage()));
                failOnErrors(problems);
            }
            stage("write", files.size() + " files to " + output, t);
            List<Problem> warnings = problems.stream().sorted(Problem.ORDER).toList();
            return new BakeResult(parsed.articles().size(), index.documents().size(), rendered.pages().size(),
                    files.size() - rendered.pages().size(), warnings, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdown();
        }
    }

    /** What the stages before rendering hand on. */
    private record Front(Sources sources, ContentParser.Parsed parsed, SiteIndex index) {
    }

    /** Load, parse and index, adding problems to {@code problems}. */
    private Front upToIndex(Path source, SiteConfig config, ForkJoinPool pool, List<Problem> problems)
            throws IOException {
        long t = System.nanoTime();
        Sources sources = new ContentLoader(source, config).load();
        problems.addAll(sources.problems());
        stage("load", sources.documents().size() + " documents, " + sources.files().size() + " files", t);

        t = System.nanoTime();
        MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.site(config.flag("journal.markdown.smart")));
        ContentParser.Parsed parsed = new ContentParser(config, markdown).parse(sources.documents(), pool);
        problems.addAll(parsed.problems());
        stage("parse", parsed.articles().size() + " documents", t);

        t = System.nanoTime();
        ZonedDateTime now = ZonedDateTime.now(options.clock()).withZoneSameInstant(config.zone());
        SiteIndexer.Result indexed = new SiteIndexer(config, pool).index(parsed.articles(), now, options.preview());
        problems.addAll(indexed.problems());
        SiteIndex index = indexed.index();
        stage("index", index.posts().size() + " articles, " + index.tags().size() + " tags, "
                + index.authors().size() + " authors", t);
        return new Front(sources, parsed, index);
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

    /** Pages, then the site's files, then the theme's files the site does not replace. */
    private static List<OutputFile> outputFiles(List<RenderedPage> pages, List<StaticFile> files) throws IOException {
        List<OutputFile> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (RenderedPage p : pages) {
            out.add(OutputFile.generated(p.path(), p.bytes(), "the generated page " + p.path()));
            taken.add(p.path());
        }
        for (StaticFile f : files) {
            out.add(OutputFile.copied(f.target(), f.source(), f.source().getFileName().toString()));
            taken.add(f.target());
        }
        for (String asset : ThemeAssets.list()) {
            if (!taken.contains(asset)) {
                out.add(OutputFile.generated(asset, ThemeAssets.read(asset), "the theme's " + asset));
            }
        }
        return out;
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
