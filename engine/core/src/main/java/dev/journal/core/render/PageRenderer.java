package dev.journal.core.render;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.Taxon;
import dev.journal.core.internal.Mix64;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.UrlPolicy;
import freemarker.template.Template;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * The render stage: the site index to pages. Plans every page first (path, template, model), then
 * renders them in parallel; no file is read or written here. Template problems are collected, the
 * same problem on many pages reported once.
 */
public final class PageRenderer {

    private final SiteConfig config;
    private final TemplateEngine templates;
    private final UrlPolicy urls;
    private final Map<String, Map<String, Object>> data;
    private final RenderMemo memo;
    private final SearchState searchState;
    /** The syntax errors of the templates, set when a render starts. */
    private volatile List<Problem> syntaxErrors = List.of();
    /** The templates with a syntax error that a page of this render needed, by their problems' paths. */
    private final Set<String> brokenAndUsed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The templates the pages of this render asked for, by name and fallback. */
    private final Set<String> wantedNames = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PageRenderer(SiteConfig config, TemplateEngine templates) {
        this(config, templates, Map.of());
    }

    /** @param data JBake's data files by their path in the data folder, for templates' {@code data.get} */
    public PageRenderer(SiteConfig config, TemplateEngine templates, Map<String, Map<String, Object>> data) {
        this(config, templates, data, null);
    }

    /**
     * A renderer that, with a {@code memo} kept by a long-lived process, reuses the last build's
     * views and digests of the documents that did not change.
     */
    public PageRenderer(SiteConfig config, TemplateEngine templates, Map<String, Map<String, Object>> data,
            RenderMemo memo) {
        this(config, templates, data, memo, null);
    }

    /**
     * A renderer that, besides, makes the search index going on from the memo {@code searchState}
     * carries from the last build process, when it has no {@code memo} of its own.
     */
    public PageRenderer(SiteConfig config, TemplateEngine templates, Map<String, Map<String, Object>> data,
            RenderMemo memo, SearchState searchState) {
        this.searchState = searchState;
        this.config = config;
        this.templates = templates;
        this.urls = new UrlPolicy(config);
        this.data = data;
        this.memo = memo;
    }

