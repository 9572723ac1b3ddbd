package dev.journal.core.internal.feed;

import java.time.ZonedDateTime;
import java.util.Comparator;
import javax.xml.stream.XMLStreamException;
import org.jsoup.nodes.Entities;

/**
 * RSS 2.0 (RSS Advisory Board specification), with the modules feed readers expect:
 * {@code atom:link rel="self"}, {@code dc:creator} for author names (RSS's own {@code author} must
 * be an e-mail address), and {@code content:encoded} for the full HTML beside the summary in
 * {@code description}.
 */
public final class RssWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private RssWriter() {
    }

    /** The feed as RSS, served at {@code selfUrl}. */
    public static byte[] write(Feed feed, String selfUrl) throws XMLStreamException {
        XmlOut x = new XmlOut();
        x.start("rss").attribute("version", "2.0");
        x.writer().writeNamespace("atom", ATOM);
        x.writer().writeNamespace("content", CONTENT);
        x.writer().writeNamespace("dc", DC);
        x.start("channel");
        x.element("title", feed.title());
        x.element("link", feed.homeUrl());
        // required; readers show it under the title
        x.element("description", feed.description().isBlank() ? feed.title() : feed.description());
        x.element("language", feed.language());
        x.element("generator", "Journal");
        ZonedDateTime newest = feed.entries().stream().map(Feed.Entry::published).max(Comparator.naturalOrder())
                .orElse(null);
        if (newest != null) {
            x.element("pubDate", FeedDates.rfc822(newest));
            x.element("lastBuildDate", FeedDates.rfc822(feed.updated()));
        }
        x.empty("atom", "link", ATOM).attribute("href", selfUrl).attribute("rel", "self")
                .attribute("type", "application/rss+xml");
        for (Feed.Entry e : feed.entries()) {
            x.start("item");
            x.element("title", e.title());
            x.element("link", e.url());
            x.start("guid").attribute("isPermaLink", Boolean.toString(e.id().equals(e.url()))).text(e.id()).end();
            x.element("pubDate", FeedDates.rfc822(e.published()));
            for (Feed.Person p : e.authors()) {
                x.element("dc", "creator", DC, p.name());
            }
            for (String c : e.categories()) {
                x.element("category", c);
            }
            if (!e.summary().isBlank()) {
                // description is HTML in RSS: the plain-text summary is escaped once for HTML here
                // and once more for XML by the writer
                x.element("description", Entities.escape(e.summary()));
            }
            if (e.contentHtml() != null) {
                x.element("content", "encoded", CONTENT, e.contentHtml());
            }
            x.end();
        }
        return x.finish();
    }
}
