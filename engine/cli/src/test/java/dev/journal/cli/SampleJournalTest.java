package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The sample journal at the repository's root, end to end: built by the command line, every
 * article has its page, every internal link and asset resolves, every page is reachable from the
 * front page and valid HTML (the Nu Html Checker, in-process), articles are light and carry their
 * metadata, and the search index covers the journal.
 */
class SampleJournalTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    static Path out;

    static Path site;

    @BeforeAll
    static void build() {
        site = out.resolve("site");
        CliRunner.Run run = CliRunner.run("build", "--source", ROOT.toString(), "--output", site.toString(), "-q");
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void everyArticleHasItsPage() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(ROOT.resolve("content/articles"))) {
            sources = s.filter(p -> p.toString().endsWith(".md")).toList();
        }
        assertTrue(sources.size() >= 13, "the sample journal has at least 13 articles");
        for (Path md : sources) {
            String front = Files.readString(md);
            if (front.contains("\ndraft: true")) {
                continue;
            }
            String rel = ROOT.resolve("content").relativize(md).toString().replace(".md", "");
            Path page = site.resolve(rel).resolve("index.html");
            assertTrue(Files.isRegularFile(page), "no page for " + md);
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            assertEquals(1, doc.select("h1").size(), page.toString());
            assertTrue(doc.select("article .article-body p").size() > 3, "the body is on " + page);
        }
        assertTrue(Files.isRegularFile(site.resolve("pages/about/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("404.html")));
    }

    @Test
    void theFirstArticleKeepsItsSectionsAndDropsTheMarker() throws IOException {
        Document doc = Jsoup.parse(site.resolve("articles/2024/russia-north-korea-vietnam/index.html").toFile(),
                "UTF-8");
        assertEquals(List.of("Alliance or Pact?", "Strategic Partners", "Food for Thought"),
                doc.select(".article-body h2").eachText());
        assertTrue(doc.select(".byline").text().contains("Irina Khalturina"));
        assertTrue(!doc.text().contains("RECOMMEND"));
    }

    @Test
    void feedsSitemapAndProfilesCoverTheJournal() throws Exception {
        List<String> articles;
        try (Stream<Path> s = Files.walk(site.resolve("articles"))) {
            articles = s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .map(p -> "https://eurasia-review.example.org/" + site.relativize(p.getParent()).toString()
                            .replace('\\', '/') + "/")
                    .sorted().toList();
        }
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        NodeList locs = xml.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile())
                .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < locs.getLength(); i++) {
            listed.add(locs.item(i).getTextContent());
        }
        assertTrue(listed.containsAll(articles), "every article is in the sitemap");
        assertTrue(Files.readString(site.resolve("robots.txt"))
                .contains("Sitemap: https://eurasia-review.example.org/sitemap.xml"));
        NodeList items = xml.newDocumentBuilder().parse(site.resolve("feed.xml").toFile()).getElementsByTagName("item");
        assertEquals(Math.min(20, articles.size()), items.getLength());
        for (String feed : List.of("atom.xml", "feed.json", "tags/arctic/feed.xml", "authors/anna-lindqvist/atom.xml")) {
            assertTrue(Files.isRegularFile(site.resolve(feed)), feed);
        }
        Document anna = Jsoup.parse(site.resolve("authors/anna-lindqvist/index.html").toFile(), "UTF-8");
        assertTrue(anna.select(".list-header .role").text().startsWith("Senior Fellow"), "the profile's role");
        assertTrue(anna.select(".author-bio p").size() >= 1, "the profile's biography");
        Document joint = Jsoup.parse(site.resolve("articles/2024/shadow-fleet-maritime-security/index.html").toFile(),
                "UTF-8");
        assertEquals("About the authors", joint.select(".about-authors h2").text());
    }

    @Test
    void everyArticleEndsWithItsRecommendationsAndTheKoreanTreatyArticlesFindEachOther() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site.resolve("articles"))) {
            pages = s.filter(p -> p.toString().endsWith("index.html")).toList();
        }
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            List<String> links = doc.select("aside.related ol.related-list a.related-link").eachAttr("href");
            assertEquals(4, links.size(), "four recommendations on " + page);
            assertEquals(4, links.stream().distinct().count(), page.toString());
            String self = site.relativize(page.getParent()).toString();
            assertTrue(links.stream().noneMatch(l -> l.endsWith(self + "/")), "not itself: " + page);
        }
        for (String[] pair : new String[][] {
            {"2024/pyongyang-treaty-northeast-asia", "2025/russia-north-korea-treaty-one-year"},
            {"2025/russia-north-korea-treaty-one-year", "2024/pyongyang-treaty-northeast-asia"},
            {"2024/russia-north-korea-vietnam", "2024/pyongyang-treaty-northeast-asia"},
            {"2024/oil-price-cap-assessment", "2024/shadow-fleet-maritime-security"},
            {"2024/arctic-council-suspended-animation", "2024/northern-sea-route-ambition"}}) {
            Document doc = Jsoup.parse(site.resolve("articles/" + pair[0] + "/index.html").toFile(), "UTF-8");
            List<String> links = doc.select("aside.related a.related-link").eachAttr("href");
            assertTrue(links.stream().anyMatch(l -> l.endsWith(pair[1] + "/")), pair[0] + " recommends " + links);
        }
    }

    @Test
    void everyInternalLinkResolvesAndEveryPageIsReachable() throws IOException {
        Set<Path> pages = new HashSet<>();
        try (Stream<Path> s = Files.walk(site)) {
            s.filter(p -> p.toString().endsWith(".html")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        Set<Path> reached = new HashSet<>();
        Deque<Path> queue = new ArrayDeque<>(List.of(site.resolve("index.html")));
        while (!queue.isEmpty()) {
            Path page = queue.pop();
            if (!reached.add(page)) {
                continue;
            }
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element e : doc.select("a[href], link[href], img[src], script[src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("mailto:")
                        || ref.startsWith("#")) {
                    continue;
                }
                String path = URI.create(ref).getRawPath();
                Path target = page.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
                if (Files.isDirectory(target)) {
                    target = target.resolve("index.html");
                }
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(site.relativize(page) + " -> " + ref);
                } else if (target.toString().endsWith(".html") && e.tagName().equals("a")) {
                    queue.add(target);
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
        Set<Path> unreached = new HashSet<>(pages);
        unreached.removeAll(reached);
        unreached.remove(site.resolve("404.html"));
        assertTrue(unreached.isEmpty(), "pages no link leads to: " + unreached);
    }

    /**
     * No link leads to the 404 page, and a server sends it for any missing address, at that address:
     * its links must lead to the journal's files from there, not from the root where it is written.
     */
    @Test
    void the404PagesLinksWorkWhereverItIsServed() throws IOException {
        URI host = URI.create("https://eurasia-review.example.org/");
        Document doc = Jsoup.parse(site.resolve("404.html").toFile(), "UTF-8");
        List<String> broken = new ArrayList<>();
        List<Element> links = doc.select("a[href], link[href], img[src], script[src]");
        assertTrue(links.size() > 10, "the 404 page's links: " + links);
        for (String missing : List.of("nothing.html", "articles/2024/nothing/")) {
            for (Element e : links) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (ref.startsWith("#") || e.attr("rel").equals("canonical")) {
                    continue;
                }
                URI target = host.resolve(missing).resolve(ref);
                Path file = site.resolve(URLDecoder.decode(target.getRawPath().substring(1), StandardCharsets.UTF_8));
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!target.toString().startsWith(host.toString()) || !Files.isRegularFile(file)) {
                    broken.add("/" + missing + ": " + ref + " -> " + target);
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links on the 404 page: " + broken);
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings and info messages do not make a page invalid
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        nu.validator.validation.SimpleDocumentValidator validator =
                new nu.validator.validation.SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        validator.setUpValidatorAndParsers(collect, false, false);
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 50, "the sample journal has more than 50 pages");
        for (Path page : pages) {
            validator.checkHtmlFile(page.toFile(), true);
        }
        assertTrue(errors.isEmpty(), errors.size() + " HTML errors: " + String.join("\n", errors));
    }

    @Test
    void theLargestArticleWithItsCssStaysUnder60Kilobytes() throws IOException {
        Path largest = null;
        try (Stream<Path> s = Files.walk(site.resolve("articles"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".html")).toList()) {
                if (largest == null || Files.size(p) > Files.size(largest)) {
                    largest = p;
                }
            }
        }
        assertTrue(largest != null);
        Document doc = Jsoup.parse(largest.toFile(), "UTF-8");
        long bytes = Files.size(largest);
        for (Element css : doc.select("link[rel=stylesheet]")) {
            bytes += Files.size(largest.getParent().resolve(css.attr("href")).normalize());
        }
        for (Element js : doc.select("script[src]")) {
            bytes += Files.size(largest.getParent().resolve(js.attr("src")).normalize());
        }
        assertTrue(bytes < 60 * 1024, site.relativize(largest) + " with its CSS is " + bytes + " bytes");
    }

    @Test
    void pagesLoadNothingFromOtherSitesAndArticlesNeedNoJavaScript() throws IOException {
        List<String> external = new ArrayList<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path page : s.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(page.toFile(), "UTF-8");
                for (Element e : doc.select("link[rel~=stylesheet|icon|preload|modulepreload], script[src], img, "
                        + "iframe, video, audio, source, object, embed")) {
                    String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                    if (ref.matches("(?i)^([a-z][a-z0-9+.-]*:|//).*")) {
                        external.add(site.relativize(page) + ": " + ref);
                    }
                }
                boolean search = site.relativize(page).toString().startsWith("search");
                if (!search) {
                    assertEquals(List.of(), doc.select("script:not([type=application/ld+json])").eachAttr("src"),
                            "scripts on " + site.relativize(page));
                }
            }
        }
        assertTrue(external.isEmpty(), "requests to other sites: " + external);
    }

    @Test
    void articlesCarrySocialScholarlyAndStructuredMetadata() throws IOException {
        Document doc = Jsoup.parse(site.resolve("articles/2024/shadow-fleet-maritime-security/index.html").toFile(),
                "UTF-8");
        String url = "https://eurasia-review.example.org/articles/2024/shadow-fleet-maritime-security/";
        assertEquals("article", meta(doc, "property", "og:type"));
        assertEquals(url, meta(doc, "property", "og:url"));
        assertEquals(url, doc.select("link[rel=canonical]").attr("href"));
        assertEquals("summary_large_image", meta(doc, "name", "twitter:card"));
        assertTrue(meta(doc, "property", "og:image").startsWith("https://eurasia-review.example.org/"));
        assertEquals(List.of("Katrin Vogel", "Daniel Okafor"),
                doc.select("meta[name=citation_author]").eachAttr("content"));
        assertTrue(meta(doc, "name", "citation_publication_date").matches("\\d{4}/\\d{2}/\\d{2}"));
        assertEquals("The Eurasia Review of Policy", meta(doc, "name", "citation_journal_title"));
        assertEquals(url, meta(doc, "name", "citation_fulltext_html_url"));
        assertTrue(doc.select("meta[name=citation_pdf_url]").isEmpty(), "no PDF, no citation_pdf_url");
        assertEquals(doc.select("meta[property=article:tag]").size(), doc.select(".article-footer .tags li").size());
        String jsonLd = doc.select("script[type=application/ld+json]").html();
        assertTrue(jsonLd.contains("\"@type\":\"ScholarlyArticle\"") && jsonLd.contains("\"Daniel Okafor\""), jsonLd);
        Element cite = doc.selectFirst("section.cite");
        assertTrue(cite != null, "the cite block");
        assertTrue(cite.select(".citation").text().startsWith("Vogel, Katrin, and Daniel Okafor. “"),
                cite.select(".citation").text());
        assertEquals(List.of("shadow-fleet-maritime-security.bib", "shadow-fleet-maritime-security.ris"),
                cite.select(".cite-files a").eachAttr("href"));
        String bib = Files.readString(
                site.resolve("articles/2024/shadow-fleet-maritime-security/shadow-fleet-maritime-security.bib"));
        assertTrue(bib.startsWith("@article{vogel2024tankers,") && bib.contains("url = {" + url + "}"), bib);
    }

    @Test
    void theSearchIndexCoversEveryArticleAndPage() throws IOException {
        String index = Files.readString(site.resolve("search/search-index.json"));
        try (Stream<Path> s = Files.walk(site.resolve("articles"))) {
            for (Path page : s.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
                String uri = site.relativize(page.getParent()).toString().replace('\\', '/') + "/";
                assertTrue(index.contains("[\"" + uri + "\","), "the search index lists " + uri);
            }
        }
        assertTrue(index.contains("[\"pages/about/\","));
        Document search = Jsoup.parse(site.resolve("search/index.html").toFile(), "UTF-8");
        assertEquals("search-index.json", search.select("form[role=search]").attr("data-index"));
        assertEquals("../js/search.js", search.select("script[src]").attr("src"));
        assertTrue(search.select("noscript").html().contains("needs JavaScript"));
        assertTrue(Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").select(".site-nav a").eachText()
                .contains("Search"));
    }

    private static String meta(Document doc, String attribute, String name) {
        Element e = doc.selectFirst("meta[" + attribute + "=" + name + "]");
        assertTrue(e != null, "no meta " + name);
        return e.attr("content");
    }
}
