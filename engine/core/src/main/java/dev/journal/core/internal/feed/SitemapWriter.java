package dev.journal.core.internal.feed;

import java.time.ZonedDateTime;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** Sitemaps (sitemaps.org protocol 0.9): a URL set, or an index of URL sets for very large sites. */
public final class SitemapWriter {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /** The protocol's limit of URLs per sitemap file. */
    public static final int MAX_URLS = 50_000;

    /**
     * One URL with the time its content last changed.
     *
     * @param loc     absolute and percent-encoded
     * @param lastmod null when unknown
     */
    public record Url(String loc, ZonedDateTime lastmod) {
    }

    private SitemapWriter() {
    }

    /** A {@code urlset} of at most {@link #MAX_URLS} URLs. */
    public static byte[] urlset(List<Url> urls) throws XMLStreamException {
        return write("urlset", "url", urls);
    }

    /** A {@code sitemapindex} naming sitemap files. */
    public static byte[] index(List<Url> sitemaps) throws XMLStreamException {
        return write("sitemapindex", "sitemap", sitemaps);
    }

    private static byte[] write(String root, String item, List<Url> urls) throws XMLStreamException {
        if (urls.size() > MAX_URLS) {
            throw new IllegalArgumentException(urls.size() + " URLs in one sitemap; the limit is " + MAX_URLS);
        }
        XmlOut x = new XmlOut();
        x.start(root);
        x.writer().writeDefaultNamespace(NS);
        for (Url u : urls) {
            x.start(item);
            x.element("loc", u.loc());
            if (u.lastmod() != null) {
                x.element("lastmod", FeedDates.rfc3339(u.lastmod()));
            }
            x.end();
        }
        return x.finish();
    }
}
