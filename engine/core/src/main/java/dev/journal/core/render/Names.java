package dev.journal.core.render;

import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.Taxon;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * How the site names its tags and authors, shows dates and marks documents in another language, as
 * its pages do: the part of the views that the search index reads, ready before the documents'
 * views are made, so that the search index can be made beside them. Immutable.
 */
final class Names {

    private final Map<String, String> tags = new HashMap<>();
    private final Map<String, String> authors = new HashMap<>();
    private final DateTimeFormatter display;
    private final String language;

    Names(SiteIndex index) {
        for (Taxon t : index.tags()) {
            tags.put(t.key(), t.name());
        }
        for (Taxon a : index.authors()) {
            authors.put(a.key(), a.name());
        }
        this.display = index.config().displayDateFormat();
        this.language = index.config().language();
    }

    /**
     * A document's language when it is not the site's, as pages mark it ({@code lang} on its title
     * and summary); null for a document in the site's language.
     */
    String otherLanguage(Article a) {
        return a.lang() != null && !a.lang().isEmpty() && !a.lang().equals(language) ? a.lang() : null;
    }

    /** How a tag is displayed: as the tag's page names it (the first spelling), whatever the article wrote. */
    String tag(String name) {
        return tags.getOrDefault(Slugs.key(name), name);
    }

    /** How an author is displayed: as the author's page names them. */
    String author(String name) {
        return authors.getOrDefault(Slugs.key(name), name);
    }

    /** A date as pages show it ({@code journal.date.format}). */
    String date(ZonedDateTime date) {
        return display.format(date);
    }
}
