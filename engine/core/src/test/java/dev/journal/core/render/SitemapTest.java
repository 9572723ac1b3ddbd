package dev.journal.core.render;

import static dev.journal.core.render.SiteFixture.HOST;
import static dev.journal.core.render.SiteFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.parse.UrlPolicy;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The sitemap, validated against the sitemaps.org 0.9 schema, and robots.txt. */
class SitemapTest {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @TempDir
    static Path tmp;

    static Path site;
    static Schema schema;

    @BeforeAll
    static void bake() throws Exception {
        site = FeedsTest.fixture(tmp).file("content/pages/about.md", "---\ntitle: About\n---\nAbout us.\n")
                .config("""
                        uri.noExtension=true
                        render.sitemap=true
                        render.error404=true
                        render.tagsindex=true
                        index.paginate=true
                        index.posts_per_page=2
                        """)
                .bake();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        schema = factory.newSchema(new StreamSource(SitemapTest.class.getResourceAsStream("/schemas/sitemap-0.9.xsd")));
    }

    static void validate(byte[] xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** loc to lastmod (null when absent), in document order. */
    static Map<String, String> entries(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList urls = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagNameNS(NS, "loc");
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element loc = (Element) urls.item(i);
            NodeList lastmod = ((Element) loc.getParentNode()).getElementsByTagNameNS(NS, "lastmod");
            out.put(loc.getTextContent(), lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent());
        }
        return out;
    }

    @Test
    void sitemapIsValidAgainstTheSchema() throws Exception {
        validate(Files.readAllBytes(site.resolve("sitemap.xml")));
    }

    @Test
    void everyPublicPageIsListedAndNothingElse() throws Exception {
        Map<String, String> listed = entries(Files.readAllBytes(site.resolve("sitemap.xml")));
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> s = Files.walk(site)) {
            s.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("404.html"))
                    .forEach(p -> expected.add(HOST + UrlPolicy.encode(p.replaceFirst("index\\.html$", ""))));
        }
        assertEquals(List.copyOf(expected), listed.keySet().stream().sorted().toList());
        assertTrue(listed.containsKey(HOST + "2/"), "later pages of the home page too");
        assertFalse(read(site.resolve("sitemap.xml")).contains("secret"), "no draft or scheduled article");
        assertFalse(read(site.resolve("sitemap.xml")).contains("404"));
    }

    @Test
    void lastmodIsTheUpdateElseTheDate() throws Exception {
        Map<String, String> listed = entries(Files.readAllBytes(site.resolve("sitemap.xml")));
        assertEquals("2024-08-01T09:00:00+02:00", listed.get(HOST + "articles/2024/beta/"));
        assertEquals("2024-03-01T00:00:00Z", listed.get(HOST + "articles/2024/alpha/"));
        assertEquals("2025-01-02T00:00:00Z", listed.get(HOST), "a list: its newest article");
        assertEquals("2025-01-02T00:00:00Z", listed.get(HOST + "2/"), "every page of a list changes with it");
        assertEquals("2024-08-01T09:00:00+02:00", listed.get(HOST + "tags/%ED%95%9C%EB%B0%98%EB%8F%84/"));
        assertNull(listed.get(HOST + "pages/about/"), "an undated page has no lastmod");
    }

    /**
     * An update dated before the publication (a slip, warned about) is not the article's last change:
     * the sitemap, the page's metadata and the feeds all give the publication date, as the feeds did.
     */
    @Test
    void anUpdateBeforeThePublicationIsNotTheLastChange(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).config("uri.noExtension=true\nrender.sitemap=true")
                .post("a", "title: A\ndate: 2024-06-28\nupdated: 2024-01-01", "Text.").bake();
        String date = "2024-06-28T00:00:00Z";
        Map<String, String> listed = entries(Files.readAllBytes(out.resolve("sitemap.xml")));
        assertEquals(date, listed.get(HOST + "articles/a/"));
        assertEquals(date, listed.get(HOST));
        String page = read(out.resolve("articles/a/index.html"));
        assertTrue(page.contains("<meta property=\"article:modified_time\" content=\"" + date + "\">"), page);
        assertTrue(page.contains("\"dateModified\":\"" + date + "\""), page);
        assertTrue(read(out.resolve("atom.xml")).contains("<updated>" + date + "</updated>"));
        assertTrue(!page.contains("class=\"updated\""), "the page shows no update either");
    }

    @Test
    void robotsTxtNamesTheSitemapByItsAbsoluteUrl() throws Exception {
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: " + HOST + "sitemap.xml\n", read(site.resolve("robots.txt")));
    }

    @Test
    void aSiteUnderAPathGetsNoRobotsTxtWhichCrawlersReadOnlyAtTheHostsRoot(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).file("jbake.properties", "site.host=https://example.org/journal/\n"
                + "render.sitemap=true\n").post("a", "title: A\ndate: 2024-01-01", "Text.").bake();
        assertTrue(Files.exists(out.resolve("sitemap.xml")));
        assertFalse(Files.exists(out.resolve("robots.txt")));
    }

    @Test
    void noSitemapUnlessAskedFor(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).post("a", "title: A\ndate: 2024-01-01", "Text.").bake();
        assertFalse(Files.exists(out.resolve("sitemap.xml")));
        assertFalse(Files.exists(out.resolve("robots.txt")));
    }

    @Test
    void manyPagesMakeASitemapIndex() throws Exception {
        SiteConfig config = SiteConfig.of(Map.of("site.host", HOST, "render.sitemap", "true"));
        SiteIndex index = new SiteIndexer(config).index(List.of(), ZonedDateTime.parse("2025-01-01T00:00:00Z"), false)
                .index();
        List<SitePage> pages = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            pages.add(new SitePage("p" + i + ".html", "p" + i + ".html", "page",
                    ZonedDateTime.parse("2024-01-0" + i + "T00:00:00Z"), true));
        }
        pages.add(new SitePage("404.html", "404.html", "error404", null, false));
        RenderContext context = new RenderContext(index, null, null, new FeedPlan(config, false), pages, null, null, false);
        List<RenderedPage> out = new SitemapGenerator(3).generate(index, context);
        assertEquals(List.of("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml", "robots.txt"),
                out.stream().map(RenderedPage::path).toList());
        for (RenderedPage p : out.subList(0, 4)) {
            validate(p.bytes());
        }
        assertEquals(List.of(HOST + "p7.html"), List.copyOf(entries(out.get(2).bytes()).keySet()));
        Map<String, String> parts = entries(out.get(3).bytes());
        assertEquals(List.of(HOST + "sitemap-1.xml", HOST + "sitemap-2.xml", HOST + "sitemap-3.xml"),
                List.copyOf(parts.keySet()));
        assertEquals("2024-01-06T00:00:00Z", parts.get(HOST + "sitemap-2.xml"), "each part's newest lastmod");
    }

    @Test
    void aSitesJBakeSitemapTemplateReplacesTheBuiltInOne(@TempDir Path dir) throws Exception {
        Path out = new SiteFixture(dir).config("render.sitemap=true")
                .file("templates/sitemap.ftl", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <#list published_content as c><url><loc>${config.site_host}${c.uri}</loc></url></#list>
                        </urlset>
                        """)
                .post("a", "title: A\ndate: 2024-01-01", "Text.")
                .bake();
        assertEquals(List.of(HOST + "articles/a.html"), List.copyOf(entries(Files.readAllBytes(out.resolve("sitemap.xml")))
                .keySet()));
        assertTrue(read(out.resolve("robots.txt")).contains("Sitemap: " + HOST + "sitemap.xml"));
    }
}
