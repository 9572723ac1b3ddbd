package dev.journal.core.index;

import java.util.List;
import java.util.Objects;

/**
 * What a journal says about one of its authors, from a content file of {@code type: author}
 * (e.g. {@code content/authors/anna-lindqvist.md}): shown on the author's page and beside the
 * author's articles.
 *
 * @param name       the name as the profile writes it (matched to bylines like tag spellings)
 * @param role       position or affiliation, e.g. "Senior Fellow, Arctic Programme"; may be empty
 * @param photo      the photo's URI relative to the site's root, or null
 * @param links      the author's pages elsewhere, in the order written
 * @param bioHtml    the biography: the profile's body, its links resolving from the author's page
 * @param summary    the biography's first paragraph (or the profile's summary), plain text
 * @param sourcePath the profile's file, for messages
 */
public record AuthorProfile(String name, String role, String photo, List<Link> links, String bioHtml,
        String summary, String sourcePath) {

    /** A link to one of the author's pages elsewhere. */
    public record Link(String title, String url) {
    }

    public AuthorProfile {
        Objects.requireNonNull(name, "name");
        role = role == null ? "" : role;
        links = List.copyOf(links);
        bioHtml = bioHtml == null ? "" : bioHtml;
        summary = summary == null ? "" : summary;
    }
}
