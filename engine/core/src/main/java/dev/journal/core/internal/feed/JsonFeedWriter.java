package dev.journal.core.internal.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written with Jackson's streaming generator.
 * Text goes through {@link XmlText#clean} as in the XML feeds, so the three formats of one feed
 * carry the same text.
 */
public final class JsonFeedWriter {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonFeedWriter() {
    }

    /** The feed as JSON Feed, served at {@code selfUrl}. */
    public static byte[] write(Feed feed, String selfUrl) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE
                    .withLinefeed("\n")));
            g.writeStartObject();
            g.writeStringField("version", VERSION);
            text(g, "title", feed.title());
            text(g, "home_page_url", feed.homeUrl());
            text(g, "feed_url", selfUrl);
            if (!feed.description().isBlank()) {
                text(g, "description", feed.description());
            }
            text(g, "language", feed.language());
            people(g, feed.authors());
            g.writeArrayFieldStart("items");
            for (Feed.Entry e : feed.entries()) {
                g.writeStartObject();
                text(g, "id", e.id());
                text(g, "url", e.url());
                text(g, "title", e.title());
                if (e.contentHtml() != null) {
                    text(g, "content_html", e.contentHtml());
                } else {
                    // one of content_html and content_text is required
                    text(g, "content_text", e.summary());
                }
                if (!e.summary().isBlank()) {
                    text(g, "summary", e.summary());
                }
                text(g, "date_published", FeedDates.rfc3339(e.published()));
                text(g, "date_modified", FeedDates.rfc3339(e.updated()));
                people(g, e.authors());
                if (!e.categories().isEmpty()) {
                    g.writeArrayFieldStart("tags");
                    for (String c : e.categories()) {
                        g.writeString(XmlText.clean(c));
                    }
                    g.writeEndArray();
                }
                if (e.language() != null) {
                    text(g, "language", e.language());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return bytes.toByteArray();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        g.writeStringField(name, XmlText.clean(value));
    }

    private static void people(JsonGenerator g, List<Feed.Person> people) throws IOException {
        if (people.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("authors");
        for (Feed.Person p : people) {
            g.writeStartObject();
            text(g, "name", p.name());
            if (p.url() != null) {
                text(g, "url", p.url());
            }
            if (p.avatar() != null) {
                text(g, "avatar", p.avatar());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
