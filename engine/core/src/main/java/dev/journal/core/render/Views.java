package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.ArchiveYear;
import dev.journal.core.index.AuthorProfile;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.index.Taxon;
import dev.journal.core.internal.Mix64;
import dev.journal.core.internal.feed.FeedDates;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Heading;
import dev.journal.core.parse.Slugs;
import dev.journal.core.parse.UrlPolicy;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The template model's building blocks, made once per build and shared by every page: one
 * read-only map per article (JBake's document fields plus the journal's), per tag, per author and
 * per archive year. Templates get prepared values (formatted dates, links, reading time) and never
 * compute or choose content themselves.
 */
final class Views {

    /** Date and time with offset, to the second, as feeds, sitemaps and {@code <time>} want it. */
    static final DateTimeFormatter RFC_3339 = FeedDates.RFC_3339;

    private final SiteConfig config;
    private final ZonedDateTime now;
    private final Map<String, Map<String, Object>> articles = new HashMap<>();
    /** Each tag as a link (name, slug, uri, count), as articles list their tags. */
    private final Map<String, Map<String, Object>> tagLinks = new HashMap<>();
    /** Each tag with its documents, as JBake's {@code tags} list holds it. */
    private final Map<String, Map<String, Object>> tags = new HashMap<>();
    private final Map<String, Map<String, Object>> authors = new HashMap<>();
    private final Names names;
    private final int wordsPerMinute;

    /**
     * The views of a build, reusing the last build's views of unchanged documents when there is a
     * memo (on which the caller has called {@link RenderMemo#begin}); {@code names} are the index's.
     * Without a memo the documents' views are made on {@code pool}.
     */
    Views(SiteIndex index, FeedPlan feeds, RenderMemo memo, Names names, ForkJoinPool pool) {
        this.config = index.config();
        this.names = names;
        this.now = index.now();
        this.wordsPerMinute = config.number("journal.reading.wpm");
        boolean tagPages = config.flag("render.tags");
        boolean authorPages = config.flag("journal.render.authors");
        // with a memo, a link equal to the last build's is that very map, so views compare their links quickly
        for (Taxon t : index.tags()) {
            Map<String, Object> link = TrackedView.link("tag", t.key(), taxon(t, tagPages, feeds.tag(t)));
            tagLinks.put(t.key(), memo == null ? link : memo.link("tag " + t.key(), link));
        }
        for (Taxon a : index.authors()) {
            Map<String, Object> link = TrackedView.link("author", a.key(), taxon(a, authorPages, feeds.author(a)));
            authors.put(a.key(), memo == null ? link : memo.link("author " + a.key(), link));
        }
        List<Article> all = new ArrayList<>(index.documents());
        all.addAll(index.hidden());
        if (memo != null) {
            for (Article a : all) {
                // what a view is made from besides the article and the configuration
                articles.put(a.outputPath(), memo.view(a, List.of(SiteIndexer.isScheduled(a, now),
                        links(a.tags(), tagLinks), links(a.authors(), authors)), () -> article(a)));
            }
            memo.endViews();
        } else {
            // each view reads only the links made above: the views are made apart, then put in order
            @SuppressWarnings("unchecked")
            Map<String, Object>[] made = new Map[all.size()];
            pool.submit(() -> IntStream.range(0, made.length).parallel().forEach(i -> made[i] = article(all.get(i))))
                    .join();
            for (int i = 0; i < made.length; i++) {
                articles.put(all.get(i).outputPath(), made[i]);
            }
        }
        // After the articles: a tag's documents are article views, whose tag_links are the small maps.
        Map<String, List<Article>> tagged = new HashMap<>();
        for (Article a : JBakeModel.byType(index.documents(), config)) {
            for (String name : a.tags()) {
                tagged.computeIfAbsent(Slugs.key(name), k -> new ArrayList<>()).add(a);
            }
        }
        for (Taxon t : index.tags()) {
            Map<String, Object> m = taxon(t, tagPages, feeds.tag(t));
            m.put("tagged_posts", of(t.articles()));
            m.put("tagged_documents", of(tagged.getOrDefault(t.key(), List.of())));
            tags.put(t.key(), Collections.unmodifiableMap(m));
        }
    }

