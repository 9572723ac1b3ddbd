package dev.journal.core.parse;

import java.nio.charset.StandardCharsets;

/**
 * An article's body: its HTML and its prose as plain text. Held in memory as UTF-8 (half the size
 * of most Java strings of such text), or stored in the build cache and read back when a page needs
 * it, so that a large journal's bodies never have to be in memory all at once.
 */
public interface Body {

    /** The body as HTML, with links already rewritten to resolve from the page. */
    String html();

    /** The body's prose as plain text. */
    String text();

    /** A body held in memory. */
    static Body of(String html, String text) {
        return new InMemory(html.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body held in memory as UTF-8. */
    record InMemory(byte[] htmlBytes, byte[] textBytes) implements Body {
        @Override
        public String html() {
            return new String(htmlBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String text() {
            return new String(textBytes, StandardCharsets.UTF_8);
        }
    }
}
