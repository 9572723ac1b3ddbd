package dev.journal.core.parse;

/**
 * A top-level heading of an article, for its table of contents.
 *
 * @param level 1 to 6
 * @param id    the anchor id on the heading element, unique within the article
 * @param text  the heading's plain text
 */
public record Heading(int level, String id, String text) {
}
