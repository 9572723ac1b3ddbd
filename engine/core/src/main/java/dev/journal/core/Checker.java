package dev.journal.core;

import dev.journal.core.cache.BuildCache;
import dev.journal.core.check.SiteChecks;
import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.ContentLoader;
import dev.journal.core.load.DataFiles;
import dev.journal.core.load.Sources;
import dev.journal.core.load.TemplateSources;
import dev.journal.core.parse.Body;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.ParseCache;
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
import java.util.Optional;
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
    private final Path cache;

    /**
     * @param source  the site's folder
     * @param clock   "now", which decides which articles are published
     * @param threads how many threads parse and render
     */
    public Checker(Path source, Clock clock, int threads) {
        this(source, clock, threads, null);
    }

    /**
     * A checker that reads the articles a build left in the build cache {@code cache} (null for
     * none) rather than parsing their files again, when the files did not change: after a build, as
     * in {@code mvn verify}, a check parses almost nothing, and the cached articles' bodies stay on
     * disk until a page shows them. The check writes nothing there (a changed file's article is
     * parsed into memory and not kept), and goes without a cache that no build has made or that a
     * build is using.
     */
    public Checker(Path source, Clock clock, int threads, Path cache) {
        this.source = source.toAbsolutePath().normalize();
        this.clock = clock;
        this.threads = threads;
        this.cache = cache == null ? null : cache.toAbsolutePath().normalize();
    }

    /**
     * Whether a line of jbake.properties sets a key that reading the content depends on, or that
     * checking its pages does (the folders its images and data files are looked for in).
     */
    private static boolean readingDependsOn(SiteConfig config, int line) {
        return line == 0 || java.util.stream.Stream.of("content.folder", "date.format", "header.separator",
                "journal.pages.folder", "default.type", "default.status", "journal.layout", "template.folder",
                "journal.markdown.html", "asset.folder", "data.folder").anyMatch(k -> config.line(k) == line);
    }

    /** Checks the site; content problems are in the result, only reading failures throw. */
    public CheckResult check() throws IOException {
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = ConfigLoader.load(source);
        TemplateSources templateSources = TemplateSources.read(source, config);
        problems.addAll(config.problems(templateSources.configNames()));
        Baker.notAJournal(source, config).ifPresent(problems::add);
        // with an error in jbake.properties the site is still read and rendered (each refused value
        // giving way to its default), so that one check lists every problem, unless the error is in
        // what reading it depends on (no journal at all, its folder, the headers' date format)
        if (problems.stream().anyMatch(p -> p.isError() && (!p.path().equals(SiteConfig.FILE_NAME)
                || readingDependsOn(config, p.line())))) {
            return new CheckResult(0, problems);
        }
        SiteChecks.defaultHost(config).ifPresent(problems::add);
        ForkJoinPool pool = new ForkJoinPool(threads);
        BuildCache built = null;
        try {
            built = cache == null ? null : BuildCache.openExisting(cache, Baker.cacheKey(source, config));
            Sources sources = new ContentLoader(source, config).load();
            problems.addAll(sources.problems());
            ParseCache store = built == null ? null : built.articlesToRead();
            ReadOnly cached = store == null ? null : new ReadOnly(store);
            ContentParser.Parsed parsed = new ContentParser(config, new MarkdownRenderer(MarkdownOptions.of(config)),
                    Baker.recommends(config, templateSources), config.journalFlag("journal.render.search"))
                    .parse(sources.documents(), pool, cached == null ? ParseCache.NONE : cached);
            problems.addAll(parsed.problems());
            ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(config.zone());
            // two articles on one page are one error of the parse; the first of them is rendered
            SiteIndexer.Result indexed = new SiteIndexer(config).index(ContentParser.firstOnEachPage(parsed.articles()),
                    now, false);
            problems.addAll(indexed.problems());
            TemplateEngine templates = new TemplateEngine(config, source.resolve(config.get("template.folder").strip()));
            // the data files (data.folder) the templates read, as the build hands them
            DataFiles.Loaded data = DataFiles.load(source, config);
            problems.addAll(data.problems());
            SiteOutput out = SiteOutput.rehearsed(source, config, templates, data.files(), indexed.index(),
                    sources.files(), pool, problems);
            problems.addAll(out.problems());
            Set<String> paths = out.paths();
            problems.addAll(new SiteChecks(config, indexed.index(), paths).check(parsed.articles()));
            SiteChecks.noHomePage(config, paths::contains).ifPresent(problems::add);
            return new CheckResult(sources.documents().size(), cached == null ? 0 : cached.used(), problems);
        } finally {
            pool.shutdown();
            if (built != null) {
                built.close();
            }
        }
    }

    /**
     * The articles of a store, found but never kept: new bodies stay in memory and nothing is
     * written. Counts the articles the parse kept as they were found, which are those whose body
     * is the store's rather than one in memory.
     */
    private static final class ReadOnly implements ParseCache {
        private final ParseCache store;
        private final java.util.concurrent.atomic.AtomicInteger used = new java.util.concurrent.atomic.AtomicInteger();

        ReadOnly(ParseCache store) {
            this.store = store;
        }

        @Override
        public Optional<Entry> find(String path, String digest) {
            return store.find(path, digest);
        }

        @Override
        public void keep(Entry entry) {
            if (!(entry.article().body() instanceof Body.InMemory)) { // read, not parsed
                used.incrementAndGet();
            }
        }

        @Override
        public Body body(String html, String text) {
            return Body.of(html, text);
        }

        int used() {
            return used.get();
        }
    }
}
