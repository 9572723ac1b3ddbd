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

    /** A digest of the HTML, which tells whether a page showing the body must be made again. */
    String digest();

    /** A body held in memory. */
    static Body of(String html, String text) {
        byte[] h = html.getBytes(StandardCharsets.UTF_8);
        return new InMemory(h, text.getBytes(StandardCharsets.UTF_8), digest(h));
    }

    /** SHA-256 of the HTML's bytes, as hexadecimal text. */
    static String digest(byte[] html) {
        return dev.journal.core.internal.Digests.sha256(html);
    }

    /** A body held in memory as UTF-8. */
    record InMemory(byte[] htmlBytes, byte[] textBytes, String digest) implements Body {
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
