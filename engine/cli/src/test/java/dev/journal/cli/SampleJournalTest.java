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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
