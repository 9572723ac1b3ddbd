package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.ContentException;
import dev.journal.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Home, tag and author pages at the edges of pagination, non-Latin tags, co-authors, drafts and
 * scheduled articles, the tag index's order, and author profiles.
 */
class TaxonomyPagesTest {

    @TempDir
    Path dir;

    static Document html(Path page) throws Exception {
        return Jsoup.parse(page.toFile(), "UTF-8");
    }

    /** Every link of a page to another page or file of the site resolves to a file. */
    static void linksResolve(Path site, Path page) throws Exception {
        for (Element a : html(page).select("a[href], link[href]")) {
            String href = a.attr("href");
            if (href.startsWith("http") || href.startsWith("mailto:") || href.startsWith("#")) {
                continue;
            }
            assertTrue(Files.isRegularFile(SiteFixture.target(site, page, href)),
                    site.relativize(page) + " links to " + href + ", which does not resolve");
        }
    }

    /** With 2 articles per page: 0, 1, exactly 2 (one full page) and 3 (one over) articles. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void paginationEdges(int articles) throws Exception {
        SiteFixture f = new SiteFixture(dir).config("""
                uri.noExtension=true
                index.paginate=true
                index.posts_per_page=2
                render.tagsindex=true
                """);
        for (int i = 1; i <= articles; i++) {
            f.post("a" + i, "title: Article " + i + "\ndate: 2024-0" + i + "-01\ntags: [Trade]\nauthor: Ann Example",
                    "Text " + i + ".");
        }
        Path site = f.bake();
        for (String first : List.of("index.html", "tags/trade/index.html", "authors/ann-example/index.html")) {
            Path page1 = site.resolve(first);
            Path page2 = site.resolve(first.replace("index.html", "2/index.html"));
            assertFalse(Files.exists(site.resolve(first.replace("index.html", "3/index.html"))));
            if (articles == 0 && !first.equals("index.html")) {
                assertFalse(Files.exists(page1), "no page for a tag or author without articles: " + first);
                continue;
            }
            Document d1 = html(page1);
            assertEquals(Math.min(articles, 2), d1.select("article.item").size(), first);
            assertEquals(articles == 3, Files.exists(page2), first);
            assertEquals(articles == 3, !d1.select("nav.pager").isEmpty(), first);
            if (articles == 0) {
                assertEquals("No articles yet.", d1.select(".empty").text());
            }
            if (articles == 3) {
                Document d2 = html(page2);
                assertEquals(List.of("Article 1"), d2.select("article.item h2").eachText(), "the oldest on page 2");
                assertEquals(List.of("Article 3", "Article 2"), d1.select("article.item h2").eachText());
                assertEquals("Page 2 of 2", d2.select("nav.pager span").text());
                assertTrue(d2.select("nav.pager a[rel=next]").isEmpty());
                linksResolve(site, page2);
            }
            linksResolve(site, page1);
        }
        assertEquals(articles == 0, html(site.resolve("tags/index.html")).select("a[href*=trade]").isEmpty());
    }

    @Test
    void paginationWithExtensions() throws Exception {
        SiteFixture f = new SiteFixture(dir).config("index.paginate=true\nindex.posts_per_page=1");
        f.post("a", "title: A\ndate: 2024-01-01\ntags: [Trade]", "A.");
        f.post("b", "title: B\ndate: 2024-02-01\ntags: [Trade]", "B.");
        Path site = f.bake();
        assertTrue(Files.isRegularFile(site.resolve("tags/trade.html")));
        assertTrue(Files.isRegularFile(site.resolve("tags/trade/2.html")));
        linksResolve(site, site.resolve("tags/trade.html"));
        linksResolve(site, site.resolve("tags/trade/2.html"));
    }

    @Test
    void nonLatinTagsHaveWorkingPagesAndLinks() throws Exception {
        Path site = new SiteFixture(dir).config("uri.noExtension=true\nrender.tagsindex=true")
                .post("2024/a", "title: A\ndate: 2024-05-01\ntags: [Россия, Việt Nam, 한반도]", "Text.")
                .post("2024/b", "title: B\ndate: 2024-06-01\ntags: [россия, \" VIỆT NAM \"]", "Text.")
                .bake();
        for (String slug : List.of("россия", "việt-nam", "한반도")) {
            assertTrue(Files.isRegularFile(site.resolve("tags/" + slug + "/index.html")), slug);
        }
        assertEquals("Россия", html(site.resolve("tags/россия/index.html")).select("h1").text(),
                "one tag for both spellings, shown as first written");
        assertEquals(2, html(site.resolve("tags/việt-nam/index.html")).select("article.item").size());
        Path article = site.resolve("articles/2024/a/index.html");
        assertEquals(List.of("Россия", "Việt Nam", "한반도"), html(article).select(".article-footer .tags a").eachText());
        for (Path page : List.of(article, site.resolve("tags/index.html"), site.resolve("tags/한반도/index.html"))) {
            linksResolve(site, page);
        }
        String href = html(article).select(".article-footer .tags a").last().attr("href");
        assertEquals("../../../tags/%ED%95%9C%EB%B0%98%EB%8F%84/", href, "links are percent-encoded");
    }

    @Test
    void coAuthoredArticlesAreOnEachAuthorsPage() throws Exception {
        Path site = new SiteFixture(dir).config("uri.noExtension=true")
                .post("joint", "title: Joint Work\ndate: 2024-05-01\nauthors: [Katrin Vogel, Daniel Okafor]", "Text.")
                .post("solo", "title: Solo\ndate: 2024-04-01\nauthor: Katrin Vogel", "Text.")
                .bake();
        Path joint = site.resolve("articles/joint/index.html");
        assertEquals("By Katrin Vogel and Daniel Okafor", html(joint).select(".article-header .byline .authors").text());
        linksResolve(site, joint);
        assertEquals(List.of("Joint Work", "Solo"),
                html(site.resolve("authors/katrin-vogel/index.html")).select("article.item h2").eachText());
        assertEquals(List.of("Joint Work"),
                html(site.resolve("authors/daniel-okafor/index.html")).select("article.item h2").eachText());
        assertEquals(List.of("Daniel Okafor", "Katrin Vogel"),
                html(site.resolve("authors/index.html")).select(".taxonomy a").eachText());
    }

    @Test
    void draftsAndScheduledArticlesAreOnNoListPage() throws Exception {
        Path site = new SiteFixture(dir).config("uri.noExtension=true\nrender.tagsindex=true\nrender.sitemap=true")
                .post("shown", "title: Shown\ndate: 2024-05-01\ntags: [Energy]\nauthor: Ann Example", "Text.")
                .post("draftqz", "title: Hidden Draft\ndate: 2024-05-02\ndraft: true\ntags: [Energy, Secret]\n"
                        + "author: Ann Example", "Text.")
                .post("laterqz", "title: Hidden Future\ndate: 2031-05-02\ntags: [Energy, Secret]\nauthor: Ghost Writer",
                        "Text.")
                .bake();
        List<String> hidden = List.of("Hidden", "Secret", "Ghost", "draftqz", "laterqz");
        try (var files = Files.walk(site)) {
            for (Path p : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")
                    && !f.toString().endsWith(".ico")).toList()) {
                String text = SiteFixture.read(p);
                for (String word : hidden) {
                    assertFalse(text.contains(word), site.relativize(p) + " mentions " + word);
                }
            }
        }
        assertEquals(1, html(site.resolve("tags/energy/index.html")).select("article.item").size());
    }

    @Test
    void theTagIndexCanBeSortedByCount() throws Exception {
        SiteFixture f = new SiteFixture(dir).config("render.tagsindex=true\njournal.tags.sort=count");
        f.post("a", "title: A\ndate: 2024-01-01\ntags: [Zinc, Arctic]", "A.");
        f.post("b", "title: B\ndate: 2024-02-01\ntags: [Zinc, Baltic]", "B.");
        f.post("c", "title: C\ndate: 2024-03-01\ntags: [Zinc, Baltic]", "C.");
        Path site = f.bake();
        assertEquals(List.of("Zinc", "Baltic", "Arctic"),
                html(site.resolve("tags/index.html")).select(".taxonomy a").eachText());
        Path byName = new SiteFixture(dir.resolve("by-name")).config("render.tagsindex=true")
                .post("a", "title: A\ndate: 2024-01-01\ntags: [Zinc, Arctic, Baltic]", "A.").bake();
        assertEquals(List.of("Arctic", "Baltic", "Zinc"),
                html(byName.resolve("tags/index.html")).select(".taxonomy a").eachText());
    }

    @Test
    void authorProfilesShowOnTheirPagesAndBesideTheirArticles() throws Exception {
        SiteFixture f = new SiteFixture(dir).config("uri.noExtension=true\nrender.sitemap=true")
                .post("2024/joint", "title: Joint\ndate: 2024-05-01\nauthors: [anna lindqvist, Daniel Okafor]", "Text.")
                .file("content/authors/anna.md", """
                        ---
                        type: author
                        name: Anna Lindqvist
                        role: Senior Fellow
                        photo: anna.jpg
                        links:
                          Website: https://anna.example.org/
                          Email: mailto:anna@example.org
                        ---
                        Anna writes on the Arctic. See [her latest](../articles/2024/joint.md).

                        A second paragraph.
                        """)
                .file("content/authors/anna.jpg", "jpeg");
        Path site = f.bake();
        Path page = site.resolve("authors/anna-lindqvist/index.html");
        Document d = html(page);
        assertEquals("Anna Lindqvist", d.select("h1").text(), "the profile's spelling of the name");
        assertEquals("Senior Fellow", d.select(".list-header .role").text());
        assertEquals(2, d.select(".author-bio p").size());
        assertEquals(List.of("https://anna.example.org/", "mailto:anna@example.org"), d.select(".author-links a").eachAttr("href"));
        assertEquals("../../authors/anna.jpg", d.select("img.author-photo").attr("src"));
        linksResolve(site, page);
        assertFalse(Files.exists(site.resolve("authors/anna/index.html")), "a profile is not a page of its own");

        Document article = html(site.resolve("articles/2024/joint/index.html"));
        assertEquals("By Anna Lindqvist and Daniel Okafor", article.select(".article-header .byline .authors").text());
        assertEquals("About the author", article.select(".about-authors h2").text(), "Daniel Okafor has no profile");
        assertTrue(article.select(".about-authors p").text().startsWith("Anna Lindqvist, Senior Fellow. Anna writes"));

        var json = FeedsTest.json(site.resolve("feed.json")).get("items").get(0).get("authors").get(0);
        assertEquals("Anna Lindqvist", json.get("name").asText());
        assertEquals(SiteFixture.HOST + "authors/anna.jpg", json.get("avatar").asText());
        assertFalse(SiteFixture.read(site.resolve("sitemap.xml")).contains("authors/anna/"));
        assertTrue(f.result().warnings().isEmpty(), f.result().warnings().toString());
    }

    @Test
    void profileMistakesAreReportedWithFileAndLine() throws Exception {
        SiteFixture f = new SiteFixture(dir)
                .post("a", "title: A\ndate: 2024-05-01\nauthor: Anna Lindqvist", "Text.")
                .file("content/authors/anna.md", "---\ntype: author\nname: Anna Lindqvist\nphoto: https://x.org/a.jpg\n"
                        + "links:\n  Site: javascript:alert(1)\n  Home: https://anna.example.org/\n  Bad: ftp://x\n---\nBio.\n")
                .file("content/authors/anna-again.md", "---\ntype: author\nname: ANNA LINDQVIST\n---\nBio.\n");
        ContentException e = assertThrows(ContentException.class, f::bake);
        List<String> errors = e.errors().stream().map(Problem::toString).toList();
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("content/authors/anna.md:3:") && m.contains("second profile")
                && m.contains("content/authors/anna-again.md")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("content/authors/anna.md:4:") && m.contains("photo")),
                errors.toString());
        // each link on its own line, not on the line of links:
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("content/authors/anna.md:6:") && m.contains("link Site ")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("content/authors/anna.md:8:") && m.contains("link Bad ")),
                errors.toString());
    }

    @Test
    void aProfileNoBylineNamesIsAWarning() throws Exception {
        SiteFixture f = new SiteFixture(dir)
                .post("a", "title: A\ndate: 2024-05-01\nauthor: Anna Lindqvist", "Text.")
                .file("content/authors/ana.md", "---\ntype: author\nname: Ana Lindqvist\n---\nBio.\n");
        f.bake();
        List<Problem> warnings = f.result().warnings();
        // the profile is the misspelt one: its own warning, once, not one on every byline that spells the name right
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("content/authors/ana.md", warnings.get(0).path());
        assertTrue(warnings.get(0).message().contains("no article is by 'Ana Lindqvist'"), warnings.toString());
    }

    @Test
    void twoProfiledAuthorsJoinedByAndInOneNameAreAWarning() throws Exception {
        SiteFixture f = new SiteFixture(dir)
                .post("a", "title: A\ndate: 2024-05-01\nauthor: Anna Lindqvist and Katrin Vogel", "Text.")
                .post("b", "title: B\ndate: 2024-05-02\nauthors: [Anna Lindqvist, Katrin Vogel]", "Text.")
                .post("c", "title: C\ndate: 2024-05-03\nauthor: Tom & Jerry", "Text.")
                .file("content/authors/anna.md", "---\ntype: author\nname: Anna Lindqvist\n---\nBio.\n")
                .file("content/authors/katrin.md", "---\ntype: author\nname: Katrin Vogel\n---\nBio.\n");
        f.bake();
        assertEquals(List.of("content/articles/a.md:4: warning: no profile for author 'Anna Lindqvist and Katrin"
                + " Vogel', which names 'Anna Lindqvist' and 'Katrin Vogel' together: separate authors with commas,"
                + " or write a list"), f.result().warnings().stream().map(Problem::toString).toList());
    }

    /**
     * An article in another language than the page that lists it carries its language on its title
     * and summary (WCAG 3.1.2), on lists, in the archive, in the related block and the neighbours'
     * links; its own page is in the site's language, with its title, summary and body marked as
     * its own, so an English article listed there needs no mark.
     */
    @Test
    void articlesInAnotherLanguageAreMarkedWhereTheyAreListed() throws Exception {
        SiteFixture f = new SiteFixture(dir).config("uri.noExtension=true\nrender.archive=true")
                .post("en", "title: Gas pipelines\ndate: 2024-05-01\ntags: [Energy]\nauthor: Ann Example",
                        "Gas pipelines and energy security.")
                .post("fr", "title: Les gazoducs\ndate: 2024-05-02\ntags: [Energy]\nauthor: Ann Example\nlang: fr",
                        "Gas pipelines et energy security.");
        Path site = f.bake();
        for (String list : List.of("index.html", "tags/energy/index.html", "authors/ann-example/index.html",
                "archive/2024/index.html")) {
            Document d = html(site.resolve(list));
            assertEquals(List.of("fr", ""), d.select(".item-title a").stream().map(e -> e.attr("lang")).toList(), list);
            assertEquals(List.of("fr", ""), d.select("p.summary").stream().map(e -> e.attr("lang")).toList(), list);
        }
        assertEquals("fr", html(site.resolve("archive.html")).select("a[href*=articles/fr]").attr("lang"));
        Document fr = html(site.resolve("articles/fr/index.html"));
        assertEquals("en", fr.select("html").attr("lang"), "the page's own words (navigation, labels) are the site's");
        assertEquals("fr", fr.select("h1 span").attr("lang"));
        assertEquals("fr", fr.select("div.article-body").attr("lang"));
        assertEquals("", fr.select("a.related-link").attr("lang"), "listed in the page's language");
        assertEquals("", fr.select("a.older span[lang]").attr("lang"));
        assertTrue(fr.select("a.older").text().endsWith("Gas pipelines"));
        Document en = html(site.resolve("articles/en/index.html"));
        assertEquals("fr", en.select("a.related-link").attr("lang"));
        assertEquals("fr", en.select("a.newer span[lang]").attr("lang"));
        assertTrue(en.select("a.newer").text().endsWith("Les gazoducs"));
    }