    /** Every tag's and author's link, as documents' views list them. */
    List<Map<String, Object>> links() {
        List<Map<String, Object>> all = new ArrayList<>(tagLinks.values());
        all.addAll(authors.values());
        return all;
    }

    Map<String, Object> of(Article a) {
        return articles.get(a.outputPath());
    }

    /**
     * The tracked view of this key ({@link TrackedView#key}): a document's view by its output path,
     * or a tag's or author's link; null when there is none.
     */
    Map<String, Object> byKey(String key) {
        if (key.startsWith("/tag/")) {
            return tagLinks.get(key.substring("/tag/".length()));
        }
        if (key.startsWith("/author/")) {
            return authors.get(key.substring("/author/".length()));
        }
        return articles.get(key);
    }

    List<Map<String, Object>> of(List<Article> list) {
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Article a : list) {
            out.add(of(a));
        }
        return Collections.unmodifiableList(out);
    }

    /** A tag as JBake's {@code tags} entries hold it: name, uri, tagged_posts, tagged_documents (and slug, count). */
    Map<String, Object> tag(Taxon t) {
        return tags.get(t.key());
    }

    Map<String, Object> author(Taxon t) {
        return authors.get(t.key());
    }

    List<Map<String, Object>> tags(List<Taxon> list) {
        return list.stream().map(this::tag).toList();
    }

    List<Map<String, Object>> authors(List<Taxon> list) {
        return list.stream().map(this::author).toList();
    }

    /**
     * HTML to print as it is: markup in the theme's auto-escaping templates, plain text in JBake's
     * {@code .ftl} templates (as JBake gives bodies), escaped in XML ones; see {@link TemplateEngine}.
     */
    static Html markup(String html) {
        return new Html(html);
    }

    /** A tag or author; {@code uri} is empty when its pages are switched off, so nothing links to them. */
    private Map<String, Object> taxon(Taxon t, boolean hasPage, List<FeedPlan.FeedFile> feeds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("slug", t.slug());
        m.put("uri", hasPage ? t.target().uri() : "");
        m.put("count", t.count());
        m.put("feeds", FeedPlan.views(feeds));
        if (t.profile() != null) {
            m.put("profile", profile(t.profile()));
        }
        return m;
    }

    /** An author's profile: {@code photo} is a URI from the site's root, {@code bio} HTML for the author's page. */
    private static Map<String, Object> profile(AuthorProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("role", p.role());
        if (p.photo() != null) {
            m.put("photo", p.photo());
        }
        m.put("links", p.links().stream().map(l -> Map.of("title", l.title(), "url", l.url())).toList());
        m.put("bio", markup(p.bioHtml()));
        m.put("summary", p.summary());
        return Collections.unmodifiableMap(m);
    }

    /**
     * One document: its front matter fields, the journal's derived fields, and JBake's fields with
     * JBake's meaning. With JBake's layout a header field wins over a derived field of the same name
     * ({@code summary}, {@code authors}, ...), as a JBake template expects the header's value.
     */
    private Map<String, Object> article(Article a) {
        boolean jbake = config.jbakeLayout();
        Map<String, Object> m = new LinkedHashMap<>(a.meta());
        java.util.function.BiConsumer<String, Object> derived = jbake ? m::putIfAbsent : m::put;
        derived.accept("draft", a.draft());
        derived.accept("file", a.sourcePath());
        derived.accept("slug", a.slug());
        if (!jbake || a.meta().containsKey("summary")) {
            derived.accept("summary", a.summary());
        }
        derived.accept("tag_links", links(a.tags(), tagLinks));
        derived.accept("author_names", a.authors());
        List<Map<String, Object>> bylines = links(a.authors(), authors);
        derived.accept("authors", bylines);
        derived.accept("profiled_authors", bylines.stream().filter(v -> v.containsKey("profile")).toList());
        derived.accept("words", a.words());
        derived.accept("reading_minutes", Math.max(1, (a.words() + wordsPerMinute / 2) / wordsPerMinute));
        derived.accept("headings", a.headings().stream().map(Views::heading).toList());
        if (a.image() != null) {
            derived.accept("image", a.image());
        }
        if (a.lang() != null || !jbake) {
            // JBake has no lang but the header's, and its templates test content.lang??
            derived.accept("lang", a.lang() != null ? a.lang() : config.language());
        }
        if (!jbake) {
            // rtl or ltr, for dir="..." beside lang="..." (the theme's macros)
            derived.accept("dir", dev.journal.core.internal.Languages.direction(a.lang() != null ? a.lang()
                    : config.language()));
        }
        putDate(m, derived, "date", a.date());
        // an update dated before the publication (warned about) is no last change: the journal's
        // pages show none, as its feeds, sitemap and metadata; JBake's templates get the field as written
        putDate(m, derived, "updated", jbake ? a.updated() : a.update().orElse(null));
        // JBake's document fields
        String jbakeUri = UrlPolicy.encode(a.outputPath());
        m.put("title", a.title());
        m.put("type", a.type());
        m.put("status", a.draft() ? "draft" : SiteIndexer.isScheduled(a, now) ? "published-date" : "published");
        m.put("uri", jbake ? jbakeUri : a.uri());
        m.remove("noExtensionUri");
        if (config.flag("uri.noExtension")) {
            m.put("noExtensionUri", a.uri());
        }
        m.put("sourceuri", jbakeUri);
        // JBake's sha1 of the file, and its cached, which JBake sets on every document (whatever the
        // header says); not its rendered, which tells whether its bake had rendered the document yet
        m.put("sha1", a.sha1());
        m.put("cached", true);
        m.put("rootpath", UrlPolicy.rootPath(a.outputPath()));
        m.put("body", new Html(a::bodyHtml, a.body().digest()));
        m.put("tags", a.tags());
        // Only a preview shows scheduled articles; the theme marks them as it marks drafts.
        m.put("scheduled", SiteIndexer.isScheduled(a, now));
        String pdf = pdfUrl(a);
        if (pdf != null) {
            String uri = resolve(a, pdfReference(a));
            m.put("pdf_url", pdf);
            m.put("pdf_href", uri != null ? UrlPolicy.relative(a.outputPath(), uri) : pdf);
        }
        if (a.isPost() && config.journalFlag("journal.render.citations")) {
            // made for the article's own page, the only page that shows it, with links relative to it
            SiteConfig site = config;
            m.put("cite", new Deferred(citeInputs(a), () -> cite(a, site)));
        }
        return TrackedView.document(a.outputPath(), m);
    }

    /**
     * An article's {@code cite} view: its formatted reference, and the links to its citation files
     * relative to its page. Made of the article and the configuration alone, so that a view a
     * preview carries into later builds holds on to no build's other views.
     */
    private static Map<String, Object> cite(Article a, SiteConfig config) {
        Citation c = Citation.reference(a, config);
        return Map.of("text", c.text(), "html", markup(c.html()),
                "bibtex_href", UrlPolicy.relative(a.outputPath(), UrlPolicy.encode(Citation.bibtexPath(a))),
                "ris_href", UrlPolicy.relative(a.outputPath(), UrlPolicy.encode(Citation.risPath(a))));
    }

    /**
     * A digest of what an article's {@code cite} view is made from besides the configuration: the
     * reference's title, authors, date and URL ({@link Citation#text}, {@link Citation#html}), and
     * the page and file paths its links are made of.
     */
    private static long citeInputs(Article a) {
        long h = Mix64.string(a.title());
        for (String name : a.authors()) {
            h = Mix64.mix(h * 31 + Mix64.string(name));
        }
        for (String s : new String[] {String.valueOf(a.date()), a.uri(), a.outputPath(), a.slug()}) {
            h = Mix64.mix(h * 31 + Mix64.string(s));
        }
        return h;
    }

    /** How to cite an article (its reference, BibTeX and RIS). */
    Citation citation(Article a) {
        return new Citation(a, config, pdfUrl(a),
                a.tags().stream().map(this::tagName).toList());
    }

    /** How a tag is displayed: as the tag's page names it (the first spelling), whatever the article wrote. */
    String tagName(String name) {
        return names.tag(name);
    }

    /** How an author is displayed: as the author's page names them. */
    String authorName(String name) {
        return names.author(name);
    }

    /** The link from an author's name to the author's page, relative to the site's root; empty if none. */
    String authorUri(String name) {
        Map<String, Object> view = authors.get(Slugs.key(name));
        return view == null ? "" : (String) view.get("uri");
    }

    /** The absolute URL of the article's PDF (front matter {@code pdf}), or null when it has none. */
    String pdfUrl(Article a) {
        String ref = pdfReference(a);
        return ref == null ? null : resolveUrl(a, ref);
    }

    private static String pdfReference(Article a) {
        return a.meta().get("pdf") instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /**
     * The absolute URL of a file named in an article's front matter: a URL as it is, a path starting
     * with {@code /} from the site's root, any other path from the article's folder in the content
     * (where Markdown images are looked up too).
     */
    String resolveUrl(Article a, String ref) {
        String uri = resolve(a, ref);
        return uri == null ? ref : config.siteHost() + uri;
    }

    /** The site-relative URI of a front matter reference, or null when it is a URL. */
    private static String resolve(Article a, String ref) {
        if (!ref.startsWith("/") && !UrlPolicy.isRelative(ref)) {
            return null;
        }
        String path;
        if (ref.startsWith("/")) {
            path = ref.substring(1);
        } else {
            int slash = a.contentPath().lastIndexOf('/');
            path = (slash < 0 ? "" : a.contentPath().substring(0, slash + 1)) + ref;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return UrlPolicy.encode(String.join("/", parts));
    }

    /** The absolute URL of a site-relative path (with or without a leading {@code /}) or a URL. */
    String absoluteUrl(String ref) {
        if (!ref.startsWith("/") && !UrlPolicy.isRelative(ref)) {
            return ref;
        }
        return config.siteHost() + UrlPolicy.encode(ref.startsWith("/") ? ref.substring(1) : ref);
    }

    /** A date as pages show it ({@code journal.date.format}). */
    String displayDate(ZonedDateTime date) {
        return names.date(date);
    }

    /** A date as JBake gives it (a {@link Date}) and as the theme uses it: ISO text and display text. */
    private void putDate(Map<String, Object> m, java.util.function.BiConsumer<String, Object> derived, String key,
            ZonedDateTime date) {
        if (date == null) {
            m.remove(key);
            return;
        }
        m.put(key, Date.from(date.toInstant()));
        derived.accept(key + "_iso", RFC_3339.format(date));
        derived.accept(key + "_display", names.date(date));
        derived.accept(key + "_year", date.getYear());
    }

    private static Map<String, Object> heading(Heading h) {
        return Map.of("level", h.level(), "id", h.id(), "text", h.text());
    }

    /** Names with the link to their page (when the name has one; hidden articles' names may not). */
    private static List<Map<String, Object>> links(List<String> names, Map<String, Map<String, Object>> known) {
        List<Map<String, Object>> out = new ArrayList<>(names.size());
        for (String name : names) {
            Map<String, Object> view = known.get(Slugs.key(name));
            out.add(view != null ? view : Map.of("name", name, "slug", Slugs.slug(name), "uri", "", "count", 0));
        }
        return Collections.unmodifiableList(out);
    }

    /** The archive as nested lists of maps: years, each with months, each with articles. */
    List<Map<String, Object>> archive(List<ArchiveYear> years) {
        List<Map<String, Object>> out = new ArrayList<>();
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", config.locale());
        for (ArchiveYear y : years) {
            List<Map<String, Object>> months = new ArrayList<>();
            for (ArchiveYear.Month month : y.months()) {
                months.add(Map.of("name", monthName.format(month.month()),
                        "iso", month.month().toString(),
                        "posts", of(month.articles())));
            }
            out.add(Map.of("year", y.year(), "uri", y.target().uri(), "count", y.count(), "months", months));
        }
        return Collections.unmodifiableList(out);
    }
}
