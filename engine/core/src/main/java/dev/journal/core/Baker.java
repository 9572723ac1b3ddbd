package dev.journal.core;

import dev.journal.core.cache.ArticleStore;
import dev.journal.core.cache.BuildCache;
import dev.journal.core.cache.BuildStamp;
import dev.journal.core.cache.EngineIdentity;
import dev.journal.core.internal.Digests;
import dev.journal.core.check.SiteChecks;
import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.internal.BackgroundSave;
import dev.journal.core.internal.FileVersion;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.ContentLoader;
import dev.journal.core.load.DataFiles;
import dev.journal.core.load.SourceStamps;
import dev.journal.core.load.Sources;
import dev.journal.core.load.StaticFile;
import dev.journal.core.load.TemplateSources;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.ParseCache;
import dev.journal.core.related.RelatedArticles;
import dev.journal.core.render.PageRenderer;
import dev.journal.core.render.RenderMemo;
import dev.journal.core.render.RenderRecord;
import dev.journal.core.render.RenderedPage;
import dev.journal.core.render.SearchState;
import dev.journal.core.render.TemplateEngine;
import dev.journal.core.write.OutputFile;
import dev.journal.core.write.OutputFolderGuard;
import dev.journal.core.write.OutputLock;
import dev.journal.core.write.SiteWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
public final class Baker implements AutoCloseable {

    /**
     * At most how many changed or removed articles a build hands the memos of the search index and
     * the recommender's text index; with more, they weigh every document, which then costs about as much.
     */
    static final int REPLACED = 1_000;

    /** Milliseconds between the progress lines of a long stage. */
    static final long PROGRESS_EVERY = 5_000;

    private final BakeOptions options;
    private final long progressEvery;
    /**
     * The template engine of this baker's last build with its configuration and templates' digest:
     * a baker that builds again and again (the preview's) parses its templates only when they change.
     */
    private TemplateEngine lastTemplates;
    private Map<String, String> lastTemplatesConfig;
    private String lastTemplatesDigest;
    /**
     * The article store of this baker's last good build, open, when the baker {@link #keepsState}:
     * the next build goes on from it in memory rather than reading and decoding the cache again.
     */
    private ArticleStore lastArticles;
    /** What the content files were at this baker's last good build, when it {@link #keepsState}. */
    private SourceStamps lastSources;
    /** The views and digests of this baker's last build, when it {@link #keepsState}. */
    private final RenderMemo renderMemo;
    /** The recommendations of this baker's last build, when it {@link #keepsState}. */
    private final RelatedArticles.Memo relatedMemo;
    /** The writer of this baker's output folder, when it {@link #keepsState}. */
    private SiteWriter lastWriter;
    /** The render record this baker last wrote, when it {@link #keepsState}, with that file's version. */
    private RenderRecord lastRecord;
    private Object lastRecordVersion;
    private final boolean keepsState;
    private boolean closed;
    /** For a baker that {@link #keepsState}: saves the cache after each build, and the last save. */
    private java.util.concurrent.ExecutorService behind;
    private java.util.concurrent.Future<?> saved;

    public Baker(BakeOptions options) {
        this(options, PROGRESS_EVERY, false);
    }

    /** A baker whose long stages say how far they got every {@code progressEvery} milliseconds. */
    Baker(BakeOptions options, long progressEvery) {
        this(options, progressEvery, false);
    }

    private Baker(BakeOptions options, long progressEvery, boolean keepsState) {
        this.progressEvery = progressEvery;
        this.options = options;
        this.keepsState = keepsState;
        this.renderMemo = keepsState ? new RenderMemo() : null;
        this.relatedMemo = keepsState ? new RelatedArticles.Memo() : null;
    }

    /**
     * A baker for a process that builds the same site again and again (the preview server): it
     * keeps in memory between builds its last good build's article store (open, its articles
     * decoded), the sources' stamps, each document's view, page model and digests, the
     * recommendations an edit cannot change, the search index's weighed documents and postings,
     * the writer's manifest and the render record, and goes on from them while no other build
     * rewrote the cache files they stand for. It saves the build cache behind each build, on its
     * own thread, once the site is written. {@link #close} waits for that and releases them.
     */
    public static Baker keepingState(BakeOptions options) {
        return new Baker(options, PROGRESS_EVERY, true);
    }

