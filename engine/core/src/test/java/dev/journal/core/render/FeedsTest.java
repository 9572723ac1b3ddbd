package dev.journal.core.render;

import static dev.journal.core.render.SiteFixture.HOST;
import static dev.journal.core.render.SiteFixture.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeds of a small site, read back with Rome (RSS, Atom) and Jackson (JSON Feed, checked
 * against the 1.1 spec's structure): entries, ids, dates, authors, categories, absolute links,
 * drafts and scheduled articles left out, per-tag and per-author feeds, and what pages advertise.
 */
class FeedsTest {

    @TempDir
    static Path tmp;

    static Path site;

    static final String ALPHA = HOST + "articles/2024/alpha/";
    static final String BETA = HOST + "articles/2024/beta/";
    static final String GAMMA = HOST + "articles/2025/gamma/";

    @BeforeAll
    static void bake() throws Exception {
        site = fixture(tmp.resolve("main")).bake();
    }

    static SiteFixture fixture(Path root) {
        return new SiteFixture(root)
                .config("""
                        journal.title=Test & Review
                        journal.description=A journal <for> tests
                        uri.noExtension=true
                        render.sitemap=true
                        """)
                .post("2024/alpha", """
                        title: "Alpha & Omega"
                        author: Katrin Vogel
                        date: 2024-03-01
                        tags: [Россия, Energy]
                        summary: "Prices <b>rise</b> & fall"
                        """, """
                        See [beta](beta.md), [its notes](beta.md#notes), a chart: ![chart](chart.png), a note.[^1]
                        An [outside link](https://example.org/x?a=1&b=2) and [mail](mailto:desk@example.org).

                        <p><img src="pic.png" srcset="pic.png 1x, pic@2x.png 2x" alt=""></p>

                        [^1]: The note.
                        """)
                .post("2024/beta", """
                        title: Beta
                        authors: [Katrin Vogel, Daniel Okafor]
                        date: 2024-07-10T14:30:00+02:00
                        updated: 2024-08-01T09:00:00+02:00
                        tags: [Việt Nam, 한반도]
                        """, "First paragraph of beta.\n\n## Notes\n\nMore.")
                .post("2025/gamma", """
                        title: Gamma
                        author: Daniel Okafor
                        date: 2025-01-02
                        tags: [energy]
                        lang: fr
                        """, "Texte de gamma.")
                .post("2025/draft", """
                        title: Secret Draft
                        author: Ghost Writer
                        date: 2025-01-03
                        draft: true
                        tags: [Secret]
                        """, "Unfinished.")
                .post("2025/later", """
                        title: Secret Future
                        author: Ghost Writer
                        date: 2031-01-01
                        tags: [Secret]
                        """, "Not yet.")
                .file("content/articles/2024/chart.png", "not really a png");
    }

    static SyndFeed rome(Path file) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        return input.build(new StringReader(read(file)));
    }

    static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    static List<String> links(SyndEntry e) {
        return e.getLinks().stream().map(SyndLink::getHref).toList();
    }

    @Test
    void siteRssReadsBackWithRome() throws Exception {
        SyndFeed rss = rome(site.resolve("feed.xml"));
        assertEquals("rss_2.0", rss.getFeedType());
        assertEquals("Test & Review", rss.getTitle());
        assertEquals(HOST, rss.getLink());
        assertEquals(List.of("Gamma", "Beta", "Alpha & Omega"), rss.getEntries().stream().map(SyndEntry::getTitle).toList());
        SyndEntry beta = rss.getEntries().get(1);
        assertEquals(BETA, beta.getLink());
        assertEquals(BETA, beta.getUri(), "the guid is the permalink");
        assertEquals(Instant.parse("2024-07-10T12:30:00Z"), beta.getPublishedDate().toInstant());
        DCModule dc = (DCModule) beta.getModule(DCModule.URI);
        assertEquals(List.of("Katrin Vogel", "Daniel Okafor"), dc.getCreators());
        assertEquals(List.of("Việt Nam", "한반도"), beta.getCategories().stream().map(SyndCategory::getName).toList());
        SyndEntry alpha = rss.getEntries().get(2);
        assertEquals(List.of("Россия", "Energy"), alpha.getCategories().stream().map(SyndCategory::getName).toList());
        assertEquals("Prices &lt;b&gt;rise&lt;/b&gt; &amp; fall", alpha.getDescription().getValue(),
                "the plain-text summary is escaped for HTML, since RSS descriptions are HTML");
        assertEquals(1, alpha.getContents().size(), "content:encoded carries the full HTML");
        String raw = read(site.resolve("feed.xml"));
        assertTrue(raw.contains("<pubDate>Wed, 10 Jul 2024 14:30:00 +0200</pubDate>"), "RFC 822 with the date's zone");
        assertTrue(raw.contains("<atom:link href=\"" + HOST + "feed.xml\" rel=\"self\""), raw);
        assertFalse(raw.contains("Secret"), "drafts and scheduled articles stay out");
    }

    @Test
    void siteAtomReadsBackWithRome() throws Exception {
        SyndFeed atom = rome(site.resolve("atom.xml"));
        assertEquals("atom_1.0", atom.getFeedType());
        assertEquals(HOST + "atom.xml", atom.getUri());
        assertEquals(3, atom.getEntries().size());
        SyndEntry beta = atom.getEntries().get(1);
        assertEquals(BETA, beta.getUri());
        assertEquals(List.of(BETA), links(beta));
        assertEquals(Instant.parse("2024-07-10T12:30:00Z"), beta.getPublishedDate().toInstant());
        assertEquals(Instant.parse("2024-08-01T07:00:00Z"), beta.getUpdatedDate().toInstant());
        assertEquals(List.of("Katrin Vogel", "Daniel Okafor"), beta.getAuthors().stream().map(SyndPerson::getName).toList());
        assertEquals(HOST + "authors/daniel-okafor/", beta.getAuthors().get(1).getUri());
        assertEquals(Instant.parse("2025-01-02T00:00:00Z"), atom.getEntries().get(0).getPublishedDate().toInstant());
        assertEquals(Instant.parse("2025-01-02T00:00:00Z"), atom.getPublishedDate().toInstant(),
                "the feed's updated is its newest entry's, not the build's time");
        String raw = read(site.resolve("atom.xml"));
        assertTrue(raw.contains("<published>2024-07-10T14:30:00+02:00</published>"), "RFC 3339 keeps the offset");
        assertTrue(raw.contains("<entry xml:lang=\"fr\">"), "an article in another language says so");
    }

    @Test
    void jsonFeedFollowsTheSpec() throws Exception {
        JsonNode feed = json(site.resolve("feed.json"));
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertEquals("Test & Review", feed.get("title").asText());
        assertEquals(HOST, feed.get("home_page_url").asText());
        assertEquals(HOST + "feed.json", feed.get("feed_url").asText());
        assertTrue(feed.get("authors").isArray() && feed.get("authors").get(0).get("name").isTextual());
        JsonNode items = feed.get("items");
        assertEquals(3, items.size());
        for (JsonNode item : items) {
            assertTrue(item.get("id").isTextual(), "id is required and a string");
            assertTrue(item.hasNonNull("content_html") || item.hasNonNull("content_text"));
            OffsetDateTime.parse(item.get("date_published").asText());
            OffsetDateTime.parse(item.get("date_modified").asText());
            for (JsonNode a : item.get("authors")) {
                assertTrue(a.isObject() && a.get("name").isTextual());
            }
            for (JsonNode t : item.get("tags")) {
                assertTrue(t.isTextual());
            }
        }
        JsonNode beta = items.get(1);
        assertEquals(BETA, beta.get("id").asText());
        assertEquals(BETA, beta.get("url").asText());
        assertEquals("2024-07-10T14:30:00+02:00", beta.get("date_published").asText());
        assertEquals("2024-08-01T09:00:00+02:00", beta.get("date_modified").asText());
        assertEquals(2, beta.get("authors").size());
        assertEquals("fr", items.get(0).get("language").asText());
        assertNull(beta.get("language"), "the feed's language covers the rest");
    }

    @Test
    void feedHtmlHasOnlyAbsoluteLinks() throws Exception {
        String html = json(site.resolve("feed.json")).get("items").get(2).get("content_html").asText();
        Document doc = Jsoup.parseBodyFragment(html);
        List<String> urls = new ArrayList<>();
        for (Element e : doc.select("[href], [src], [srcset]")) {
            for (String attr : List.of("href", "src", "srcset")) {
                if (e.hasAttr(attr)) {
                    urls.add(e.attr(attr));
                }
            }
        }
        assertTrue(urls.contains(BETA), urls.toString());
        assertTrue(urls.contains(BETA + "#notes"), urls.toString());
        assertTrue(urls.contains(HOST + "articles/2024/chart.png"), "an image beside the article: " + urls);
        assertTrue(urls.contains(ALPHA + "#fn-1"), "footnote links point into the article: " + urls);
        // raw HTML is not rewritten for the page, so it resolves from the page's folder, in the feed too
        assertTrue(urls.contains(ALPHA + "pic.png 1x, " + ALPHA + "pic@2x.png 2x"), urls.toString());
        assertTrue(urls.contains("https://example.org/x?a=1&b=2"), urls.toString());
        assertTrue(urls.contains("mailto:desk@example.org"), urls.toString());
        for (String u : urls) {
            assertTrue(u.startsWith("https://") || u.startsWith("mailto:"), "not absolute: " + u);
        }
        String atomContent = rome(site.resolve("atom.xml")).getEntries().get(2).getContents().get(0).getValue();
        assertEquals(html, atomContent, "the same HTML in every format");
    }

    @Test
    void tagFeedsHoldTheirTagsArticles() throws Exception {
        SyndFeed energy = rome(site.resolve("tags/energy/feed.xml"));
        assertEquals("Test & Review: Energy", energy.getTitle());
        assertEquals(HOST + "tags/energy/", energy.getLink());
        assertEquals(List.of(GAMMA, ALPHA), energy.getEntries().stream().map(SyndEntry::getLink).toList());
        for (String tag : List.of("россия", "việt-nam", "한반도")) {
            for (String file : List.of("feed.xml", "atom.xml", "feed.json")) {
                assertTrue(Files.isRegularFile(site.resolve("tags/" + tag + "/" + file)), tag + "/" + file);
            }
        }
        SyndFeed korean = rome(site.resolve("tags/한반도/atom.xml"));
        assertEquals(HOST + "tags/%ED%95%9C%EB%B0%98%EB%8F%84/atom.xml", korean.getUri(), "self URLs are percent-encoded");
        assertEquals(List.of(BETA), korean.getEntries().stream().map(SyndEntry::getUri).toList());
        assertFalse(Files.exists(site.resolve("tags/secret")), "a tag only drafts and scheduled articles use has nothing");
    }

    @Test
    void authorFeedsHoldCoAuthoredArticles() throws Exception {
        JsonNode katrin = json(site.resolve("authors/katrin-vogel/feed.json"));
        assertEquals(HOST + "authors/katrin-vogel/", katrin.get("home_page_url").asText());
        List<String> ids = new ArrayList<>();
        katrin.get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertEquals(List.of(BETA, ALPHA), ids);
        SyndFeed daniel = rome(site.resolve("authors/daniel-okafor/atom.xml"));
        assertEquals(List.of(GAMMA, BETA), daniel.getEntries().stream().map(SyndEntry::getUri).toList());
        assertFalse(Files.exists(site.resolve("authors/ghost-writer")));
    }

    @Test
    void tagAndAuthorFeedsCarrySummariesByDefault() throws Exception {
        SyndFeed rss = rome(site.resolve("tags/energy/feed.xml"));
        assertTrue(rss.getEntries().stream().allMatch(e -> e.getContents().isEmpty()));
        JsonNode json = json(site.resolve("authors/katrin-vogel/feed.json"));
        assertNull(json.get("items").get(0).get("content_html"));
        assertEquals("First paragraph of beta.", json.get("items").get(0).get("content_text").asText());
    }

    @Test
    void pagesAdvertiseTheirFeedsAndTheLinksResolve() throws Exception {
        Path article = site.resolve("articles/2024/alpha/index.html");
        Path tag = site.resolve("tags/россия/index.html");
        Path author = site.resolve("authors/katrin-vogel/index.html");
        Path home = site.resolve("index.html");
        assertEquals(3, alternates(article).size());
        assertEquals(3, alternates(home).size());
        assertEquals(6, alternates(tag).size());
        assertEquals(6, alternates(author).size());
        for (Path page : List.of(article, tag, author, home)) {
            for (Element link : alternates(page)) {
                assertTrue(Files.isRegularFile(SiteFixture.target(site, page, link.attr("href"))), link.toString());
            }
        }
        Document tagPage = Jsoup.parse(tag.toFile(), "UTF-8");
        List<String> visible = tagPage.select(".feeds a").eachAttr("href");
        assertEquals(3, visible.size(), "the tag page links to its own feeds");
        for (String href : visible) {
            assertTrue(href.contains("tags/"), href);
            assertTrue(Files.isRegularFile(SiteFixture.target(site, tag, href)), href);
        }
        assertEquals(3, Jsoup.parse(author.toFile(), "UTF-8").select(".feeds a").size());
    }

    private static List<Element> alternates(Path page) throws Exception {
        return Jsoup.parse(page.toFile(), "UTF-8").select("link[rel=alternate]");
    }

    @Test
    void feedsDoNotDependOnTheBuildTime() throws Exception {
        Path later = fixture(tmp.resolve("later")).bake(Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"),
                ZoneOffset.UTC));
        for (String f : List.of("feed.xml", "atom.xml", "feed.json", "tags/energy/atom.xml", "sitemap.xml")) {
            assertArrayEquals(Files.readAllBytes(site.resolve(f)), Files.readAllBytes(later.resolve(f)), f);
        }
    }

    @Test
    void entriesAreLimitedAndContentCanBeSummaryOnly(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).config("""
                journal.feed.entries=2
                journal.feed.content=summary
                journal.feed.taxonomy.content=full
                journal.render.jsonfeed=false
                """)
                .post("a", "title: A\ndate: 2024-01-01\ntags: [T]", "Text of a with a [link](b.md).")
                .post("b", "title: B\ndate: 2024-02-01\ntags: [T]", "Text of b.")
                .post("c", "title: C\ndate: 2024-03-01\ntags: [T]", "Text of c.")
                .bake();
        SyndFeed rss = rome(out.resolve("feed.xml"));
        assertEquals(List.of("C", "B"), rss.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertTrue(rss.getEntries().stream().allMatch(e -> e.getContents().isEmpty()));
        SyndFeed atom = rome(out.resolve("atom.xml"));
        assertTrue(atom.getEntries().stream().allMatch(e -> e.getContents().isEmpty()));
        assertEquals("Text of c.", atom.getEntries().get(0).getDescription().getValue());
        assertFalse(Files.exists(out.resolve("feed.json")));
        assertFalse(Files.exists(out.resolve("tags/t/feed.json")));
        List<SyndContent> tagContent = rome(out.resolve("tags/t/atom.xml")).getEntries().get(0).getContents();
        assertEquals(1, tagContent.size(), "tag feeds with full content when asked");
    }

    @Test
    void withExtensionsTagFeedsSitBesideTheTagsPagesFolder(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).config("uri.noExtension=false")
                .post("a", "title: A\ndate: 2024-01-01\ntags: [Energy Policy]\nauthor: Ann Example", "Text.")
                .bake();
        assertTrue(Files.isRegularFile(out.resolve("tags/energy-policy.html")));
        assertTrue(Files.isRegularFile(out.resolve("tags/energy-policy/feed.xml")));
        assertTrue(Files.isRegularFile(out.resolve("authors/ann-example/atom.xml")));
        SyndFeed rss = rome(out.resolve("tags/energy-policy/feed.xml"));
        assertEquals(HOST + "tags/energy-policy.html", rss.getLink());
        assertEquals(HOST + "articles/a.html", rss.getEntries().get(0).getLink());
        Element link = Jsoup.parse(out.resolve("tags/energy-policy.html").toFile(), "UTF-8")
                .select("link[rel=alternate][type=application/rss+xml]").last();
        assertEquals("../tags/energy-policy/feed.xml", link.attr("href"));
    }

    @Test
    void controlCharactersNeverBreakAFeed(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).config("journal.title=Bell\\u0007Journal\njournal.feed.taxonomy.content=full")
                .post("a", """
                        title: "Nul\\0l and \\x01 bell\\a"
                        date: 2024-01-01
                        tags: ["Vertical\\vTab"]
                        summary: "Escape \\e and \\x85 next-line and \\uFFFE"
                        author: "Form\\fFeed"
                        """, "Body.")
                .bake();
        List<Path> feeds;
        try (Stream<Path> s = Files.walk(out)) {
            feeds = s.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("search-index")).toList();
        }
        assertEquals(9, feeds.size(), "the site's, the tag's and the author's: " + feeds);
        DocumentBuilderFactory dom = DocumentBuilderFactory.newInstance();
        for (Path f : feeds) {
            String text = read(f);
            for (char c : text.toCharArray()) {
                assertTrue(c >= 0x20 || c == '\n' || c == '\t', f + " holds U+" + Integer.toHexString(c));
                assertFalse(c >= 0x7f && c <= 0x9f || c == 0xFFFE, f + " holds U+" + Integer.toHexString(c));
            }
            if (f.toString().endsWith(".xml")) {
                dom.newDocumentBuilder().parse(f.toFile());
            } else {
                json(f);
            }
        }
        SyndFeed rss = rome(out.resolve("feed.xml"));
        assertEquals("Bell\uFFFDJournal", rss.getTitle(), "an escaped control character in jbake.properties is replaced");
        assertEquals("Nul\uFFFDl and \uFFFD bell\uFFFD", rss.getEntries().get(0).getTitle(), "YAML escapes of control characters are replaced");
    }

    @Test
    void aSiteWithoutArticlesStillHasValidFeeds(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).config("journal.description=Nothing yet").bake();
        assertEquals(0, rome(out.resolve("feed.xml")).getEntries().size());
        SyndFeed atom = rome(out.resolve("atom.xml"));
        assertEquals(0, atom.getEntries().size());
        assertEquals(Instant.EPOCH, atom.getPublishedDate().toInstant(), "a fixed date, not the build's");
        assertEquals(0, json(out.resolve("feed.json")).get("items").size());
    }

    @Test
    void aSitesJBakeFeedTemplateRendersTheSitesRss(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).config("journal.title=T")
                .file("templates/feed.ftl", """
                        <#ftl output_format="XML">
                        <?xml version="1.0"?>
                        <rss version="2.0"><channel><title>Made by feed.ftl</title><link>${config.site_host}</link>
                        <description>d</description>
                        <#list published_posts as post><item><title>${post.title}</title>\
                        <link>${config.site_host}${post.uri}</link><description>${post.body}</description></item></#list>
                        </channel></rss>
                        """)
                .post("a", "title: A\ndate: 2024-01-01\ntags: [T]", "Text & *more*.")
                .post("b", "title: B\ndate: 2024-02-01\ntags: [T]", "Text.")
                .bake();
        SyndFeed rss = rome(out.resolve("feed.xml"));
        assertEquals("Made by feed.ftl", rss.getTitle());
        assertEquals(List.of("B", "A"), rss.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertEquals("<p>Text &amp; <em>more</em>.</p>", rss.getEntries().get(1).getDescription().getValue().strip(),
                "the body reaches an XML template as text, escaped there as in JBake");
        assertEquals("T", rome(out.resolve("atom.xml")).getTitle(), "the other feeds stay built in");
        assertEquals("T: T", rome(out.resolve("tags/t/feed.xml")).getTitle());
    }
}
