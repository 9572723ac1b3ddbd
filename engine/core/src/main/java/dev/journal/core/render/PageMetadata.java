package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.json.Json;
import dev.journal.core.parse.Article;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable description of a page, prepared for the layout's {@code <head>}: Open Graph
 * and Twitter card tags for every page, and for articles Highwire Press {@code citation_*} tags (read
 * by Google Scholar and reference managers) and a schema.org {@code ScholarlyArticle} in JSON-LD.
 * Templates only loop over the prepared lists.
 */
final class PageMetadata {

    /** The theme's default card image (1200 × 630), used when neither article nor site has one. */
    static final String DEFAULT_IMAGE = "images/journal-card.png";
    private static final DateTimeFormatter HIGHWIRE_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT);

    private final SiteConfig config;
    private final Views views;
    private final String defaultImage;

    PageMetadata(SiteConfig config, Views views) {
        this.config = config;
        this.views = views;
        String image = config.get("journal.image").strip();
        this.defaultImage = image.isEmpty() ? absolute(DEFAULT_IMAGE) : views.absoluteUrl(image);
    }

    /** Tags of a list or index page; {@code ogType} is {@code website}, or {@code profile} for an author. */
    void addTo(Map<String, Object> page, String ogType) {
        List<Map<String, String>> og = new ArrayList<>();
        String title = (String) page.get("title");
        String description = (String) page.get("description");
        String url = (String) page.get("canonical");
        common(og, ogType, title, description, url, defaultImage);
        page.put("image", defaultImage);
        page.put("og", List.copyOf(og));
        page.put("twitter", twitter(title, description, defaultImage));
        page.put("citation", List.of());
    }

    /**
     * Tags of an article's page: Open Graph {@code article}, Highwire and JSON-LD as well. Static
     * pages and documents of custom types are described as {@code website}.
     */
    void addArticleTo(Map<String, Object> page, Article a) {
        if (!a.isPost()) {
            addTo(page, "website");
            return;
        }
        String url = (String) page.get("canonical");
        String image = a.image() != null && !a.image().isBlank() ? views.resolveUrl(a, a.image()) : null;
        String cardImage = image != null ? image : defaultImage;
        List<Map<String, String>> og = new ArrayList<>();
        common(og, "article", a.title(), a.summary(), url, cardImage);
        if (a.date() != null) {
            og.add(property("article:published_time", Views.RFC_3339.format(a.date())));
        }
        a.lastModified().ifPresent(d -> og.add(property("article:modified_time", Views.RFC_3339.format(d))));
        for (String author : authorUrls(a)) {
            og.add(property("article:author", author));
        }
        for (String tag : a.tags()) {
            og.add(property("article:tag", views.tagName(tag)));
        }
        page.put("image", cardImage);
        page.put("og", List.copyOf(og));
        page.put("twitter", twitter(a.title(), a.summary(), cardImage));
        page.put("citation", highwire(a, url));
        page.put("jsonld", Views.markup(jsonLd(a, url, image)));
    }

    private void common(List<Map<String, String>> og, String type, String title, String description, String url,
            String image) {
        og.add(property("og:type", type));
        og.add(property("og:site_name", config.title()));
        og.add(property("og:title", title));
        if (description != null && !description.isBlank()) {
            og.add(property("og:description", description));
        }
        og.add(property("og:url", url));
        og.add(property("og:image", image));
        if (image.equals(absolute(DEFAULT_IMAGE))) {
            og.add(property("og:image:width", "1200"));
            og.add(property("og:image:height", "630"));
            og.add(property("og:image:alt", config.title()));
        }
    }

    private static List<Map<String, String>> twitter(String title, String description, String image) {
        List<Map<String, String>> tags = new ArrayList<>();
        tags.add(name("twitter:card", "summary_large_image"));
        tags.add(name("twitter:title", title));
        if (description != null && !description.isBlank()) {
            tags.add(name("twitter:description", description));
        }
        tags.add(name("twitter:image", image));
        return List.copyOf(tags);
    }

    /** Highwire Press tags, in the order Google Scholar's inclusion guidelines list them. */
    private List<Map<String, String>> highwire(Article a, String url) {
        List<Map<String, String>> tags = new ArrayList<>();
        tags.add(name("citation_title", a.title()));
        for (String author : a.authors()) {
            tags.add(name("citation_author", author));
        }
        if (a.date() != null) {
            tags.add(name("citation_publication_date", HIGHWIRE_DATE.format(a.date())));
        }
        tags.add(name("citation_journal_title", config.title()));
        tags.add(name("citation_language", a.lang() != null ? a.lang() : config.language()));
        tags.add(name("citation_fulltext_html_url", url));
        String pdf = views.pdfUrl(a);
        if (pdf != null) {
            tags.add(name("citation_pdf_url", pdf));
        }
        return List.copyOf(tags);
    }

    /** Each author's page on this site, or the name when the author has none (a hidden article's). */
    private List<String> authorUrls(Article a) {
        List<String> out = new ArrayList<>();
        for (String name : a.authors()) {
            String uri = views.authorUri(name);
            out.add(uri.isEmpty() ? name : absolute(uri));
        }
        return out;
    }

    private String jsonLd(Article a, String url, String image) {
        String publisher = config.siteHost();
        return Json.scriptSafe(g -> {
            g.writeStartObject();
            g.writeStringField("@context", "https://schema.org");
            g.writeStringField("@type", "ScholarlyArticle");
            g.writeStringField("@id", url);
            g.writeStringField("url", url);
            g.writeStringField("mainEntityOfPage", url);
            g.writeStringField("headline", a.title());
            g.writeStringField("name", a.title());
            if (!a.summary().isBlank()) {
                g.writeStringField("description", a.summary());
            }
            g.writeStringField("inLanguage", a.lang() != null ? a.lang() : config.language());
            if (a.date() != null) {
                g.writeStringField("datePublished", Views.RFC_3339.format(a.date()));
            }
            ZonedDateTime modified = a.lastModified().orElse(null);
            if (modified != null) {
                g.writeStringField("dateModified", Views.RFC_3339.format(modified));
            }
            if (!a.authors().isEmpty()) {
                g.writeArrayFieldStart("author");
                for (String name : a.authors()) {
                    g.writeStartObject();
                    g.writeStringField("@type", "Person");
                    g.writeStringField("name", name);
                    String uri = views.authorUri(name);
                    if (!uri.isEmpty()) {
                        g.writeStringField("url", absolute(uri));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!a.tags().isEmpty()) {
                g.writeArrayFieldStart("keywords");
                for (String tag : a.tags()) {
                    g.writeString(views.tagName(tag));
                }
                g.writeEndArray();
            }
            g.writeNumberField("wordCount", a.words());
            g.writeStringField("image", image != null ? image : defaultImage);
            g.writeObjectFieldStart("isPartOf");
            g.writeStringField("@type", "Periodical");
            g.writeStringField("name", config.title());
            g.writeStringField("url", publisher);
            g.writeEndObject();
            g.writeObjectFieldStart("publisher");
            g.writeStringField("@type", "Organization");
            g.writeStringField("name", config.title());
            g.writeStringField("url", publisher);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private String absolute(String uri) {
        return config.siteHost() + uri;
    }

    private static Map<String, String> property(String property, String content) {
        return Map.of("property", property, "content", content);
    }

    private static Map<String, String> name(String name, String content) {
        return Map.of("name", name, "content", content);
    }
}