    /** The pages, or the problems that prevented some of them. */
    public record Rendered(int pages, List<Problem> problems, Map<String, Long> millis,
            Map<String, RenderRecord.Entry> record) {
        public Rendered {
            problems = List.copyOf(problems);
            millis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(millis));
        }
    }

    /** A page's {@code made} when nothing tells what its model is made from but the model itself. */
    static final long NOTHING_KNOWN = 0;

    /**
     * A page to render: where it goes, with which template, its own part of the model, and what
     * generators learn of it ({@code page} is null for a file that is not an HTML page, such as a
     * site's JBake {@code feed.ftl}). A document's page also has {@code made}: a digest of everything
     * its model is made from besides the configuration and the templates (which the render record is
     * kept for), so that a page made from the same is known to have a model of the same digest
     * without making it; {@link #NOTHING_KNOWN} for the others.
     */
    record Job(String path, String templateKey, String fallback, Model model, SitePage page, CardDigest card,
            long made) {
        Job(String path, String templateKey, String fallback, Map<String, Object> model, SitePage page) {
            this(path, templateKey, fallback, new Model(() -> model), page, new CardDigest(), NOTHING_KNOWN);
        }
    }

    /** A job's own part of the model, made the first time it is asked for: a page kept as it was never is. */
    static final class Model {
        private java.util.function.Supplier<Map<String, Object>> make;
        private Map<String, Object> made;

        Model(java.util.function.Supplier<Map<String, Object>> make) {
            this.make = make;
        }

        synchronized Map<String, Object> get() {
            if (made == null) {
                made = make.get();
                make = null;
            }
            return made;
        }
    }

    /**
     * The card digest of a job's model ({@link Fingerprints#ofCard}), made once for the job: a
     * digest is a function of the model's content, so a job that a memo carries into the next
     * build (its model made of the very same views) carries its digest too.
     */
    static final class CardDigest {
        private volatile boolean known;
        private volatile long value;

        long of(Fingerprints fingerprints, Model model) {
            if (!known) {
                value = fingerprints.ofCard(model.get());
                known = true;
            }
            return value;
        }
    }

    /** Renders into a list, for tools and tests that want every page in memory. */
    public List<RenderedPage> renderAll(SiteIndex index, ForkJoinPool pool, List<Problem> problems) {
        List<RenderedPage> pages = Collections.synchronizedList(new ArrayList<>());
        problems.addAll(render(index, pool, pages::add).problems());
        List<RenderedPage> sorted = new ArrayList<>(pages);
        sorted.sort(java.util.Comparator.comparing(RenderedPage::path));
        return sorted;
    }

    /** Starts the generators that need {@code needs}, with {@code context}. */
    @FunctionalInterface
    private interface Starter {
        void start(Generator.Needs needs, RenderContext context);
    }

    /** What generators need to keep files of the previous build (see {@link RenderContext#reuse}). */
    private record Reuse(Fingerprints fingerprints, Map<String, RenderRecord.Entry> previous, java.util.Set<String> intact,
            Map<String, RenderRecord.Entry> record) {
    }

    /** A context for generators: without pages before they are planned, and without reuse before the digests. */
    private RenderContext context(SiteIndex index, Names names, Views views, FeedPlan feeds, List<SitePage> pages,
            boolean sitemapTemplate, ForkJoinPool pool, Reuse reuse) {
        RenderContext context = new RenderContext(index, names, views, feeds, pages, templates, pool,
                sitemapTemplate);
        context.memo(memo);
        context.searchState(searchState);
        if (reuse != null) {
            context.reuse(reuse.fingerprints(), reuse.previous(), reuse.intact(), reuse.record());
        }
        return context;
    }

    /** Generator {@code g}'s run, handing its files to {@code sink} and counting them and its time. */
    private Runnable generate(int g, RenderContext context, SiteIndex index,
            java.util.function.Consumer<RenderedPage> sink, java.util.concurrent.atomic.AtomicInteger count,
            int[] generated, long[] millis, List<Problem> problems) {
        Generator generator = GENERATORS.get(g);
        return () -> {
            long start = System.nanoTime();
            try {
                for (RenderedPage page : generator.generate(index, context)) {
                    sink.accept(page);
                    count.incrementAndGet();
                    generated[g]++;
                }
            } catch (Exception e) {
                if (!reported(e)) {
                    problems.add(templates.problem(e));
                }
            }
            millis[g] = (System.nanoTime() - start) / 1_000_000;
        };
    }

    /** Every generator of non-template files, in the order they are listed in progress lines. */
    static final List<Generator> GENERATORS = List.of(new FeedGenerator(), new SitemapGenerator(),
            new CitationFiles(), new SearchIndexGenerator());

    /**
     * Renders every page and generated file, handing each to {@code sink} as soon as it is made (from
     * several threads at once), so that the site is never held in memory as a whole.
     */
    public Rendered render(SiteIndex index, ForkJoinPool pool, java.util.function.Consumer<RenderedPage> sink) {
        return render(index, pool, sink, null, java.util.Set.of());
    }

    /**
     * As {@link #render(SiteIndex, ForkJoinPool, java.util.function.Consumer)}, but a page whose
     * inputs digest as they did in {@code previous}, and whose file is among {@code intact}, is not
     * rendered again: the sink gets it as {@link RenderedPage#kept}. The result carries the record
     * of this build's pages for the next one.
     *
     * @param previous what the previous build's pages were made from; null to render every page
     * @param intact   the output files exactly as the previous build wrote them
     */
    public Rendered render(SiteIndex index, ForkJoinPool pool, java.util.function.Consumer<RenderedPage> sink,
            RenderRecord previous, java.util.Set<String> intact) {
        brokenAndUsed.clear();
        wantedNames.clear();
        syntaxErrors = syntaxErrors();
        FeedPlan feeds = new FeedPlan(config, templates.siteHas(config.get("template.feed.file")));
        boolean sitemapTemplate = config.flag("render.sitemap") && templates.siteHas(config.get("template.sitemap.file"));
        Names names = new Names(index);
        if (memo != null) {
            memo.begin(config); // before the search index, which reads the memo, starts
        }
        // the generators (feeds, sitemap, citations, search index) run beside the templates, some of
        // them single-threaded; each starts as soon as what it reads is ready
        int[] generated = new int[GENERATORS.size()];
        long[] generatorMillis = new long[GENERATORS.size()];
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        List<Problem> generatorProblems = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ForkJoinTask<?>[] generating = new java.util.concurrent.ForkJoinTask<?>[GENERATORS.size()];
        Starter starter = (needs, context) -> {
            for (int g = GENERATORS.size() - 1; g >= 0; g--) { // the search index, the longest, first
                if (GENERATORS.get(g).needs() == needs) {
                    generating[g] = pool.submit(generate(g, context, index, sink, count, generated,
                            generatorMillis, generatorProblems));
                }
            }
        };
        starter.start(Generator.Needs.NAMES, context(index, names, null, feeds, null, sitemapTemplate, pool, null));
        try {
            Views views = new Views(index, feeds, memo, names, pool);
            JBakeModel jbake = new JBakeModel(index, views, data);
            Map<String, Object> shared = shared(index, jbake, views, feeds);
            Map<String, Long> millis = new java.util.LinkedHashMap<>();
            long started = System.nanoTime();
            // digests of the shared values, and of every document's view, before pages render in parallel
            Fingerprints fingerprints = new Fingerprints();
            if (memo != null) {
                for (Article a : index.documents()) {
                    fingerprints.remember(views.of(a), memo);
                }
                memo.endDigests();
            } else {
                // the tag and author links first: every document's view lists some, and then digests them by memory
                fingerprints.rememberAll(views.links(), pool);
                fingerprints.rememberAll(views.of(index.documents()), pool);
            }
            // each shared value's name and digest as a page's digest adds them, worked out once
            Map<String, Long> sharedDigests = new HashMap<>();
            for (var e : shared.entrySet()) {
                fingerprints.remember(e.getValue());
                sharedDigests.put(e.getKey(), Mix64.string(e.getKey()) + fingerprints.ofCard(e.getValue()));
            }
            fingerprints.freeze();
            Map<String, RenderRecord.Entry> record = new java.util.concurrent.ConcurrentHashMap<>();
            Reuse reuse = new Reuse(fingerprints, previous == null ? Map.of() : previous.entries(), intact, record);
            starter.start(Generator.Needs.DIGESTS, context(index, names, views, feeds, null, sitemapTemplate, pool, reuse));
            List<Job> jobs = plan(index, views, jbake, feeds, sitemapTemplate, new PageMetadata(config, views),
                    fingerprints);
            if (memo != null) {
                memo.endDocuments();
            }
            List<SitePage> sitePages = jobs.stream().map(Job::page).filter(java.util.Objects::nonNull).toList();
            starter.start(Generator.Needs.PAGES, context(index, names, views, feeds, sitePages, sitemapTemplate, pool, reuse));
            List<Problem> problems = new ArrayList<>();
            Map<Problem, List<String>> failures = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Template> resolved = new HashMap<>();
            Set<String> warned = new HashSet<>();
            for (Job job : jobs) {
                String key = job.templateKey() + "|" + job.fallback();
                if (resolved.containsKey(key)) {
                    continue;
                }
                try {
                    String name = config.get(job.templateKey()).strip();
                    wantedNames.add(name);
                    wantedNames.add(job.fallback());
                    Optional<Template> t = templates.find(name, job.fallback(), config.jbakeLayout());
                    boolean set = config.isSet(job.templateKey());
                    if (t.isEmpty()) {
                        String message = "no template for " + job.path() + ": " + missing(job.templateKey(), name);
                        problems.add(set ? Problem.error(SiteConfig.FILE_NAME, config.line(job.templateKey()), message)
                                : Problem.error(templates.folder(), 0, message));
                    } else if (set && !name.isEmpty() && fellBack(t.get(), name) && warned.add(job.templateKey())) {
                        problems.add(Problem.warning(SiteConfig.FILE_NAME, config.line(job.templateKey()),
                                job.templateKey() + " is " + Problem.quote(name) + ", which is neither in "
                                + templates.folder() + "/ nor in the built-in theme: its pages are made with "
                                + (templates.siteHas(t.get().getName()) ? templates.folder() + "/"
                                        : "the built-in theme's ") + t.get().getName()));
                    }
                    resolved.put(key, t.orElse(null));
                } catch (IOException e) {
                    if (!reported(e)) {
                        problems.add(templates.problem(e));
                    }
                    resolved.put(key, null);
                }
            }
            java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();
            pool.submit(() -> jobs.parallelStream().forEach(job -> {
                Template t = resolved.get(job.templateKey() + "|" + job.fallback());
                if (t == null) {
                    return;
                }
                // the page's own model and the shared values count with documents and tags' links as cards;
                // the views whose tracked fields the page showed (its own document's text, usually; a tag's
                // count) count in full. A model made from the same as the last build's has the same digest,
                // which is then not worked out again.
                RenderRecord.Entry before = previous == null ? null : previous.entries().get(job.path());
                boolean wasIntact = before != null && intact.contains(job.path());
                long own = wasIntact && job.made() != NOTHING_KNOWN && job.made() == before.made()
                        ? before.own() : job.card().of(fingerprints, job.model());
                if (wasIntact && digest(own, before.read(), sharedDigests, text(before.text(), views, fingerprints))
                        == before.fingerprint()) {
                    record.put(job.path(), new RenderRecord.Entry(before.fingerprint(), before.read(), before.text(),
                            job.made(), own));
                    sink.accept(RenderedPage.kept(job.path()));
                    count.incrementAndGet();
                    kept.incrementAndGet();
                    return;
                }
                TrackingModel model = new TrackingModel(shared, job.model().get());
                byte[] bytes;
                java.util.Set<TrackedView> textRead;
                TrackedView.track();
                try {
                    bytes = templates.render(t, model);
                } catch (Exception e) {
                    if (reported(e)) {
                        return;
                    }
                    failures.computeIfAbsent(templates.problem(e), p -> Collections.synchronizedList(new ArrayList<>()))
                            .add(job.path());
                    return;
                } finally {
                    textRead = TrackedView.untrack();
                }
                List<String> read = model.read().contains(TrackingModel.ALL)
                        ? shared.keySet().stream().sorted().toList() : List.copyOf(model.read());
                List<String> text = textRead.stream().map(TrackedView::key).sorted().toList();
                record.put(job.path(), new RenderRecord.Entry(
                        digest(own, read, sharedDigests, text(text, views, fingerprints)), read, text, job.made(), own));
                sink.accept(new RenderedPage(job.path(), bytes));
                count.incrementAndGet();
            })).join();
            millis.put(jobs.size() + " pages from templates (" + kept.get() + " unchanged)",
                    (System.nanoTime() - started) / 1_000_000);
            for (int g = 0; g < GENERATORS.size(); g++) {
                generating[g].join();
                millis.put(generated[g] + " " + GENERATORS.get(g).what(), generatorMillis[g]);
            }
            problems.addAll(generatorProblems);
            problems.addAll(syntaxProblems());
            failures.forEach((p, paths) -> {
                List<String> sorted = paths.stream().sorted().toList();
                String where = sorted.size() == 1 ? "rendering " + sorted.get(0)
                        : "rendering " + sorted.size() + " pages, e.g. " + sorted.get(0);
                problems.add(Problem.error(p.path(), p.line(), p.message() + " (" + where + ")"));
            });
            problems.sort(Problem.ORDER);
            return new Rendered(count.get(), problems, millis, record);
        } finally {
            settle(generating); // a failed build leaves no generator writing behind it
        }
    }

    /** The site's templates' syntax errors, found before any page renders (see {@link TemplateEngine#syntaxErrors}). */
    private List<Problem> syntaxErrors() {
        try {
            return templates.syntaxErrors();
        } catch (IOException e) {
            return List.of(Problem.error(config.get("template.folder").strip(), 0, "cannot read the templates: " + e));
        }
    }

    /**
     * Whether a failure is a syntax error already reported with its template's line and column, which
     * a page that uses the template (or includes it) would otherwise report again, blurred.
     */
    private boolean reported(Exception e) {
        Exception broken = syntaxErrors.isEmpty() ? null : TemplateEngine.syntaxFailure(e);
        if (broken == null) {
            return false;
        }
        String path = templates.problem(broken).path();
        if (syntaxErrors.stream().noneMatch(p -> p.path().equals(path))) {
            return false; // one the first pass did not list (?interpret, a template outside the folder): said here
        }
        brokenAndUsed.add(path); // an error: a page needed the template
        return true;
    }

    /**
     * The syntax errors: an error where a page needed the template (or one it includes), a
     * warning where none did, as an old template left in the folder stops no build (JBake never
     * reads a template it does not render).
     */
    private List<Problem> syntaxProblems() {
        if (syntaxErrors.isEmpty()) {
            return List.of();
        }
        // the feeds' and sitemap's templates of a JBake site, when broken, fail their generators, which says so
        Set<String> reached = templates.reachableFrom(wantedNames);
        return syntaxErrors.stream().map(p -> brokenAndUsed.contains(p.path()) || reached == null
                || reached.contains(p.path()) ? p
                : Problem.warning(p.path(), p.line(), p.message() + " (no page of this build uses the template)"))
                .toList();
    }

    /** Waits for the generators started, whatever became of them. */
    private static void settle(java.util.concurrent.ForkJoinTask<?>[] tasks) {
        for (var task : tasks) {
            if (task != null) {
                try {
                    task.join();
                } catch (RuntimeException e) {
                    // reported by the build's own run, or lost with the build that failed
                }
            }
        }
    }

    /**
     * A page's inputs: its own model, the text it showed and the shared values its template read
     * ({@code shared}: each name's digest plus its value's).
     */
    private static long digest(long own, List<String> read, Map<String, Long> shared, long text) {
        long h = Mix64.mix(Mix64.mix(own) * 31 + text);
        for (String name : read) {
            Long term = shared.get(name);
            h = Mix64.mix(h * 31 + (term != null ? term : Mix64.string(name)));
        }
        return h;
    }

    /**
     * The digests of the tracked views of these keys, in full ({@link Fingerprints#ofTracked}; a
     * missing one counts as such).
     */
    private static long text(List<String> keys, Views views, Fingerprints fingerprints) {
        long h = 0x7E47L;
        for (String key : keys) {
            h = Mix64.mix(h * 31 + Mix64.string(key) + fingerprints.ofTracked(views.byKey(key)));
        }
        return h;
    }

    /** Why a template was not found, and what to do. */
    private String missing(String key, String name) {
        if (name.isEmpty()) {
            return key + " is not set in jbake.properties";
        }
        String folder = templates.folder();
        return config.jbakeLayout()
                ? folder + "/" + name + " does not exist (with JBake's layout, journal.layout, only the site's own"
                        + " templates are used: add it, or switch the page off in jbake.properties)"
                : name + " is neither in " + folder + "/ nor in the built-in theme";
    }

    /**
     * Whether the template found for a configured name is the page's fallback, the named file and
     * its {@code .ftlh} being in neither the site's templates nor the theme.
     */
    private static boolean fellBack(Template found, String name) {
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return !found.getName().equals(name) && !found.getName().equals(stem + ".ftlh");
    }

    /** What every page's model holds: JBake's global names and the journal's {@code site}. */
    private Map<String, Object> shared(SiteIndex index, JBakeModel jbake, Views views, FeedPlan feeds) {
        Map<String, Object> m = new HashMap<>(jbake.shared());
        m.put("authors", views.authors(index.authors()));
        m.put("archive", views.archive(index.archive()));
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", config.title());
        site.put("description", config.get("journal.description"));
        site.put("language", config.language());
        site.put("dir", dev.journal.core.internal.Languages.direction(config.language()));
        site.put("host", config.siteHost());
        site.put("nav", nav(index));
        site.put("year", index.posts().isEmpty() ? "" : Integer.toString(index.posts().get(0).date().getYear()));
        site.put("preview", index.preview());
        site.put("feeds", FeedPlan.views(feeds.site()));
        m.put("site", Collections.unmodifiableMap(site));
        return Collections.unmodifiableMap(m);
    }

    /** The masthead's navigation: the sections this build renders, then the static pages. */
    private List<Map<String, Object>> nav(SiteIndex index) {
        List<Map<String, Object>> nav = new ArrayList<>();
        if (config.flag("render.archive")) {
            nav.add(Map.of("title", "Archive", "uri", urls.file(config.get("archive.file")).uri()));
        }
        if (config.flag("render.tagsindex")) {
            nav.add(Map.of("title", "Topics", "uri", tagsIndex().uri()));
        }
        if (config.flag("journal.render.authors")) {
            nav.add(Map.of("title", "Authors", "uri", authorsIndex().uri()));
        }
        for (Article p : index.pages()) {
            nav.add(Map.of("title", p.title(), "uri", p.uri()));
        }
        if (config.journalFlag("journal.render.search")) {
            nav.add(Map.of("title", "Search", "uri", searchPage().uri()));
        }
        return List.copyOf(nav);
    }

    /** The index of tags: {@code tags/index.html}; JBake names it with {@code output.extension}. */
    UrlPolicy.Target tagsIndex() {
        String ext = config.get("output.extension").strip();
        return urls.file(config.folder("tag.path") + "/index"
                + (config.jbakeLayout() && !ext.isEmpty() ? (ext.startsWith(".") ? ext : "." + ext) : ".html"));
    }

    UrlPolicy.Target authorsIndex() {
        return urls.file(config.folder("journal.author.path") + "/index.html");
    }

    UrlPolicy.Target searchPage() {
        return urls.file(SearchIndexGenerator.pagePath(config));
    }

    /**
     * Every page of the site, in a fixed order. With JBake's layout the pages are JBake's: tag pages
     * are not split, and the journal's own pages (authors, archive years) are made only when the site
     * brings their templates.
     */
    private List<Job> plan(SiteIndex index, Views views, JBakeModel jbake, FeedPlan feeds, boolean sitemapTemplate,
            PageMetadata meta, Fingerprints fingerprints) {
        boolean jbakeLayout = config.jbakeLayout();
        boolean paginate = config.flag("index.paginate");
        List<Job> jobs = new ArrayList<>();
        List<Map<String, Object>> siteFeeds = FeedPlan.views(feeds.site());
        long siteFeedsDigest = fingerprints.of(siteFeeds);
        for (Article a : index.documents()) {
            jobs.add(document(index, views, meta, a, siteFeeds, fingerprints, siteFeedsDigest));
        }
        ZonedDateTime newest = newest(index.posts());
        int perPage = paginate ? config.number("index.posts_per_page") : Integer.MAX_VALUE;
        if (config.flag("render.index")) {
            UrlPolicy.Target home = urls.file(config.get("index.file").strip());
            paged(jobs, views, meta, index.posts(), perPage, home, "template.masterindex.file", "index",
                    Map.of("kind", "index", "title", config.title(), "description", config.get("journal.description")),
                    Map.of(), siteFeeds);
        }
        if (config.flag("render.tags")) {
            for (Taxon t : index.tags()) {
                Map<String, Object> info = Map.of("kind", "tag", "title", t.name(), "description",
                        "Articles on " + t.name());
                Map<String, Object> extra = new HashMap<>(jbake.tagPage(t));
                extra.put("tag_info", views.tag(t));
                if (jbakeLayout) {
                    jobs.add(simple(meta, t.target(), "template.tag.file", "tags", info, extra,
                            withOwn(siteFeeds, feeds.tag(t)), newest(t.articles())));
                } else {
                    paged(jobs, views, meta, t.articles(), perPage, t.target(), "template.tag.file", "tags", info,
                            extra, withOwn(siteFeeds, feeds.tag(t)));
                }
            }
        }
        if (config.flag("render.tagsindex")) {
            List<Taxon> tags = index.tags();
            if (config.get("journal.tags.sort").strip().equals("count")) {
                // stable: equal counts keep the index's order, by name
                tags = tags.stream().sorted(Comparator.comparingInt(Taxon::count).reversed()).toList();
            }
            jobs.add(simple(meta, tagsIndex(), "template.tagsindex.file", "tags-index",
                    Map.of("kind", "tags", "title", "Topics", "description", "Every topic covered by " + config.title()),
                    Map.of("tags", views.tags(tags)), siteFeeds, newest));
        }
        if (config.flag("journal.render.authors")) {
            if (journalPage("template.author.file")) {
                for (Taxon t : index.authors()) {
                    paged(jobs, views, meta, t.articles(), perPage, t.target(), "template.author.file", "author",
                            Map.of("kind", "author", "title", t.name(), "description", "Articles by " + t.name()),
                            Map.of("author", views.author(t), "author_posts", views.of(t.articles())),
                            withOwn(siteFeeds, feeds.author(t)));
                }
            }
            if (journalPage("template.authors.file")) {
                jobs.add(simple(meta, authorsIndex(), "template.authors.file", "authors",
                        Map.of("kind", "authors", "title", "Authors", "description", "The authors of " + config.title()),
                        Map.of(), siteFeeds, newest));
            }
        }
        Map<String, Object> unpaged = new HashMap<>();
        if (paginate) {
            JBakeModel.noPaging(unpaged);
        }
        if (config.flag("render.archive")) {
            jobs.add(simple(meta, urls.file(config.get("archive.file").strip()), "template.archive.file", "archive",
                    Map.of("kind", "archive", "title", "Archive", "description", "Every article, by date"),
                    unpaged, siteFeeds, newest));
            if (config.flag("journal.render.archive.years") && journalPage("template.archiveyear.file")) {
                var years = views.archive(index.archive());
                for (int i = 0; i < index.archive().size(); i++) {
                    var y = index.archive().get(i);
                    jobs.add(simple(meta, y.target(), "template.archiveyear.file", "archive-year",
                            Map.of("kind", "archive-year", "title", "Archive " + y.year(),
                                    "description", "Articles of " + y.year()),
                            Map.of("year", years.get(i)), siteFeeds,
                            newest(y.months().stream().flatMap(m -> m.articles().stream()).toList())));
                }
            }
        }
        if (config.journalFlag("journal.render.search")) {
            UrlPolicy.Target search = searchPage();
            String indexUri = UrlPolicy.encode(SearchIndexGenerator.indexPath(config));
            jobs.add(simple(meta, search, "template.search.file", "search",
                    Map.of("kind", "search", "title", "Search", "description",
                            "Search every article of " + config.title()),
                    Map.of("search_index", UrlPolicy.relative(search.outputPath(), indexUri)), siteFeeds, null));
        }
        if (config.flag("render.error404")) {
            jobs.add(simple(meta, urls.file(config.get("error404.file").strip()), notFoundRoot(index),
                    "template.error404.file", "error404",
                    Map.of("kind", "error404", "title", "Page not found", "description", ""), unpaged, siteFeeds,
                    null));
        }
        // A site's own feed or sitemap template (JBake's feed.ftl, sitemap.ftl) makes that file, in
        // place of the built-in generator's.
        if (feeds.rssFromSiteTemplate()) {
            jobs.add(generatedByTemplate(feeds.siteFile(FeedPlan.Format.RSS), "template.feed.file", "feed", unpaged));
        }
        if (sitemapTemplate) {
            jobs.add(generatedByTemplate(config.get("sitemap.file").strip(), "template.sitemap.file", "sitemap",
                    unpaged));
        }
        return jobs;
    }

    /**
     * A file JBake sites make with their own template ({@code feed.ftl}, {@code sitemap.ftl}) from
     * JBake's model; bodies are text there (see {@link Html}), so an XML template escapes them.
     */
    private static Job generatedByTemplate(String path, String templateKey, String type, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("content", JBakeModel.listContent(type, ""));
        model.put("rootpath", "");
        return new Job(path, templateKey, "", model, null);
    }

    /** Whether the site's template folder holds the template a key names (JBake's author.ftl, ...). */
    private boolean siteProvides(String templateKey) {
        return templates.siteHas(config.get(templateKey).strip());
    }

    /** A page of the journal's own (not JBake's): with JBake's layout only when the site has its template. */
    private boolean journalPage(String templateKey) {
        return !config.jbakeLayout() || siteProvides(templateKey);
    }

    /** JBake's {@code content.type} of a page that is not a document. */
    private static String jbakeType(String kind) {
        return kind.equals("index") ? "masterindex" : kind;
    }

    /** The site's feeds, then a tag's or author's own. */
    private static List<Map<String, Object>> withOwn(List<Map<String, Object>> site, List<FeedPlan.FeedFile> own) {
        List<Map<String, Object>> all = new ArrayList<>(site);
        all.addAll(FeedPlan.views(own));
        return List.copyOf(all);
    }

    /** The latest date or update among articles; null for none. */
    private static ZonedDateTime newest(List<Article> articles) {
        ZonedDateTime newest = null;
        long second = 0;
        int nano = 0;
        for (Article a : articles) { // the first of the latest instant, each instant worked out once
            ZonedDateTime d = a.lastModified().orElse(null);
            if (d != null) {
                long s = d.toEpochSecond();
                if (newest == null || s > second || s == second && d.getNano() > nano) {
                    newest = d;
                    second = s;
                    nano = d.getNano();
                }
            }
        }
        return newest;
    }

    private Job document(SiteIndex index, Views views, PageMetadata meta, Article a,
            List<Map<String, Object>> feeds, Fingerprints fingerprints, long feedsDigest) {
        Map<String, Object> view = views.of(a);
        Map<String, Object> older = null;
        Map<String, Object> newer = null;
        Optional<SiteIndex.Neighbours> neighbours = index.neighboursOf(a);
        if (neighbours.isPresent()) {
            older = neighbours.get().older() == null ? null : views.of(neighbours.get().older());
            newer = neighbours.get().newer() == null ? null : views.of(neighbours.get().newer());
        }
        List<Map<String, Object>> related = a.related().hidden() ? List.of() : views.of(index.relatedTo(a));
        long made = made(fingerprints, views, a, view, older, newer, related, feedsDigest);
        if (memo == null) {
            return document(meta, a, view, older, newer, related, feeds, made);
        }
        // the views a document's page is made of, besides the article, the configuration and the feeds
        Object[] from = new Object[3 + related.size()];
        from[0] = view;
        from[1] = older;
        from[2] = newer;
        for (int i = 0; i < related.size(); i++) {
            from[3 + i] = related.get(i);
        }
        Map<String, Object> o = older;
        Map<String, Object> n = newer;
        return memo.document(a, from, feeds, () -> {
            // made at once: a job the memo carries into later builds must not hold this build's views
            Job job = document(meta, a, view, o, n, related, feeds, made);
            job.model().get();
            return job;
        });
    }

    /**
     * What a document's page model is made from, besides the configuration and the templates: the
     * article's fields the page and its metadata ({@link PageMetadata}) read directly, with the
     * names and links of its tags and authors as the site shows them, its view in full (the page
     * shows its text), the cards of its neighbours and recommendations, and the feeds. The model
     * below is made of these alone, so equal digests mean models of equal digests. (Most of the
     * fields are in the view too, but with JBake's layout a front matter field of the same name
     * stands in the view for a derived one.)
     */
    private static long made(Fingerprints fingerprints, Views views, Article a, Map<String, Object> view,
            Map<String, Object> older, Map<String, Object> newer, List<Map<String, Object>> related, long feeds) {
        List<String> fields = new ArrayList<>(List.of(a.outputPath(), a.uri(), a.type(), a.contentPath(), a.title(),
                String.valueOf(a.summary()), String.valueOf(a.lang()), String.valueOf(a.image()),
                String.valueOf(a.date()), String.valueOf(a.lastModified().orElse(null)), Integer.toString(a.words()),
                String.valueOf(views.pdfUrl(a))));
        for (String tag : a.tags()) {
            fields.add(views.tagName(tag));
        }
        fields.add("\u0000"); // between the tags and the authors
        for (String author : a.authors()) {
            fields.add(author);
            fields.add(views.authorUri(author));
        }
        long h = 0xD0C5L;
        for (String field : fields) {
            h = Mix64.mix(h * 31 + Mix64.string(field));
        }
        for (long part : new long[] {fingerprints.of(view), fingerprints.ofCard(older), fingerprints.ofCard(newer),
            fingerprints.ofCard(related), feeds}) {
            h = Mix64.mix(h * 31 + part);
        }
        return h == NOTHING_KNOWN ? 1 : h;
    }

    /** A document's page, its model made when first asked for. */
    private Job document(PageMetadata meta, Article a, Map<String, Object> view, Map<String, Object> older,
            Map<String, Object> newer, List<Map<String, Object>> related, List<Map<String, Object>> feeds, long made) {
        String key = "template." + a.type() + ".file";
        if (config.get(key).isBlank()) {
            // a type without a template of its own is made with the post template, in either layout (the
            // parse warns); JBake 2.7.0 skips such a document, which is a page lost without a word
            key = "template.post.file";
        }
        String kind = a.isPost() ? "post" : a.type();
        return new Job(a.outputPath(), key, a.isPage() ? "page" : "post",
                new Model(() -> model(meta, a, view, older, newer, related, feeds)),
                new SitePage(a.outputPath(), a.uri(), kind, a.lastModified().orElse(null), urls.isPage(a.outputPath())),
                new CardDigest(), made);
    }

    private Map<String, Object> model(PageMetadata meta, Article a, Map<String, Object> view, Map<String, Object> older,
            Map<String, Object> newer, List<Map<String, Object>> related, List<Map<String, Object>> feeds) {
        String root = UrlPolicy.rootPath(a.outputPath());
        Map<String, Object> top = new HashMap<>();
        top.put("rootpath", root);
        if (older != null) {
            top.put("previousContent", older);
        }
        if (newer != null) {
            top.put("nextContent", newer);
        }
        Map<String, Object> content = new OverlayMap(view, top);
        String kind = a.isPost() ? "post" : a.type();
        Map<String, Object> page = pageInfo(a.outputPath(), a.uri(), kind, a.title(), a.summary(), feeds);
        meta.addArticleTo(page, a);
        Map<String, Object> model = new HashMap<>();
        model.put("content", content);
        model.put("page", page);
        model.put("rootpath", root);
        model.put("home", home(root));
        model.put("related", related);
        return model;
    }

    /**
     * The {@code rootpath} of the 404 page: the path of the site's root on its host ({@code /}, or
     * {@code /journal/} for a site.host of {@code https://example.org/journal}), not the way up from
     * the page's own folder as on every other page. A server sends the 404 page for any missing
     * address, at that address (nginx's {@code error_page}, Apache's {@code ErrorDocument}, GitHub
     * Pages, Netlify, the preview server), so its links must lead to the same files from every
     * folder: {@code css/journal.css} asked for from {@code /articles/2024/nothing/} would be
     * {@code /articles/2024/nothing/css/journal.css}. The preview serves the site at {@code /},
     * whatever site.host says. (JBake gives its 404 page an empty rootpath, which works only at
     * the root.)
     */
    private String notFoundRoot(SiteIndex index) {
        return index.preview() ? "/" : config.sitePath();
    }

    private Job simple(PageMetadata meta, UrlPolicy.Target target, String templateKey, String fallback,
            Map<String, Object> info, Map<String, Object> extra, List<Map<String, Object>> feeds,
            ZonedDateTime lastModified) {
        return simple(meta, target, UrlPolicy.rootPath(target.outputPath()), templateKey, fallback, info, extra,
                feeds, lastModified);
    }

    /** A page that is not a document's nor one of a list's pages, its links made from {@code root}. */
    private Job simple(PageMetadata meta, UrlPolicy.Target target, String root, String templateKey, String fallback,
            Map<String, Object> info, Map<String, Object> extra, List<Map<String, Object>> feeds,
            ZonedDateTime lastModified) {
        String kind = (String) info.get("kind");
        Map<String, Object> model = new HashMap<>(extra);
        model.put("content", JBakeModel.listContent(jbakeType(kind), root));
        Map<String, Object> page = pageInfo(target.outputPath(), target.uri(), kind,
                (String) info.get("title"), (String) info.get("description"), feeds);
        meta.addTo(page, "website");
        model.put("page", page);
        model.put("rootpath", root);
        model.put("home", home(root));
        return new Job(target.outputPath(), templateKey, fallback, model,
                new SitePage(target.outputPath(), target.uri(), kind, lastModified, !kind.equals("error404")));
    }

    /**
     * A list of articles split into pages, each page with JBake's paging variables. Every page's
     * last change is the list's: a new article shifts all of them.
     */
    private void paged(List<Job> jobs, Views views, PageMetadata meta, List<Article> articles, int perPage,
            UrlPolicy.Target first, String templateKey, String fallback, Map<String, Object> info,
            Map<String, Object> extra, List<Map<String, Object>> feeds) {
        int count = Math.max(1, (articles.size() + perPage - 1) / Math.max(1, perPage));
        if (perPage == Integer.MAX_VALUE) {
            count = 1;
        }
        ZonedDateTime lastModified = newest(articles);
        List<UrlPolicy.Target> targets = new ArrayList<>();
        boolean jbakeIndex = config.jbakeLayout() && templateKey.equals("template.masterindex.file");
        for (int n = 1; n <= count; n++) {
            targets.add(jbakeIndex ? JBakeModel.indexPage(urls, first, n) : urls.page(first, n));
        }
        for (int n = 1; n <= count; n++) {
            UrlPolicy.Target target = targets.get(n - 1);
            int from = perPage == Integer.MAX_VALUE ? 0 : (n - 1) * perPage;
            int to = perPage == Integer.MAX_VALUE ? articles.size() : Math.min(articles.size(), n * perPage);
            List<Map<String, Object>> slice = views.of(articles.subList(from, to));
            Map<String, Object> model = new HashMap<>(extra);
            String title = (String) info.get("title");
            String kind = (String) info.get("kind");
            Map<String, Object> pageInfo = pageInfo(target.outputPath(), target.uri(), kind,
                    n > 1 ? title + " (page " + n + ")" : title, (String) info.get("description"), feeds);
            Map<String, Object> pagination = new LinkedHashMap<>();
            pagination.put("number", n);
            pagination.put("count", count);
            pagination.put("total", articles.size());
            pagination.put("previous", n > 1 ? UrlPolicy.relative(target.outputPath(), targets.get(n - 2).uri()) : "");
            pagination.put("next", n < count ? UrlPolicy.relative(target.outputPath(), targets.get(n).uri()) : "");
            pageInfo.put("pagination", pagination);
            meta.addTo(pageInfo, "author".equals(info.get("kind")) ? "profile" : "website");
            String root = UrlPolicy.rootPath(target.outputPath());
            model.put("content", JBakeModel.listContent(jbakeType((String) info.get("kind")), root));
            model.put("page", pageInfo);
            model.put("rootpath", root);
            model.put("home", home(root));
            model.put("page_posts", slice);
            if (perPage != Integer.MAX_VALUE && articles.isEmpty()) {
                JBakeModel.noPaging(model); // as JBake renders an index without posts: one page, unpaged
            } else if (perPage != Integer.MAX_VALUE) {
                // JBake's paging variables; with paging, published_posts holds this page's posts
                model.put("published_posts", slice);
                JBakeModel.paging(model, n, targets);
            }
            jobs.add(new Job(target.outputPath(), templateKey, fallback, model,
                    new SitePage(target.outputPath(), target.uri(), kind, lastModified, true)));
        }
    }

    private Map<String, Object> pageInfo(String outputPath, String uri, String kind, String title,
            String description, List<Map<String, Object>> feeds) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("kind", kind);
        page.put("title", title);
        page.put("description", description == null ? "" : description);
        page.put("uri", uri);
        page.put("path", outputPath);
        page.put("canonical", config.siteHost() + uri);
        page.put("feeds", feeds);
        return page;
    }

    private static String home(String root) {
        return root.isEmpty() ? "./" : root;
    }
}
