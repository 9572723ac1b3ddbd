package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.internal.feed.SitemapWriter;
import dev.journal.core.parse.UrlPolicy;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * {@code sitemap.xml} and {@code robots.txt}. The sitemap lists every indexable HTML page the build
 * renders (never drafts or scheduled articles, which are not rendered; never the 404 page), each
 * with the time what it shows last changed: an article's {@code updated}, else its date; a list's
 * newest such time. Past 50,000 URLs it becomes a sitemap index of numbered sitemaps, as the
 * protocol requires. {@code robots.txt} names the sitemap by its absolute URL.
 */
final class SitemapGenerator implements Generator {

    private final int maxUrls;

    SitemapGenerator() {
        this(SitemapWriter.MAX_URLS);
    }

    /** With a smaller limit per sitemap file, to test the sitemap index. */
    SitemapGenerator(int maxUrls) {
        this.maxUrls = maxUrls;
    }

    @Override
    public String what() {
        return "sitemap files";
    }

    @Override
    public List<RenderedPage> generate(SiteIndex index, RenderContext context) throws XMLStreamException {
        SiteConfig config = context.config();
        if (!config.flag("render.sitemap")) {
            return List.of();
        }
        String file = config.get("sitemap.file").strip();
        List<RenderedPage> out = new ArrayList<>();
        List<SitemapWriter.Url> urls = new ArrayList<>();
        for (SitePage p : context.pages()) {
            if (p.indexable()) {
                urls.add(new SitemapWriter.Url(context.absolute(p.uri()), p.lastModified()));
            }
        }
        // the protocol has no empty sitemap: a site with no page to list gets none
        boolean sitemap = context.sitemapFromSiteTemplate() || !urls.isEmpty();
        if (!context.sitemapFromSiteTemplate() && !urls.isEmpty()) {
            if (urls.size() <= maxUrls) {
                out.add(new RenderedPage(file, SitemapWriter.urlset(urls)));
            } else {
                out.addAll(split(file, urls, context));
            }
        }
        // crawlers read robots.txt only at the host's root: a site under a path (/journal/) writes none
        if (config.journalFlag("journal.robots") && config.sitePath().equals("/")) {
            String robots = "User-agent: *\nAllow: /\n"
                    + (sitemap ? "\nSitemap: " + context.absolute(UrlPolicy.encode(file)) + "\n" : "");
            out.add(new RenderedPage("robots.txt", robots.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** {@code sitemap-1.xml}, {@code sitemap-2.xml}, ... and the index at {@code file} naming them. */
    private List<RenderedPage> split(String file, List<SitemapWriter.Url> urls, RenderContext context)
            throws XMLStreamException {
        int dot = file.lastIndexOf('.');
        int slash = file.lastIndexOf('/');
        String stem = dot > slash ? file.substring(0, dot) : file;
        String ext = dot > slash ? file.substring(dot) : "";
        List<RenderedPage> out = new ArrayList<>();
        List<SitemapWriter.Url> parts = new ArrayList<>();
        for (int from = 0, n = 1; from < urls.size(); from += maxUrls, n++) {
            List<SitemapWriter.Url> part = urls.subList(from, Math.min(urls.size(), from + maxUrls));
            String path = stem + "-" + n + ext;
            out.add(new RenderedPage(path, SitemapWriter.urlset(part)));
            ZonedDateTime newest = null;
            for (SitemapWriter.Url u : part) {
                if (u.lastmod() != null && (newest == null || u.lastmod().isAfter(newest))) {
                    newest = u.lastmod();
                }
            }
            parts.add(new SitemapWriter.Url(context.absolute(UrlPolicy.encode(path)), newest));
        }
        out.add(new RenderedPage(file, SitemapWriter.index(parts)));
        return out;
    }
}
