package dev.journal.core.internal.markdown;

import dev.journal.core.parse.Heading;
import java.util.List;

/**
 * What rendering one Markdown document yields.
 *
 * @param html           the body HTML
 * @param headings       top-level headings with their anchor ids, in order
 * @param text           the prose as plain text
 * @param firstParagraph the plain text of the first paragraph with text of its own, not images alone (the
 *                       summary when none is given)
 * @param references     every link and image, with its destination as written and its line
 * @param rawHtml        whether the document contains raw HTML
 * @param titleLevelLine the line of the first heading of level 1 ({@code # ...}), 0 for none
 * @param notes          mistakes in the Markdown that renders anyway, each with its line (a
 *                       footnote cited but never written, or written but never cited)
 */
public record MarkdownResult(String html, List<Heading> headings, String text, String firstParagraph,
        List<Reference> references, boolean rawHtml, int titleLevelLine, List<Note> notes) {

    /** A mistake in the source, on a line of the file (0 when not known). */
    public record Note(int line, String message) {
    }

    /**
     * A link or image in the source: Markdown's, or ({@code raw}) an {@code <a href>} or
     * {@code <img src>} of raw HTML, whose address the browser reads from the page, as written,
     * unless it names a content file. The text is a link's text or an image's description; null
     * for a raw image without an {@code alt} attribute.
     */
    public record Reference(boolean image, String destination, String text, int line, boolean raw) {

        /** Markdown's link or image. */
        public Reference(boolean image, String destination, String text, int line) {
            this(image, destination, text, line, false);
        }
    }
}
