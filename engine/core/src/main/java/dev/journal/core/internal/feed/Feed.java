package dev.journal.core.internal.feed;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One feed, independent of its format: what {@link RssWriter}, {@link AtomWriter} and
 * {@link JsonFeedWriter} write. Every URL is absolute.
 *
 * @param title       the feed's title
 * @param description one sentence about it; may be empty
 * @param language    its language, as a BCP 47 tag
 * @param homeUrl     the HTML page the feed follows (the home page, a tag's or an author's page)
 * @param updated     when its content last changed: the latest update of its entries, never the build time
 * @param authors     who publishes it (the journal)
 * @param entries     newest first
 */
public record Feed(String title, String description, String language, String homeUrl, ZonedDateTime updated,
        List<Person> authors, List<Entry> entries) {

    public Feed {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(homeUrl, "homeUrl");
        Objects.requireNonNull(updated, "updated");
        description = description == null ? "" : description;
        authors = List.copyOf(authors);
        entries = List.copyOf(entries);
    }

    /** A person or organisation: a name, and optionally a page and a picture. */
    public record Person(String name, String url, String avatar) {
        public Person {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One article in a feed.
     *
     * @param id          stable identity across builds (the article's permalink)
     * @param url         the article's page
     * @param title       plain text
     * @param authors     in the article's order; possibly empty
     * @param published   publication date-time
     * @param updated     last substantial revision, or the publication date-time (never earlier)
     * @param categories  tag names
     * @param summary     plain text; may be empty
     * @param contentHtml the article's HTML with absolute links, or null for a summary-only feed
     * @param language    the article's language when it differs from the feed's, else null
     */
    public record Entry(String id, String url, String title, List<Person> authors, ZonedDateTime published,
            ZonedDateTime updated, List<String> categories, String summary, String contentHtml, String language) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(published, "published");
            updated = updated == null || updated.isBefore(published) ? published : updated;
            authors = List.copyOf(authors);
            categories = List.copyOf(categories);
            summary = summary == null ? "" : summary;
        }
    }
}
