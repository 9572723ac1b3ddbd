package dev.journal.core.internal.feed;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Atom 1.0 (RFC 4287). The feed's id is its own URL and each entry's id is the article's
 * permalink, so ids stay the same from build to build. The journal is the feed's author, which
 * covers entries without an author of their own.
 */
public final class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomWriter() {
    }

    /** The feed as Atom, served at {@code selfUrl}. */
    public static byte[] write(Feed feed, String selfUrl) throws XMLStreamException {
        XmlOut x = new XmlOut();
        x.start("feed");
        x.writer().writeDefaultNamespace(ATOM);
        x.attribute("xml", XMLConstants.XML_NS_URI, "lang", feed.language());
        x.element("id", selfUrl);
        x.element("title", feed.title());
        if (!feed.description().isBlank()) {
            x.element("subtitle", feed.description());
        }
        x.element("updated", FeedDates.rfc3339(feed.updated()));
        link(x, "self", "application/atom+xml", selfUrl);
        link(x, "alternate", "text/html", feed.homeUrl());
        for (Feed.Person p : feed.authors()) {
            person(x, p);
        }
        x.element("generator", "Journal");
        for (Feed.Entry e : feed.entries()) {
            x.start("entry");
            if (e.language() != null) {
                x.attribute("xml", XMLConstants.XML_NS_URI, "lang", e.language());
            }
            x.element("id", e.id());
            x.element("title", e.title());
            link(x, "alternate", "text/html", e.url());
            x.element("published", FeedDates.rfc3339(e.published()));
            x.element("updated", FeedDates.rfc3339(e.updated()));
            for (Feed.Person p : e.authors()) {
                person(x, p);
            }
            for (String c : e.categories()) {
                x.empty("category").attribute("term", c);
            }
            if (!e.summary().isBlank()) {
                x.element("summary", e.summary());
            }
            if (e.contentHtml() != null) {
                x.start("content").attribute("type", "html").text(e.contentHtml()).end();
            }
            x.end();
        }
        return x.finish();
    }

    private static void link(XmlOut x, String rel, String type, String href) throws XMLStreamException {
        x.empty("link").attribute("rel", rel).attribute("type", type).attribute("href", href);
    }

    private static void person(XmlOut x, Feed.Person p) throws XMLStreamException {
        x.start("author");
        x.element("name", p.name());
        if (p.url() != null) {
            x.element("uri", p.url());
        }
        x.end();
    }
}
