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

/**
 * The sample journal at the repository's root, end to end: built by the command line, every
 * article has its page, every internal link and asset resolves, and every page is reachable from
 * the front page.
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
}
