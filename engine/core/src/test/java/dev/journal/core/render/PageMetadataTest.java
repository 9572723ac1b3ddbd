package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.journal.core.BakeOptions;
import dev.journal.core.Baker;
import dev.journal.core.TestContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata of baked pages: Open Graph, Highwire, JSON-LD, and the switches of search and citations. */
class PageMetadataTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final String HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028";

    @TempDir
    Path dir;

    Path bake(String properties) throws Exception {
        Path src = dir.resolve("src");
        TestContent.write(src, "jbake.properties", "site.host=https://example.org/journal/\nuri.noExtension=true\n"
                + "journal.title=The Review\n" + properties);
        TestContent.write(src, "content/articles/2024/x.md", "---\ntitle: '" + HOSTILE.replace("'", "''")
                + "'\nauthors: [Ann Lee, Bo Chen]\ndate: 2024-06-28\nupdated: 2024-07-01\ntags: [Energy]\n"
                + "image: cover.png\npdf: x.pdf\nsummary: A summary.\n---\nText.\n");
        Files.write(src.resolve("content/articles/2024/cover.png"), new byte[] {1});
        Files.write(src.resolve("content/articles/2024/x.pdf"), new byte[] {1});
        TestContent.write(src, "content/pages/about.md", "---\ntitle: About\n---\nAbout us.\n");
        Path out = dir.resolve("out");
        new Baker(BakeOptions.of(src, out).withClock(CLOCK)).bake();
        return out;
    }

    @Test
    void anArticleDescribesItselfForCardsScholarsAndSearchEngines() throws Exception {
        Path out = bake("");
        String html = Files.readString(out.resolve("articles/2024/x/index.html"));
        assertEquals(1, count(html, "<script"), "the title cannot open a script element");
        assertEquals(1, count(html, "</script>"), "nor close one");
        String url = "https://example.org/journal/articles/2024/x/";
        assertTrue(html.contains("<meta property=\"og:type\" content=\"article\">"));
        assertTrue(html.contains("<meta property=\"og:url\" content=\"" + url + "\">"));
        assertTrue(html.contains("<meta property=\"og:image\" content=\"https://example.org/journal/articles/2024/cover.png\">"));
        assertTrue(html.contains("<meta property=\"article:published_time\" content=\"2024-06-28T00:00:00Z\">"));
        assertTrue(html.contains("<meta property=\"article:modified_time\" content=\"2024-07-01T00:00:00Z\">"));
        assertTrue(html.contains("<meta property=\"article:author\" content=\"https://example.org/journal/authors/bo-chen/\">"));
        assertTrue(html.contains("<meta property=\"article:tag\" content=\"Energy\">"));
        assertTrue(html.contains("<meta name=\"citation_author\" content=\"Ann Lee\">\n<meta name=\"citation_author\" content=\"Bo Chen\">"));
        assertTrue(html.contains("<meta name=\"citation_publication_date\" content=\"2024/06/28\">"));
        assertTrue(html.contains("<meta name=\"citation_pdf_url\" content=\"https://example.org/journal/articles/2024/x.pdf\">"));
        assertTrue(html.contains("<a href=\"../x.pdf\" type=\"application/pdf\">"), "the PDF's link from the page");
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>").matcher(html);
        assertTrue(ld.find());
        assertTrue(field(ld.group(1), "headline").startsWith("</script><script>alert(1)</script> & <!"),
                "the JSON-LD gives the title back unchanged");
        assertEquals("2024-07-01T00:00:00Z", field(ld.group(1), "dateModified"));
        assertTrue(Files.readString(out.resolve("articles/2024/x/x.bib")).contains("file = {https://example.org/journal/articles/2024/x.pdf}"));
        assertTrue(Files.readString(out.resolve("articles/2024/x/x.ris")).contains("L1  - https://example.org/journal/articles/2024/x.pdf\r\n"));

        String about = Files.readString(out.resolve("pages/about/index.html"));
        assertTrue(about.contains("<meta property=\"og:type\" content=\"website\">"));
        assertTrue(about.contains("<meta property=\"og:image\" content=\"https://example.org/journal/images/journal-card.png\">"));
        assertFalse(about.contains("citation_") || about.contains("ld+json"), "pages are not articles");
        assertTrue(Files.readString(out.resolve("authors/ann-lee/index.html"))
                .contains("<meta property=\"og:type\" content=\"profile\">"));
        assertTrue(Files.exists(out.resolve("search/search-index.json")));
        assertTrue(Files.readString(out.resolve("index.html")).contains(">Search</a>"));
    }

    @Test
    void searchAndCitationsCanBeSwitchedOffAndTheCardImageReplaced() throws Exception {
        Path out = bake("journal.render.search=false\njournal.render.citations=false\njournal.image=/img/card.jpg\n");
        String html = Files.readString(out.resolve("articles/2024/x/index.html"));
        assertFalse(html.contains("class=\"cite\"") || html.contains(">Search</a>"), html);
        assertFalse(Files.exists(out.resolve("search")) || Files.exists(out.resolve("articles/2024/x/x.bib")));
        assertTrue(Files.readString(out.resolve("pages/about/index.html"))
                .contains("<meta property=\"og:image\" content=\"https://example.org/journal/img/card.jpg\">"));
    }

    @Test
    void anArticleThatOpensWithAFigureIsSummarisedByItsText() throws Exception {
        SiteFixture f = new SiteFixture(dir.resolve("figures")).config("uri.noExtension=true")
                .post("2024/figure", "title: Figure\ndate: 2024-05-03\ntags: [Energy]",
                        "![Chart of things](chart.png)\n\nPrices rose in May.\n")
                .post("2024/given", "title: Given\ndate: 2024-05-02\ntags: [Energy]\nsummary: The summary given.",
                        "![Chart of things](chart.png)\n\nPrices rose in May.\n")
                .post("2024/pictures", "title: Pictures\ndate: 2024-05-01\ntags: [Energy]",
                        "![Chart of things](chart.png)\n\n[![Logo](chart.png)](chart.png)\n")
                .file("content/articles/2024/chart.png", "png");
        Path out = f.bake();
        assertTrue(SiteFixture.read(out.resolve("articles/2024/figure/index.html"))
                .contains("<meta name=\"description\" content=\"Prices rose in May.\">"));
        assertTrue(SiteFixture.read(out.resolve("articles/2024/given/index.html"))
                .contains("<meta name=\"description\" content=\"The summary given.\">"), "the front matter's wins");
        assertFalse(SiteFixture.read(out.resolve("articles/2024/pictures/index.html"))
                .contains("<meta name=\"description\""), "images alone give no summary");
        assertEquals(java.util.List.of("Prices rose in May.", "The summary given."),
                TaxonomyPagesTest.html(out.resolve("index.html")).select(".summary").eachText());
        var items = FeedsTest.json(out.resolve("tags/energy/feed.json")).get("items");
        assertEquals("Prices rose in May.", items.get(0).get("summary").asText());
        assertEquals("The summary given.", items.get(1).get("summary").asText());
        assertFalse(items.get(2).has("summary"));
        assertFalse(SiteFixture.read(out.resolve("feed.xml")).contains("Chart of things</description>"));
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    private static String field(String json, String name) throws Exception {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals(name)) {
                    p.nextToken();
                    return p.getText();
                }
            }
        }
        throw new AssertionError("no " + name + " in " + json);
    }
}
