package dev.journal.core.render;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.BakeOptions;
import dev.journal.core.Baker;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 404 page is served at whatever address was missing (a server's error page, the preview's
 * answer to a missing address), so its links must lead to the site's files from any folder: they
 * start at the path of the site's root on its host, which site.host gives.
 */
class NotFoundPageTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** The test's folder: the site is a folder in it, so that outputs made beside the site are removed with it. */
    @TempDir
    Path temp;
    Path site;

    @BeforeEach
    void makeSite() throws IOException {
        site = Files.createDirectories(temp.resolve("site"));
    }

    private Path bake(boolean preview) throws Exception {
        Path out = site.resolveSibling(site.getFileName() + (preview ? "-preview" : "-out"));
        new Baker(BakeOptions.of(site, out).withClock(CLOCK).withPreview(preview)).bake();
        return out;
    }

    private void journal(String host) throws IOException {
        write(site, "jbake.properties", "site.host=" + host + "\nuri.noExtension=true\nrender.error404=true\n"
                + "render.tagsindex=true\nindex.paginate=true\n");
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-05-01\ntags: [Arctic]\n"
                + "authors: [Anna Lindqvist]\n---\nText of one.\n");
        write(site, "content/pages/about.md", "---\ntitle: About\n---\nAbout us.\n");
    }

    /**
     * Every link of the 404 page as a browser follows it when the page is served for {@code missing}
     * (an address of the site that has no file): the ones that lead to no file of {@code out}, or
     * out of the site, with the file they asked for.
     */
    private static List<String> brokenFrom(Path out, String host, String missing) throws IOException {
        Document page = Jsoup.parse(out.resolve("404.html").toFile(), "UTF-8");
        URI base = URI.create(host.endsWith("/") ? host : host + "/");
        URI at = base.resolve(missing);
        List<String> broken = new ArrayList<>();
        List<Element> links = page.select("a[href], link[href], img[src], script[src]");
        assertTrue(links.size() > 10, "the 404 page has its links: " + links);
        for (Element e : links) {
            String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (ref.startsWith("#") || e.attr("rel").equals("canonical")) {
                continue; // a place on the page; the page's own absolute URL
            }
            String target = at.resolve(ref).toString();
            if (!target.startsWith(base.toString())) {
                broken.add(ref + " -> " + target + " (outside the site)");
                continue;
            }
            String path = URLDecoder.decode(URI.create(target).getRawPath().substring(base.getRawPath().length()),
                    StandardCharsets.UTF_8);
            Path file = out.resolve(path);
            if (path.isEmpty() || Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                broken.add(ref + " -> " + target);
            }
        }
        return broken;
    }

    @Test
    void theLinksOfThe404PageWorkAtAnyMissingAddress() throws Exception {
        journal("https://example.org");
        Path out = bake(false);
        for (String missing : List.of("nothing", "articles/2024/nothing/", "a/b/c/d/e.html")) {
            assertEquals(List.of(), brokenFrom(out, "https://example.org", missing), "served for /" + missing);
        }
        Document page = Jsoup.parse(out.resolve("404.html").toFile(), "UTF-8");
        assertEquals("/css/journal.css", page.select("link[rel=stylesheet]").attr("href"));
        assertEquals("/", page.select(".site-title a").attr("href"), "home is the site's root");
        assertEquals("noindex", page.select("meta[name=robots]").attr("content"),
                "served for missing addresses: search engines keep it out of their results");
        Document article = Jsoup.parse(out.resolve("articles/2024/one/index.html").toFile(), "UTF-8");
        assertTrue(article.select("meta[name=robots]").isEmpty(), "other pages are indexed");
    }

    @Test
    void aSiteUnderASubPathLinksFromThatPath() throws Exception {
        journal("https://example.org/review");
        Path out = bake(false);
        assertEquals(List.of(), brokenFrom(out, "https://example.org/review", "articles/2024/nothing/"));
        Document page = Jsoup.parse(out.resolve("404.html").toFile(), "UTF-8");
        assertEquals("/review/css/journal.css", page.select("link[rel=stylesheet]").attr("href"));
        assertEquals("/review/", page.select(".site-title a").attr("href"));
        Document article = Jsoup.parse(out.resolve("articles/2024/one/index.html").toFile(), "UTF-8");
        assertEquals("../../../css/journal.css", article.select("link[rel=stylesheet]").attr("href"),
                "every other page links relative to itself, as before");
    }

    @Test
    void thePreviewServesTheSiteAtItsRootWhateverTheHost() throws Exception {
        journal("https://example.org/review");
        Path out = bake(true);
        assertEquals(List.of(), brokenFrom(out, "http://127.0.0.1:8820/", "articles/2024/nothing/"));
        Document page = Jsoup.parse(out.resolve("404.html").toFile(), "UTF-8");
        assertEquals("/css/journal.css", page.select("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void aJBakeSitesErrorPageGetsTheRootPathToo() throws Exception {
        write(site, "jbake.properties", "site.host=https://example.org/field/\nrender.error404=true\n"
                + "render.feed=false\nrender.archive=false\nrender.tags=false\n");
        write(site, "templates/index.ftl", "index");
        write(site, "templates/post.ftl", "${content.rootpath}");
        write(site, "templates/error404.ftl", "${content.rootpath}css/site.css|${rootpath}|${content.type}");
        write(site, "content/blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\n\nText.\n");
        Path out = bake(false);
        assertEquals("/field/css/site.css|/field/|error404", Files.readString(out.resolve("404.html")),
                "JBake's content.rootpath is empty here, which works only at the root");
        assertEquals("../", Files.readString(out.resolve("blog/a.html")), "a document's is unchanged");
    }
}
