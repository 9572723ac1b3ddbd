package dev.journal.core.internal.markdown;

/**
 * What the Markdown stage does beyond the CommonMark spec.
 *
 * @param extensions  GFM tables, strikethrough, autolinks and footnotes
 * @param headingIds  an id on every heading, for anchors and the table of contents
 * @param smart       curly quotes, dashes and ellipses
 * @param safeUrls    links and images only to relative URLs and allowed schemes
 * @param hardWraps   a line break inside a paragraph is a {@code <br>}, as pegdown's HARDWRAPS makes it
 */
public record MarkdownOptions(boolean extensions, boolean headingIds, boolean smart, boolean safeUrls,
        boolean hardWraps) {

    /** The site's Markdown: everything on, smart typography as configured. */
    public static MarkdownOptions site(boolean smart) {
        return site(smart, false);
    }

    /** The site's Markdown, with line breaks in paragraphs kept or not. */
    public static MarkdownOptions site(boolean smart, boolean hardWraps) {
        return new MarkdownOptions(true, true, smart, true, hardWraps);
    }

    /** CommonMark and nothing else, as the spec's examples expect. */
    public static MarkdownOptions commonMark() {
        return new MarkdownOptions(false, false, false, false, false);
    }
}