    /** Releases what the baker keeps between builds. */
    @Override
    public void close() throws IOException {
        try {
            awaitSaved().ifPresent(p -> options.log().accept("warning: " + p.message()));
        } finally {
            synchronized (this) {
                closeKept();
            }
        }
    }

    private void closeKept() throws IOException {
        closed = true;
        if (behind != null) {
            behind.shutdown();
        }
        closeArticles();
    }

    /** Closes the article store kept for the next build, if any. */
    private void closeArticles() throws IOException {
        if (lastArticles != null) {
            lastArticles.close();
            lastArticles = null;
        }
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
        notAJournal(source, config).ifPresent(problems::add);
        failOnErrors(problems);
        TemplateSources templateSources = TemplateSources.read(source, config);
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            SiteIndex index = upToIndex(new ContentLoader(source, config), source, templateSources, config, pool, problems,
                    ParseCache.NONE, SourceStamps.NONE, 0, relatedMemo, () -> null).index();
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
        boolean handedOver = false;
        Path source = options.source().toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        SiteConfig config = ConfigLoader.load(source);
        // read once: their digest, what they name and the configuration keys they read (which are
        // then not unknown)
        TemplateSources templateSources = TemplateSources.read(source, config);
        problems.addAll(config.problems(templateSources.configNames()));
        notAJournal(source, config).ifPresent(problems::add);
        if (!options.preview() && problems.stream().anyMatch(Problem::isError)) {
            // the build fails on its configuration: the errors check finds in the content and the
            // pages are listed with it, so that one run lists every problem; the preview, which
            // builds on every save, fails at once
            problems.addAll(checkedErrors(source, problems));
        }
        failOnErrors(problems);
        Path output = options.output().toAbsolutePath().normalize();
        if (Files.isRegularFile(output, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // a file where the site's folder goes: in the way, as one inside the output folder is (exit code 3)
            throw new java.nio.file.FileAlreadyExistsException(output.toString());
        }
        Optional<String> refused = OutputFolderGuard.check(output, source, List.of(
                source.resolve(config.get("content.folder").strip()),
                source.resolve(config.get("template.folder").strip()),
                source.resolve(config.get("asset.folder").strip())), options.cache());
        if (refused.isPresent()) {
            throw new ContentException(List.of(Problem.error(output.toString(), 0, "refusing to write the site: "
                    + refused.get())));
        }
        // one build at a time writes the output folder: a second waits for the first to end
        try (OutputLock writing = OutputLock.take(output, options.log())) {
            SiteWriter writer = writer(output);
            writer.restore();
            ContentLoader loader = new ContentLoader(source, config); // the stamp and the load share one walk
            long checking = System.nanoTime();
            // the sources are looked at while the last build's cache may still be being saved (the
            // preview's), which the rest waits for: nothing before this line touches the cache
            ContentLoader.Stamp sourcesNow = options.cache() == null ? null : loader.stamp();
            awaitSaved().ifPresent(problems::add);
            BuildCache cache = openCache(source, config, problems);
            Path stampFile = null;
            String inputs = null;
            if (cache != null) {
                stampFile = cacheFile("stamp", output);
                // the templates' own digest too: every file of their folder as the build reads them, whatever
                // its name (the stamp's walk passes over names the content's rules leave out, .parts/ say)
                inputs = Digests.sha256((EngineIdentity.digest() + "\n" + cache.key() + "\n" + options.preview() + "\n"
                        + output + "\n" + sourcesNow.digest() + "\n" + templateSources.digest())
                        .getBytes(StandardCharsets.UTF_8));
                BuildStamp last = BuildStamp.read(stampFile);
                // a file time too close to the last build's reading is not trusted (SourceStamps): read again
                if (last != null && last.inputs().equals(inputs) && options.clock().millis() < last.validUntil()
                        && sourcesNow.newest() < last.readFrom() - FileVersion.SETTLED_NANOS && writer.upToDate()) {
                    cache.close();
                    stage("check", "nothing changed since the last build", checking);
                    return new BakeResult(last.documents(), last.published(), last.pages(), last.copied(), last.warnings(),
                            Duration.ofNanos(System.nanoTime() - start));
                }
                BuildStamp.delete(stampFile); // this build may fail half way
                stage("check", "sources changed since the last build", checking);
            }
            ForkJoinPool pool = new ForkJoinPool(options.threads());
            // the output folder's files are looked at beside the parse and the index, which do not write
            java.util.concurrent.ForkJoinTask<Intact> intact = pool.submit(() -> Intact.of(writer));
            try {
                ArticleStore last = cache == null ? null : takeArticles(); // kept for a build with the cache
                long readFrom = cache == null ? 0 : readingStarts();
                // the recommendations: the preview's in memory; a build with the cache goes on from the last one's file
                RelatedArticles.Memo rankings = relatedMemo != null || cache == null ? relatedMemo
                        : RelatedArticles.Memo.read(cacheFile("related", output), cache.key());
                Front front = upToIndex(loader, source, templateSources, config, pool, problems, cache == null ? ParseCache.NONE
                        : cache.articles(last), cache == null ? SourceStamps.NONE : knownSources(source), readFrom,
                        rankings, () -> cache == null || keepsState ? null : cache.articles(null).replaced(REPLACED));
                List<StaticFile> files = front.files();
                ContentParser.Parsed parsed = front.parsed();
                SiteIndex index = front.index();
                DataFiles.Loaded data = front.data();
                if (!options.preview() && problems.stream().anyMatch(Problem::isError)) {
                    // the build fails: the templates' errors and what check finds of the site's pages
                    // (a missing image, a link to a page the site will not have) are found first, as
                    // `journal check` finds them (a render that writes nothing), so that one run lists
                    // every problem; the preview, which builds on every save, fails at once
                    problems.addAll(renderProblems(source, config, templateSources.digest(), index, data, files,
                            parsed.articles(), pool));
                }
                failOnErrors(problems);
                // the search index's memo: the preview's in memory; a build with the cache goes on from
                // the last one's file, with the articles whose files changed or went since as the last
                // build parsed them
                SearchState search = cache == null || keepsState ? null : new SearchState(cacheFile("search", output),
                        cache.key(), front.replaced());
                BackgroundSave rankingsSaved = null;
                if (cache != null && !keepsState) {
                    cache.commitAhead(); // the parse cache is saved beside the render; the preview's after the write
                    Path rankingsFile = cacheFile("related", output);
                    String key = cache.key();
                    rankingsSaved = BackgroundSave.start("journal-related-save", () -> rankings.write(rankingsFile, key));
                }

                long t = System.nanoTime();
                String templatesDigest = templateSources.digest();
                TemplateEngine templates = templates(source, config, templatesDigest);
                SiteWriter.Session session = writer.open(false, intact.join().files(),
                        cache == null ? System.currentTimeMillis() : readFrom / 1_000_000);
                RenderRecord renderRecord = null;
                SiteWriter.Outcome outcome;
                SiteOutput out = new SiteOutput(source, index.documents(), session, config);
                String renderKey = cache == null ? "" : Digests.sha256((cache.key() + "\n" + templatesDigest)
                        .getBytes(StandardCharsets.UTF_8));
                RenderRecord previous = cache == null || !session.updatesInPlace() ? null
                        : renderRecord(cacheFile("render", output));
                if (previous != null && !previous.key().equals(renderKey)) {
                    previous = null;
                }
                try (Progress progress = new Progress("render", -1, "files", options.log(), progressEvery)) {
                    PageRenderer.Rendered rendered = new PageRenderer(config, templates, data.files(), renderMemo, search)
                            .render(index, pool, page -> {
                                out.page(page);
                                progress.step();
                            }, previous, session.intact());
                    problems.addAll(rendered.problems());
                    if (cache != null) {
                        RenderRecord.delete(cacheFile("render", output));
                        renderRecord = new RenderRecord(renderKey, rendered.record());
                    }
                    stage("render", rendered.pages() + " pages", t);
                    rendered.millis().forEach((what, ms) -> options.log().accept(String.format(Locale.ROOT,
                            "        %6d ms    %s", ms, what)));
                    t = System.nanoTime();
                    out.copies(files, !config.jbakeLayout());
                    out.failIfNotWritten();
                    problems.addAll(out.problems());
                    SiteChecks.noHomePage(config, out::has).ifPresent(problems::add);
                    if (options.preview()) {
                        // what journal check would say (a missing image, a link to a page the site will
                        // not have), as warnings: an author who previews learns of it before CI does
                        problems.addAll(new SiteChecks(config, index, out.paths(), true).check(parsed.articles()));
                    }
                    failOnErrors(problems);
                    outcome = session.commit();
                } catch (ContentException | IOException | RuntimeException e) {
                    session.abort();
                    throw e;
                }
                stage("write", outcome.written() + " written, " + outcome.kept() + " unchanged, " + outcome.deleted()
                        + " deleted in " + output, t);
                for (String folder : outcome.leftBehind()) {
                    problems.add(Problem.warning(folder, 0, "this folder beside the output folder (an older site, or"
                            + " what an interrupted build left) could not be removed; the site is written: delete it by hand"));
                }
                List<Problem> warnings = problems.stream().distinct().sorted(Problem.ORDER).toList();
                int pages = out.count() - files.size();
                if (cache != null) {
                    SourceStamps stamps = front.stamps();
                    lastSources = keepsState ? stamps : null;
                    BuildStamp stamp = new BuildStamp(inputs, readFrom, validUntil(index), parsed.articles().size(),
                            index.documents().size(), pages, out.count() - pages, warnings);
                    BuildCache saving = cache;
                    RenderRecord record = renderRecord;
                    BackgroundSave rankingsWritten = rankingsSaved;
                    Path stampAt = stampFile;
                    Saving save = () -> {
                        saving.commit();
                        if (keepsState) {
                            keepArticles(saving.keepArticles());
                        }
                        stamps.write(sourcesFile(), source);
                        if (rankingsWritten != null) {
                            rankingsWritten.await();
                        }
                        Object recordVersion = record.write(cacheFile("render", output));
                        if (keepsState) {
                            lastRecord = record;
                            lastRecordVersion = recordVersion;
                        }
                        stamp.write(stampAt);
                    };
                    if (keepsState && saveBehind(save, saving)) {
                        handedOver = true; // the preview: the site is written; the cache is saved while the browser reloads
                    } else {
                        t = System.nanoTime();
                        save.run();
                        stage("cache", "kept for the next build", t);
                    }
                }
                return new BakeResult(parsed.articles().size(), index.documents().size(), pages,
                        out.count() - pages, warnings, Duration.ofNanos(System.nanoTime() - start));
            } finally {
                intact.quietlyJoin(); // nothing of a failed build goes on looking at the output
                pool.shutdown();
                if (cache != null && !handedOver) {
                    cache.close();
                }
            }
        }
    }

    /** The output folder's files as the previous build left them ({@link SiteWriter#intact}), or why not known. */
    private record Intact(Map<String, String> found, IOException failure) {
        static Intact of(SiteWriter writer) {
            try {
                return new Intact(writer.intact(), null);
            } catch (IOException e) {
                return new Intact(null, e);
            }
        }

        Map<String, String> files() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return found;
        }
    }

