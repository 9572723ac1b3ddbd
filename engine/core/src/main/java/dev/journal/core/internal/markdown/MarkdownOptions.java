package dev.journal.core.internal.markdown;

/**
 * What the Markdown stage does beyond the CommonMark spec.
 *
 * @param extensions  GFM tables, strikethrough, autolinks and footnotes
 * @param headingIds  an id on every heading, for anchors and the table of contents
 * @param smart       curly quotes, dashes and ellipses
 * @param safeUrls    links and images only to relative URLs and allowed schemes
 */
public record MarkdownOptions(boolean extensions, boolean headingIds, boolean smart, boolean safeUrls) {

    /** The site's Markdown: everything on, smart typography as configured. */
    public static MarkdownOptions site(boolean smart) {
        return new MarkdownOptions(true, true, smart, true);
    }

    /** CommonMark and nothing else, as the spec's examples expect. */
    public static MarkdownOptions commonMark() {
        return new MarkdownOptions(false, false, false, false);
    }
}
