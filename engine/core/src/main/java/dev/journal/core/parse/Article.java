package dev.journal.core.parse;

import dev.journal.core.analysis.SearchCounts;
import dev.journal.core.internal.markdown.MarkdownResult.Reference;
import dev.journal.core.related.ArticleTerms;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed content file: an article (type {@code post}), a static page (type {@code page}) or a
 * document of a custom type. Immutable; everything later stages need from the file.
 *
 * @param sourcePath  relative to the site's source folder, for messages
 * @param contentPath relative to the content folder
 * @param type        {@code post}, {@code page} or a custom type
 * @param draft       a draft ({@code draft: true}, or JBake's {@code status=draft})
 * @param title       the title, never blank
 * @param authors     author names as written, in order; possibly empty
 * @param date        publication date; null only for pages without one
 * @param updated     date of the last substantial revision, or null
 * @param tags        tag names as written (first spelling wins within the file), in order
 * @param summary     plain-text summary: the front matter's, else derived from the first paragraph
 * @param slug        the last path segment of the page
 * @param outputPath  where the page is written, relative to the output folder
 * @param uri         the page's link relative to the site's root, percent-encoded
 * @param image       the front matter's image, or null
 * @param lang        the front matter's language, or null for the site's
 * @param related     what the front matter says about the recommended articles
 * @param meta        every front matter field as written, for templates
 * @param body        the body as HTML (links already rewritten to resolve from the page) and as text
 * @param headings    top-level headings with anchor ids
 * @param words       number of words in the body
 * @param references  every link and image in the body, with its line
 * @param hash        a digest of the source bytes, for the build cache
 * @param sha1        the SHA-1 of the source bytes in hex, JBake's {@code sha1} of a document
 * @param lines       the line of each front matter field, for messages
 * @param entryLines  for a field written as a set of fields ({@code links:}), the line of each of them
 * @param terms       the terms the recommender compares, counted when parsed; null when not counted
 * @param search      the terms the search index lists, counted when parsed; null when not counted
 */
public record Article(
        String sourcePath,
        String contentPath,
        String type,
        boolean draft,
        String title,
        List<String> authors,
        ZonedDateTime date,
        ZonedDateTime updated,
        List<String> tags,
        String summary,
        String slug,
        String outputPath,
        String uri,
        String image,
        String lang,
        Related related,
        Map<String, Object> meta,
        Body body,
        List<Heading> headings,
        int words,
        List<Reference> references,
        String hash,
        String sha1,
        Map<String, Integer> lines,
        Map<String, Map<String, Integer>> entryLines,
        ArticleTerms terms,
        SearchCounts search) {

    /** Front matter control of the recommended-articles block. */
    public record Related(boolean hidden, List<String> pinned) {
        public static final Related DEFAULT = new Related(false, List.of());
    }

    /** The body as HTML, with links already rewritten to resolve from the page. */
    public String bodyHtml() {
        return body.html();
    }

    /** The body's prose as plain text. */
    public String text() {
        return body.text();
    }

    /** The line of a front matter field, or 1 when the field is absent. */
    public int line(String field) {
        return lines.getOrDefault(field, 1);
    }

    /**
     * The line of an entry of a field written as a set of fields ({@code Website:} under
     * {@code links:}), or the field's line when the entry's is not known.
     */
    public int line(String field, String entry) {
        Integer line = entryLines.getOrDefault(field, Map.of()).get(entry);
        return line != null ? line : line(field);
    }

    /** This article with {@code when} as its date (a draft not yet dated, in the preview). */
    public Article datedAt(ZonedDateTime when) {
        return new Article(sourcePath, contentPath, type, draft, title, authors, when, updated, tags, summary, slug,
                outputPath, uri, image, lang, related, meta, body, headings, words, references, hash, sha1, lines,
                entryLines, terms, search);
    }

    public boolean isPost() {
        return "post".equals(type);
    }

    public boolean isPage() {
        return "page".equals(type);
    }

    /** An author's profile ({@code type: author}), shown on the author's page rather than as a page. */
    public boolean isAuthorProfile() {
        return ContentParser.AUTHOR_TYPE.equals(type);
    }

    /**
     * The date of the last change: {@code updated} when given, else {@code date}; never earlier than
     * {@code date} (an update dated before the publication is a slip, warned about when parsed).
     */
    public Optional<ZonedDateTime> lastModified() {
        return Optional.ofNullable(update().orElse(date));
    }

    /** {@code updated} when it is an update: given, and not dated before the publication. */
    public Optional<ZonedDateTime> update() {
        return Optional.ofNullable(updated != null && (date == null || !updated.isBefore(date)) ? updated : null);
    }
}