    /** Saving the build cache after a build. */
    @FunctionalInterface
    private interface Saving {
        void run() throws IOException;
    }

    /**
     * Saves the build cache on this baker's own thread, then releases it; the next build (or
     * {@link #close}) waits for it first. False, and nothing done, when the baker is closed: the
     * caller saves and releases the cache itself.
     */
    private synchronized boolean saveBehind(Saving save, BuildCache cache) {
        if (closed) {
            return false;
        }
        if (behind == null) {
            behind = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "journal-cache-saver");
                thread.setDaemon(true);
                return thread;
            });
        }
        saved = behind.submit(() -> {
            try {
                save.run();
            } finally {
                cache.close();
            }
            return null;
        });
        return true;
    }

    /**
     * Waits for the last build's cache to be saved. When that failed, forgets what this baker kept
     * in memory, so that the next build starts from the cache's files as a new process would, and
     * returns a warning saying so.
     */
    Optional<Problem> awaitSaved() throws IOException {
        java.util.concurrent.Future<?> last;
        synchronized (this) {
            last = saved;
        }
        if (last == null) {
            return Optional.empty();
        }
        try {
            last.get(); // interrupted: the save stays pending, and the next call waits for it again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the build cache was being saved");
        } catch (java.util.concurrent.ExecutionException e) {
            synchronized (this) {
                saved = null;
                closeArticles();
                lastSources = null;
                lastRecord = null;
            }
            return Optional.of(Problem.warning(options.cache().toString(), 0, "the build cache could not be saved"
                    + " after the last build (" + (e.getCause() instanceof IOException io ? IoMessage.of(io)
                    : e.getCause()) + "); this build read it again"));
        }
        synchronized (this) {
            saved = null;
        }
        return Optional.empty();
    }

    /**
     * The writer of the output folder (the options', one for the baker's life): a new one, or for a
     * baker that {@link #keepsState} the last build's, which keeps the manifest of what it wrote in
     * memory.
     */
    private synchronized SiteWriter writer(Path output) {
        if (!keepsState) {
            return new SiteWriter(output, manifestFile(output));
        }
        if (lastWriter == null) {
            lastWriter = new SiteWriter(output, manifestFile(output));
        }
        return lastWriter;
    }

    /**
     * When this build begins reading the sources, in nanoseconds since the epoch, by the earlier of
     * the computer's clock and the file system's (the time a file written now in the build cache
     * gets): file times come from the file system's clock, which on a shared or network drive may
     * lag. See {@link SourceStamps}.
     */
    private long readingStarts() throws IOException {
        Instant now = Instant.now();
        long clock = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        Path marker = options.cache().toAbsolutePath().resolve("clock");
        Files.writeString(marker, "When the last build began reading its sources.\n");
        long files = Files.getLastModifiedTime(marker).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return Math.min(clock, files);
    }

    /** The render record of the last build into the output folder: in memory while it is the one this baker wrote. */
    private RenderRecord renderRecord(Path file) {
        if (lastRecord != null && FileVersion.of(file).equals(lastRecordVersion)) {
            return lastRecord;
        }
        return RenderRecord.read(file);
    }

    /** What the content files were at the last good build: in memory, else as the build cache keeps it. */
    private SourceStamps knownSources(Path source) {
        return lastSources != null ? lastSources : SourceStamps.read(sourcesFile(), source);
    }

    /** Where the build cache keeps the sources' stamps. */
    private Path sourcesFile() {
        return options.cache().toAbsolutePath().resolve("sources");
    }

    private synchronized ArticleStore takeArticles() {
        ArticleStore last = lastArticles;
        lastArticles = null;
        return last;
    }

    private synchronized void keepArticles(ArticleStore store) throws IOException {
        if (closed && store != null) {
            store.close();
        } else {
            lastArticles = store;
        }
    }

    /**
     * The build cache, keyed on the configuration (and, inside, on the engine's code); null without
     * one, or when another build is using it.
     */
    private BuildCache openCache(Path source, SiteConfig config, List<Problem> problems) throws IOException {
        if (options.cache() == null) {
            return null;
        }
        BuildCache cache = BuildCache.open(options.cache().toAbsolutePath(), cacheKey(source, config));
        if (cache == null) {
            problems.add(Problem.warning(options.cache().toString(), 0,
                    "the build cache is in use by another build; building without it"));
        }
        return cache;
    }

    /**
     * An error when {@code source} holds neither {@code jbake.properties} nor a content folder: a
     * wrong folder given, rather than a journal without articles yet, whose build would make an
     * empty site (and a build cache) there.
     */
    static Optional<Problem> notAJournal(Path source, SiteConfig config) {
        String content = config.get("content.folder").strip();
        if (Files.isRegularFile(source.resolve(SiteConfig.FILE_NAME)) || Files.isDirectory(source.resolve(content))) {
            return Optional.empty();
        }
        return Optional.of(Problem.error(source.toString(), 0, "this folder holds neither " + SiteConfig.FILE_NAME
                + " nor a folder " + content + ": it is not a journal's folder (give the one holding them)"));
    }

    /** What the build cache of the site in {@code source} is keyed on besides the engine: its configuration file's bytes. */
    static String cacheKey(Path source, SiteConfig config) throws IOException {
        Path file = source.resolve(SiteConfig.FILE_NAME);
        // with the layout, which journal.layout=auto reads from the template folder, and which
        // decides how content is read (raw HTML, line breaks, typography)
        return Digests.sha256(Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0])
                + (config.jbakeLayout() ? "/jbake" : "/journal");
    }

    /** The template engine for this build: the last build's when the templates and configuration are the same. */
    private synchronized TemplateEngine templates(Path source, SiteConfig config, String digest) throws IOException {
        if (lastTemplates == null || !digest.equals(lastTemplatesDigest) || !config.values().equals(lastTemplatesConfig)) {
            lastTemplates = new TemplateEngine(config, source.resolve(config.get("template.folder").strip()));
            lastTemplatesConfig = config.values();
            lastTemplatesDigest = digest;
        }
        return lastTemplates;
    }

    /**
     * Whether the site shows recommended articles: always with the built-in theme; with JBake's
     * layout (where they are an addition to JBake's model) only when a template names them.
     */
    static boolean recommends(SiteConfig config, TemplateSources templates) {
        return !config.jbakeLayout() || templates.mention("related");
    }

    /** The record of what was written into {@code output}, in the build cache; null without a cache. */
    private Path manifestFile(Path output) {
        return options.cache() == null ? null : cacheFile("output", output);
    }

    /** A file of the build cache about one output folder. */
    private Path cacheFile(String name, Path output) {
        // a digest of the folder's path: two folders never share these files (as two whose paths'
        // hash codes are equal, Aa and BB, did, each build then rewriting what the other wrote)
        String id = Digests.sha256(output.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return options.cache().toAbsolutePath().resolve(name + "-" + id + (name.equals("output") ? ".manifest" : ""));
    }

    /**
     * Until when this build's result holds: the moment the earliest article scheduled for later
     * becomes due (and, in a preview, stops being marked scheduled).
     */
    private long validUntil(SiteIndex index) {
        long until = Long.MAX_VALUE;
        for (List<Article> list : List.of(index.documents(), index.hidden())) {
            for (Article a : list) {
                if (a.date() != null && a.date().isAfter(index.now())) {
                    until = Math.min(until, a.date().toInstant().toEpochMilli());
                }
            }
        }
        return until;
    }

    /**
     * What the stages before rendering hand on: the files to copy, the content files' stamps as
     * read (not their bytes, which are let go once parsed), the data files, the parse, the index,
     * and the last build's versions of the articles replaced since (null when not asked for or unknown).
     */
    private record Front(List<StaticFile> files, SourceStamps stamps, DataFiles.Loaded data,
            ContentParser.Parsed parsed, SiteIndex index, List<Article> replaced) {
    }

    /** What {@link #upToIndex} asks for the replaced articles, once the parse is done. */
    private interface Replaced {
        List<Article> get() throws IOException;
    }

    /**
     * Load, parse and index, adding problems to {@code problems}; the stamps handed on say that the
     * files were read from {@code readFrom} on. {@code replaced} gives, once the parse is done, the
     * last build's versions of the articles whose files changed or went (null when unknown or too
     * many), which a memo read from the build cache goes on from.
     */
    private Front upToIndex(ContentLoader loader, Path source, TemplateSources templates, SiteConfig config,
            ForkJoinPool pool, List<Problem> problems, ParseCache cache, SourceStamps known, long readFrom, RelatedArticles.Memo rankings,
            Replaced replaced)
            throws IOException {
        long t = System.nanoTime();
        Sources sources = loader.load(known);
        problems.addAll(sources.problems());
        DataFiles.Loaded data = DataFiles.load(source, config);
        problems.addAll(data.problems());
        stage("load", sources.documents().size() + " documents, " + sources.files().size() + " files, "
                + data.files().size() + " data files", t);

        t = System.nanoTime();
        MarkdownRenderer markdown = new MarkdownRenderer(MarkdownOptions.of(config));
        boolean related = recommends(config, templates);
        ContentParser.Parsed parsed;
        try (Progress progress = new Progress("parse", sources.documents().size(), "documents", options.log(),
                progressEvery)) {
            parsed = new ContentParser(config, markdown, related, config.journalFlag("journal.render.search"), source)
                    .parse(sources.documents(), pool, cache, progress::step);
        }
        problems.addAll(parsed.problems());
        stage("parse", parsed.articles().size() + " documents", t);
        Map<String, String> digests = new HashMap<>();
        for (Article a : parsed.articles()) {
            digests.put(a.sourcePath(), a.hash());
        }
        SourceStamps stamps = SourceStamps.of(sources.documents(), digests, readFrom);
        List<StaticFile> files = sources.files();
        List<Article> gone = replaced.get();
        if (rankings != null && rankings != relatedMemo) {
            rankings.replaced(gone);
        }

        t = System.nanoTime();
        ZonedDateTime now = ZonedDateTime.now(options.clock()).withZoneSameInstant(config.zone());
        SiteIndexer.Result indexed = new SiteIndexer(config, pool, related).keepingRecommendations(rankings)
                .index(parsed.articles(), now, options.preview());
        problems.addAll(indexed.problems());
        SiteIndex index = indexed.index();
        stage("index", index.posts().size() + " articles, " + index.tags().size() + " tags, "
                + index.authors().size() + " authors", t);
        return new Front(files, stamps, data, parsed, index, gone);
    }

    private void stage(String name, String what, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        options.log().accept(String.format(Locale.ROOT, "%-7s %6d ms  %s", name, ms, what));
    }

    /**
     * The problems a render of the site finds, writing nothing: its templates' errors, and what
     * check finds of the pages it would have (a missing image, a link to a page it will not have).
     */
    private List<Problem> renderProblems(Path source, SiteConfig config, String templatesDigest, SiteIndex index,
            DataFiles.Loaded data, List<StaticFile> files, List<Article> articles, ForkJoinPool pool) {
        try {
            List<Problem> problems = new ArrayList<>();
            // with the data files the templates read, as the real render has them
            SiteOutput out = SiteOutput.rehearsed(source, config, templates(source, config, templatesDigest),
                    data.files(), index, files, pool, problems);
            // its errors: its warnings (an article without tags, say) are check's to give, as a build that
            // succeeds does not give them either
            new SiteChecks(config, index, out.paths()).check(articles).stream().filter(Problem::isError)
                    .forEach(problems::add);
            return problems;
        } catch (IOException | RuntimeException e) {
            return List.of(); // the content's errors are reported all the same
        }
    }

    /**
     * The errors {@code journal check} finds in the site that are not among {@code known}: a check
     * goes on past an error in jbake.properties, unless reading the content depends on it. None
     * when the check cannot read the site (the configuration's errors are reported all the same).
     */
    private List<Problem> checkedErrors(Path source, List<Problem> known) {
        try {
            java.util.Set<Problem> seen = new java.util.HashSet<>(known);
            return new Checker(source, options.clock(), options.threads(), options.cache()).check().problems().stream()
                    .filter(p -> p.isError() && seen.add(p)).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void failOnErrors(List<Problem> problems) throws ContentException {
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new ContentException(problems);
        }
    }
}