    /**
     * An article written right to left (Arabic in an English journal) carries dir="rtl" beside its
     * lang wherever it is marked, its citation's title too; the notes' heading and the links back
     * to a note's reference, the engine's words inside its body, stay in the site's language.
     */
    @Test
    void anArticleWrittenRightToLeftCarriesItsDirectionAndTheEnginesWordsTheSitesLanguage() throws Exception {
        SiteFixture f = new SiteFixture(dir).config("uri.noExtension=true")
                .post("en", "title: Gas pipelines\ndate: 2024-05-01\ntags: [Energy]\nauthor: Ann Example",
                        "Gas pipelines and energy security.")
                .post("ar", "title: \u0623\u0646\u0627\u0628\u064a\u0628 \u0627\u0644\u063a\u0627\u0632\ndate: 2024-05-02\n"
                        + "tags: [Energy]\nauthor: Ann Example\nlang: ar",
                        "\u0646\u0635 \u0639\u0631\u0628\u064a.[^1]\n\n[^1]: \u0645\u0644\u0627\u062d\u0638\u0629.");
        Path site = f.bake();
        Document ar = html(site.resolve("articles/ar/index.html"));
        assertEquals("", ar.select("html").attr("dir"), "the page is the site's, left to right");
        assertEquals("rtl", ar.select("h1 span[lang=ar]").attr("dir"));
        assertEquals("rtl", ar.select("div.article-body").attr("dir"));
        assertEquals("rtl", ar.select("p.citation span[lang=ar]").attr("dir"));
        assertEquals("en", ar.select("h2.footnotes-title").attr("lang"));
        assertEquals("ltr", ar.select("h2.footnotes-title").attr("dir"), "the site's words run the site's way");
        assertEquals("en", ar.select("a.footnote-backref").attr("lang"));
        Document index = html(site.resolve("index.html"));
        assertEquals(List.of("rtl", ""), index.select(".item-title a").stream().map(e -> e.attr("dir")).toList());
        assertEquals("", html(site.resolve("articles/en/index.html")).select("div.article-body").attr("dir"));
    }
}
