package dev.journal.core.internal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AbsoluteLinksTest {

    static final String PAGE = "https://j.example.org/articles/2024/a/";

    @Test
    void resolvesAgainstThePagesUrl() {
        assertEquals("<p><a href=\"https://j.example.org/articles/2024/b/\">b</a> "
                        + "<a href=\"https://j.example.org/articles/2024/a/#fn-1\">1</a> "
                        + "<img src=\"https://j.example.org/img/x.png\" alt=\"x\"></p>",
                AbsoluteLinks.resolve("<p><a href=\"../b/\">b</a> <a href=\"#fn-1\">1</a> "
                        + "<img src=\"/img/x.png\" alt=\"x\"></p>", PAGE));
    }

    @Test
    void leavesUrlsWithASchemeAlone() {
        String html = "<a href=\"https://o.example/x?a=1&amp;b=2\">o</a><a href=\"mailto:x@example.org\">m</a>"
                + "<a href=\"tel:+441234\">t</a>";
        assertEquals(html, AbsoluteLinks.resolve(html, PAGE));
    }

    @Test
    void resolvesEachSrcsetCandidate() {
        String out = AbsoluteLinks.resolve("<img srcset=\"a.png 1x, ../b.png 2x\" src=\"a.png\" alt=\"\">", PAGE);
        assertTrue(out.contains("srcset=\"https://j.example.org/articles/2024/a/a.png 1x, "
                + "https://j.example.org/articles/2024/b.png 2x\""), out);
    }

    @Test
    void textWithoutTagsIsUnchanged() {
        assertEquals("plain & simple", AbsoluteLinks.resolve("plain & simple", PAGE));
    }

    @Test
    void schemeDetection() {
        assertTrue(AbsoluteLinks.hasScheme("HTTPS://x"));
        assertTrue(AbsoluteLinks.hasScheme("data:image/png;base64,xx"));
        assertFalse(AbsoluteLinks.hasScheme("a/b:c"));
        assertFalse(AbsoluteLinks.hasScheme(":x"));
        assertFalse(AbsoluteLinks.hasScheme("../x"));
    }
}
