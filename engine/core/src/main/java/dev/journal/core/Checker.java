package dev.journal.core;

import dev.journal.core.check.SiteChecks;
import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.ContentLoader;
import dev.journal.core.load.Sources;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.render.PageRenderer;
import dev.journal.core.render.TemplateEngine;
import dev.journal.core.write.OutputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Checks a site's content without writing anything: the bake's load, parse, index and render
 * stages (rendering into memory, so template errors show), then what only a reader of the whole
 * site can see ({@link SiteChecks}): unknown fields, missing images and alt texts, links to
 * unpublished articles, articles without tags. Unlike a bake it goes on past errors as far as it
 * can, so that one run reports everything.
 */
public final class Checker {

    private final Path source;
    private final Clock clock;
    private final int threads;

    /**
     * @param source  the site's folder
     * @param clock   "now", which decides which articles are published
     * @param threads how many threads parse and render
     */
    public Checker(Path source, Clock clock, int threads) {
        this.source = source.toAbsolutePath().normalize();
        this.clock = clock;
        this.threads = threads;
    }

    /** Checks the site; content problems are in the result, only reading failures throw. */
    public CheckResult check() throws IOException {
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = ConfigLoader.load(source);
        problems.addAll(config.problems());
        if (problems.stream().anyMatch(Problem::isError)) {
            return new CheckResult(0, problems);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Sources sources = new ContentLoader(source, config).load();
            problems.addAll(sources.problems());
            ContentParser.Parsed parsed = new ContentParser(config, new MarkdownRenderer(MarkdownOptions.of(config)))
                    .parse(sources.documents(), pool);
            problems.addAll(parsed.problems());
            ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(config.zone());
            SiteIndexer.Result indexed = new SiteIndexer(config).index(parsed.articles(), now, false);
            problems.addAll(indexed.problems());
            TemplateEngine templates = new TemplateEngine(config, source.resolve(config.get("template.folder").strip()));
            SiteOutput out = new SiteOutput(source, indexed.index().documents(), null);
            PageRenderer.Rendered rendered = new PageRenderer(config, templates).render(indexed.index(), pool,
                    out::page);
            problems.addAll(rendered.problems());
            out.copies(sources.files(), !config.jbakeLayout());
            problems.addAll(out.problems());
            Set<String> paths = out.paths();
            problems.addAll(new SiteChecks(config, indexed.index(), paths).check(parsed.articles()));
            return new CheckResult(sources.documents().size(), problems);
        } finally {
            pool.shutdown();
        }
    }
}
