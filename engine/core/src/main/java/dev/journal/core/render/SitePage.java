package dev.journal.core.render;

import java.time.ZonedDateTime;

/**
 * One HTML page of the build as generators see it (the sitemap, a search index): where it is, what
 * it is, and when what it shows last changed.
 *
 * @param outputPath   relative to the output folder
 * @param uri          its link from the site's root, percent-encoded
 * @param kind         {@code post}, {@code page}, {@code index}, {@code tag}, {@code author}, ...
 * @param lastModified the latest date or update among what it shows; null when it shows no dated article
 * @param indexable    whether search engines should list it (not the 404 page)
 */
public record SitePage(String outputPath, String uri, String kind, ZonedDateTime lastModified, boolean indexable) {
}
