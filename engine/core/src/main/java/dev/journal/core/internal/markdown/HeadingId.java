package dev.journal.core.internal.markdown;

import org.commonmark.node.CustomNode;

/**
 * Carries a heading's anchor id inside the syntax tree, as the heading's first child, so the one
 * shared HTML renderer can emit it. Renders to nothing.
 */
final class HeadingId extends CustomNode {
    final String id;

    HeadingId(String id) {
        this.id = id;
    }
}
