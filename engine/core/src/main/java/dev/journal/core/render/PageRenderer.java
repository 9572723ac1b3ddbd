package dev.journal.core.render;

import dev.journal.core.JournalVersion;
import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.Taxon;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.UrlPolicy;
import freemarker.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public PageRenderer(SiteConfig config, TemplateEngine templates) {
        this.config = config;
        this.templates = templates;
        this.urls = new UrlPolicy(config);
    }

    /** The pages, or the problems that prevented some of them. */
    public record Rendered(List<RenderedPage> pages, List<Problem> problems) {
        public Rendered {
            pages = List.copyOf(pages);
            problems = List.copyOf(problems);
        }
    }

    /** A page to render: where it goes, with which template, and its own part of the model. */
    record Job(String path, String templateKey, String fallback, Map<String, Object> model) {
    }

    /** Every generator of non-template files, in the order they run. */
    static final List<Generator> GENERATORS = List.of();

    public Rendered render(SiteIndex index, ForkJoinPool pool) {
        RenderContext context = new RenderContext(index, templates);
        Views views = context.views();
        Map<String, Object> shared = shared(index, views);
        List<Job> jobs = plan(index, views);
        List<Problem> problems = new ArrayList<>();
        Map<Problem, List<String>> failures = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Template> resolved = new HashMap<>();
        for (Job job : jobs) {
            String key = job.templateKey() + "|" + job.fallback();
            if (resolved.containsKey(key)) {
                continue;
            }
            try {
                Optional<Template> t = templates.find(config.get(job.templateKey()), job.fallback());
                if (t.isEmpty()) {
                    problems.add(Problem.error(config.get("template.folder"), 0, "no template for " + job.path()
                            + ": " + config.get(job.templateKey()) + " is neither in the site's templates nor in the"
                            + " built-in theme"));
                }
                resolved.put(key, t.orElse(null));
            } catch (IOException e) {
                problems.add(templates.problem(e));
                resolved.put(key, null);
            }
        }
        List<RenderedPage> pages = pool.submit(() -> jobs.parallelStream().map(job -> {
            Template t = resolved.get(job.templateKey() + "|" + job.fallback());
            if (t == null) {
                return null;
            }
            Map<String, Object> model = new HashMap<>(shared);
            model.putAll(job.model());
            try {
                return new RenderedPage(job.path(), templates.render(t, model).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                failures.computeIfAbsent(templates.problem(e), p -> Collections.synchronizedList(new ArrayList<>()))
                        .add(job.path());
                return null;
            }
        }).toList()).join();
        List<RenderedPage> done = new ArrayList<>(pages.size());
        for (RenderedPage p : pages) {
            if (p != null) {
                done.add(p);
            }
        }
        for (Generator generator : GENERATORS) {
            try {
                done.addAll(generator.generate(index, context));
            } catch (Exception e) {
                problems.add(templates.problem(e));
            }
        }
        failures.forEach((p, paths) -> {
            List<String> sorted = paths.stream().sorted().toList();
            String where = sorted.size() == 1 ? "rendering " + sorted.get(0)
                    : "rendering " + sorted.size() + " pages, e.g. " + sorted.get(0);
            problems.add(Problem.error(p.path(), p.line(), p.message() + " (" + where + ")"));
        });
        problems.sort(Problem.ORDER);
        return new Rendered(done, problems);
    }

    /** What every page's model holds: JBake's global names and the journal's {@code site}. */
    private Map<String, Object> shared(SiteIndex index, Views views) {
        Map<String, Object> m = new HashMap<>();
        m.put("config", config.templateValues());
        m.put("version", JournalVersion.get());
        List<Map<String, Object>> posts = views.of(index.posts());
        m.put("published_posts", posts);
        m.put("posts", posts);
        m.put("published_pages", views.of(index.pages()));
        m.put("pages", views.of(index.pages()));
        m.put("published_content", views.of(index.documents()));
        // JBake's all_content holds drafts, which JBake renders; here drafts and scheduled articles
        // have no page outside the preview (where they are documents), so they are not listed either
        m.put("all_content", views.of(index.documents()));
        m.put("tags", views.tags(index.tags()));
        m.put("alltags", index.tags().stream().map(Taxon::name).toList());
        m.put("authors", views.authors(index.authors()));
        m.put("archive", views.archive(index.archive()));
        m.put("published_date", index.posts().isEmpty() ? new Date(0)
                : Date.from(index.posts().get(0).date().toInstant()));
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", config.title());
        site.put("description", config.get("journal.description"));
        site.put("language", config.language());
        site.put("host", config.siteHost());
        site.put("nav", nav(index));
        site.put("year", index.posts().isEmpty() ? "" : Integer.toString(index.posts().get(0).date().getYear()));
        site.put("preview", index.preview());
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
        return List.copyOf(nav);
    }

    UrlPolicy.Target tagsIndex() {
        return urls.file(config.get("tag.path").strip() + "/index.html");
    }

    UrlPolicy.Target authorsIndex() {
        return urls.file(config.get("journal.author.path").strip() + "/index.html");
    }

    /** Every page of the site, in a fixed order. */
    private List<Job> plan(SiteIndex index, Views views) {
        List<Job> jobs = new ArrayList<>();
        for (Article a : index.documents()) {
            jobs.add(document(index, views, a));
        }
        int perPage = config.flag("index.paginate") ? config.number("index.posts_per_page") : Integer.MAX_VALUE;
        if (config.flag("render.index")) {
            UrlPolicy.Target home = urls.file(config.get("index.file").strip());
            paged(jobs, views, index.posts(), perPage, home, "template.masterindex.file", "index",
                    Map.of("kind", "index", "title", config.title(), "description", config.get("journal.description")),
                    Map.of());
        }
        if (config.flag("render.tags")) {
            for (Taxon t : index.tags()) {
                paged(jobs, views, t.articles(), perPage, t.target(), "template.tag.file", "tags",
                        Map.of("kind", "tag", "title", t.name(), "description", "Articles on " + t.name()),
                        Map.of("tag", t.name(), "tag_info", views.tag(t), "tag_posts", views.of(t.articles()),
                                "tagged_posts", views.of(t.articles())));
            }
        }
        if (config.flag("render.tagsindex")) {
            jobs.add(simple(tagsIndex(), "template.tagsindex.file", "tags-index",
                    Map.of("kind", "tags", "title", "Topics", "description", "Every topic covered by " + config.title()),
                    Map.of()));
        }
        if (config.flag("journal.render.authors")) {
            for (Taxon t : index.authors()) {
                paged(jobs, views, t.articles(), perPage, t.target(), "template.author.file", "author",
                        Map.of("kind", "author", "title", t.name(), "description", "Articles by " + t.name()),
                        Map.of("author", views.author(t), "author_posts", views.of(t.articles())));
            }
            jobs.add(simple(authorsIndex(), "template.authors.file", "authors",
                    Map.of("kind", "authors", "title", "Authors", "description", "The authors of " + config.title()),
                    Map.of()));
        }
        if (config.flag("render.archive")) {
            jobs.add(simple(urls.file(config.get("archive.file").strip()), "template.archive.file", "archive",
                    Map.of("kind", "archive", "title", "Archive", "description", "Every article, by date"),
                    Map.of()));
            if (config.flag("journal.render.archive.years")) {
                var years = views.archive(index.archive());
                for (int i = 0; i < index.archive().size(); i++) {
                    var y = index.archive().get(i);
                    jobs.add(simple(y.target(), "template.archiveyear.file", "archive-year",
                            Map.of("kind", "archive-year", "title", "Archive " + y.year(),
                                    "description", "Articles of " + y.year()),
                            Map.of("year", years.get(i))));
                }
            }
        }
        if (config.flag("render.error404")) {
            jobs.add(simple(urls.file(config.get("error404.file").strip()), "template.error404.file", "error404",
                    Map.of("kind", "error404", "title", "Page not found", "description", ""), Map.of()));
        }
        return jobs;
    }

    private Job document(SiteIndex index, Views views, Article a) {
        Map<String, Object> view = views.of(a);
        String root = UrlPolicy.rootPath(a.outputPath());
        Map<String, Object> top = new HashMap<>();
        top.put("rootpath", root);
        index.neighboursOf(a).ifPresent(n -> {
            if (n.older() != null) {
                top.put("previousContent", views.of(n.older()));
            }
            if (n.newer() != null) {
                top.put("nextContent", views.of(n.newer()));
            }
        });
        Map<String, Object> content = new OverlayMap(view, top);
        Map<String, Object> page = pageInfo(a.outputPath(), a.uri(), a.isPost() ? "post" : a.type(), a.title(),
                a.summary());
        Map<String, Object> model = new HashMap<>();
        model.put("content", content);
        model.put("page", page);
        model.put("rootpath", root);
        model.put("home", home(root));
        model.put("related", a.related().hidden() ? List.of() : views.of(index.relatedTo(a)));
        String key = "template." + a.type() + ".file";
        return new Job(a.outputPath(), key, a.isPage() ? "page" : "post", model);
    }

    private Job simple(UrlPolicy.Target target, String templateKey, String fallback, Map<String, Object> info,
            Map<String, Object> extra) {
        String root = UrlPolicy.rootPath(target.outputPath());
        Map<String, Object> model = new HashMap<>(extra);
        model.put("content", Map.of("rootpath", root, "type", info.get("kind"), "title", info.get("title")));
        model.put("page", pageInfo(target.outputPath(), target.uri(), (String) info.get("kind"),
                (String) info.get("title"), (String) info.get("description")));
        model.put("rootpath", root);
        model.put("home", home(root));
        return new Job(target.outputPath(), templateKey, fallback, model);
    }

    /** A list of articles split into pages, each page with JBake's paging variables. */
    private void paged(List<Job> jobs, Views views, List<Article> articles, int perPage, UrlPolicy.Target first,
            String templateKey, String fallback, Map<String, Object> info, Map<String, Object> extra) {
        int count = Math.max(1, (articles.size() + perPage - 1) / Math.max(1, perPage));
        if (perPage == Integer.MAX_VALUE) {
            count = 1;
        }
        List<UrlPolicy.Target> targets = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            targets.add(urls.page(first, n));
        }
        for (int n = 1; n <= count; n++) {
            UrlPolicy.Target target = targets.get(n - 1);
            int from = perPage == Integer.MAX_VALUE ? 0 : (n - 1) * perPage;
            int to = perPage == Integer.MAX_VALUE ? articles.size() : Math.min(articles.size(), n * perPage);
            List<Map<String, Object>> slice = views.of(articles.subList(from, to));
            Map<String, Object> model = new HashMap<>(extra);
            String title = (String) info.get("title");
            Map<String, Object> pageInfo = pageInfo(target.outputPath(), target.uri(), (String) info.get("kind"),
                    n > 1 ? title + " (page " + n + ")" : title, (String) info.get("description"));
            Map<String, Object> pagination = new LinkedHashMap<>();
            pagination.put("number", n);
            pagination.put("count", count);
            pagination.put("total", articles.size());
            pagination.put("previous", n > 1 ? UrlPolicy.relative(target.outputPath(), targets.get(n - 2).uri()) : "");
            pagination.put("next", n < count ? UrlPolicy.relative(target.outputPath(), targets.get(n).uri()) : "");
            pageInfo.put("pagination", pagination);
            String root = UrlPolicy.rootPath(target.outputPath());
            model.put("content", Map.of("rootpath", root, "type", info.get("kind"), "title", title));
            model.put("page", pageInfo);
            model.put("rootpath", root);
            model.put("home", home(root));
            model.put("page_posts", slice);
            if (perPage != Integer.MAX_VALUE) {
                // JBake's paging variables; with paging, published_posts holds this page's posts
                model.put("published_posts", slice);
                model.put("numberOfPages", count);
                model.put("currentPageNumber", n);
                model.put("previousFileName", n > 1 ? jbakeFileName(first, targets.get(n - 2), n - 1) : "");
                model.put("nextFileName", n < count ? jbakeFileName(first, targets.get(n), n + 1) : "");
            }
            jobs.add(new Job(target.outputPath(), templateKey, fallback, model));
        }
    }

    /** JBake's previous/next file name: relative to the first page's folder ({@code 2/index.html}). */
    private static String jbakeFileName(UrlPolicy.Target first, UrlPolicy.Target target, int n) {
        String dir = first.outputPath().contains("/")
                ? first.outputPath().substring(0, first.outputPath().lastIndexOf('/') + 1) : "";
        String path = target.outputPath();
        return n == 1 ? path.substring(dir.length()) : path.startsWith(dir) ? path.substring(dir.length()) : path;
    }

    private Map<String, Object> pageInfo(String outputPath, String uri, String kind, String title,
            String description) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("kind", kind);
        page.put("title", title);
        page.put("description", description == null ? "" : description);
        page.put("uri", uri);
        page.put("path", outputPath);
        page.put("canonical", config.siteHost() + uri);
        page.put("feeds", List.of());
        return page;
    }

    private static String home(String root) {
        return root.isEmpty() ? "./" : root;
    }
}
