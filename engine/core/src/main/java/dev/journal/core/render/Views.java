package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.ArchiveYear;
import dev.journal.core.index.AuthorProfile;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.Taxon;
import dev.journal.core.internal.feed.FeedDates;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Heading;
import dev.journal.core.parse.Slugs;
import dev.journal.core.parse.UrlPolicy;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final Map<String, Map<String, Object>> articles = new HashMap<>();
    private final Map<String, Map<String, Object>> tags = new HashMap<>();
    private final Map<String, Map<String, Object>> authors = new HashMap<>();
    private final DateTimeFormatter display;
    private final int wordsPerMinute;
    private final ZonedDateTime now;

    Views(SiteIndex index, FeedPlan feeds) {
        this.config = index.config();
        this.display = config.displayDateFormat();
        this.wordsPerMinute = config.number("journal.reading.wpm");
        this.now = index.now();
        boolean tagPages = config.flag("render.tags");
        boolean authorPages = config.flag("journal.render.authors");
        for (Taxon t : index.tags()) {
            tags.put(t.key(), taxon(t, tagPages, feeds.tag(t)));
        }
        for (Taxon a : index.authors()) {
            authors.put(a.key(), taxon(a, authorPages, feeds.author(a)));
        }
        for (Article a : index.documents()) {
            articles.put(a.outputPath(), article(a));
        }
        for (Article a : index.hidden()) {
            articles.put(a.outputPath(), article(a));
        }
    }

    Map<String, Object> of(Article a) {
        return articles.get(a.outputPath());
    }

    List<Map<String, Object>> of(List<Article> list) {
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Article a : list) {
            out.add(of(a));
        }
        return Collections.unmodifiableList(out);
    }

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

    static TemplateHTMLOutputModel markup(String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(html);
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException("Freemarker refused markup it always accepts", e);
        }
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
        return Collections.unmodifiableMap(m);
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

    private Map<String, Object> article(Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        a.meta().forEach((k, v) -> m.put(k, v));
        m.put("title", a.title());
        m.put("type", a.type());
        m.put("status", a.draft() ? "draft" : "published");
        m.put("draft", a.draft());
        // Only a preview shows scheduled articles; the theme marks them as it marks drafts.
        m.put("scheduled", a.date() != null && a.date().isAfter(now));
        m.put("uri", a.uri());
        m.put("noExtensionUri", a.uri());
        m.put("sourceuri", a.contentPath());
        m.put("file", a.sourcePath());
        m.put("slug", a.slug());
        m.put("body", markup(a.bodyHtml()));
        m.put("summary", a.summary());
        m.put("tags", a.tags());
        m.put("tag_links", links(a.tags(), tags));
        m.put("author_names", a.authors());
        List<Map<String, Object>> bylines = links(a.authors(), authors);
        m.put("authors", bylines);
        m.put("profiled_authors", bylines.stream().filter(v -> v.containsKey("profile")).toList());
        putDate(m, "date", a.date());
        putDate(m, "updated", a.updated());
        m.put("words", a.words());
        m.put("reading_minutes", Math.max(1, (a.words() + wordsPerMinute / 2) / wordsPerMinute));
        m.put("headings", a.headings().stream().map(Views::heading).toList());
        if (a.image() != null) {
            m.put("image", a.image());
        }
        m.put("lang", a.lang() != null ? a.lang() : config.language());
        String pdf = pdfUrl(a);
        if (pdf != null) {
            String uri = resolve(a, pdfReference(a));
            m.put("pdf_url", pdf);
            m.put("pdf_href", uri != null ? UrlPolicy.relative(a.outputPath(), uri) : pdf);
        }
        if (a.isPost() && config.flag("journal.render.citations")) {
            Citation c = citation(a);
            // links relative to the article's own page, the only page that shows them
            m.put("cite", Map.of("text", c.text(), "html", markup(c.html()),
                    "bibtex_href", UrlPolicy.relative(a.outputPath(), UrlPolicy.encode(Citation.bibtexPath(a))),
                    "ris_href", UrlPolicy.relative(a.outputPath(), UrlPolicy.encode(Citation.risPath(a)))));
        }
        return Collections.unmodifiableMap(m);
    }

    /** How to cite an article (its reference, BibTeX and RIS). */
    Citation citation(Article a) {
        return new Citation(a, config, config.siteHost() + a.uri(), pdfUrl(a),
                a.tags().stream().map(this::tagName).toList());
    }

    /** How a tag is displayed: as the tag's page names it (the first spelling), whatever the article wrote. */
    String tagName(String name) {
        Map<String, Object> view = tags.get(Slugs.key(name));
        return view == null ? name : (String) view.get("name");
    }

    /** How an author is displayed: as the author's page names them. */
    String authorName(String name) {
        Map<String, Object> view = authors.get(Slugs.key(name));
        return view == null ? name : (String) view.get("name");
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
        return display.format(date);
    }

    /** A date as JBake gives it (a {@link Date}) and as the theme uses it: ISO text and display text. */
    private void putDate(Map<String, Object> m, String key, ZonedDateTime date) {
        if (date == null) {
            m.remove(key);
            return;
        }
        m.put(key, Date.from(date.toInstant()));
        m.put(key + "_iso", RFC_3339.format(date));
        m.put(key + "_display", display.format(date));
        m.put(key + "_year", date.getYear());
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
