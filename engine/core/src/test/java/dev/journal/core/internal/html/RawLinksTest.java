package dev.journal.core.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw HTML's links and images, found where they are written, and their addresses replaced there alone. */
class RawLinksTest {

    @Test
    void linksAndImagesAreFoundWithTheirLinesAndText() {
        String html = "<p>See <a href=\"one.md\" title=\"t\">the first</a>\n<img alt='A chart' src=chart.png>\n"
                + "<a name=x>no address</a> <a href=\"a.md?x=1&amp;y=2\">escaped</a> <q cite=\"c.md\">q</q></p>";
        List<RawLinks.Link> found = RawLinks.of(html);
        assertEquals(3, found.size(), found.toString());
        assertEquals(new RawLinks.Link(false, "one.md", "the first", 1, html.indexOf("one.md"),
                html.indexOf("one.md") + 6), found.get(0));
        assertEquals(new RawLinks.Link(true, "chart.png", "A chart", 2, html.indexOf("chart.png"),
                html.indexOf("chart.png") + 9), found.get(1));
        RawLinks.Link escaped = found.get(2);
        assertEquals("a.md?x=1&y=2", escaped.destination());
        // its query, written with a character reference, stays as written when its path is replaced
        assertEquals(html.replace("\"a.md?x=1&amp;y=2\"", "\"x?x=1&amp;y=2\""),
                RawLinks.rewrite(html, List.of(escaped), dest -> "x"));
        assertEquals(List.of(), RawLinks.of("<br>"));
        assertEquals(List.of(), RawLinks.of("</a>"));
    }

    @Test
    void anAddressTheParserCopiesForMisnestedMarkupIsFoundAndReplacedOnce() {
        String html = "<div><a href=\"/articles/b.md\">one</div>\n<p>two</p>";
        List<RawLinks.Link> found = RawLinks.of(html);
        assertEquals(1, found.size(), found.toString());
        assertEquals("<div><a href=\"/articles/b.html\">one</div>\n<p>two</p>",
                RawLinks.rewrite(html, found, dest -> dest.replace(".md", ".html")));
        // a range that no longer holds the address it names is left alone
        RawLinks.Link l = found.get(0);
        assertEquals(html, RawLinks.rewrite(html, List.of(l, new RawLinks.Link(false, l.destination(), "", 1, l.from() + 1,
                l.to() + 1)), dest -> "o").replace("href=\"o\"", "href=\"/articles/b.md\""));
    }

    @Test
    void anImagesMissingAltIsToldFromAnEmptyOne() {
        List<RawLinks.Link> found = RawLinks.of("<img src=a.png alt=\"\"><img src=b.png><img src=c.png alt=C>");
        assertEquals("", found.get(0).text());
        assertEquals(null, found.get(1).text());
        assertEquals("C", found.get(2).text());
    }

    @Test
    void onlyContentFilesAreDocuments() {
        for (String yes : List.of("a.md", "../2024/b.MD#part", "/articles/c.markdown?x=1")) {
            assertEquals(true, RawLinks.namesDocument(yes), yes);
        }
        for (String no : List.of("a.html", "../x/", "https://x.org/a.md", "//x.org/a.md", "mailto:a.md", "a.md.png", "#a.md")) {
            assertEquals(false, RawLinks.namesDocument(no), no);
        }
    }

    @Test
    void onlyPlainAddressesAreReplacedAndTheRestStaysAsWritten() {
        String html = "<P CLASS=x>  <a  href=one.md >1</a><a href='two.md#n'>2</a><a href=\"a.md?x=1&amp;y=2\">3</a>"
                + "<img src=\"pic.png\" alt=\"\"></P>";
        String made = RawLinks.rewrite(html, RawLinks.of(html), dest -> dest.endsWith(".png") ? dest
                : "../" + dest.replace(".md", "/"));
        assertEquals("<P CLASS=x>  <a  href=../one/ >1</a><a href='../two/#n'>2</a><a href=\"../a/?x=1&amp;y=2\">3</a>"
                + "<img src=\"pic.png\" alt=\"\"></P>", made);
        // a path written with a character reference is left as written
        String encoded = "<a href=\"&#111;ther.md\">x</a>";
        assertEquals(encoded, RawLinks.rewrite(encoded, RawLinks.of(encoded), dest -> "o"));
        // an address that would need quoting where it stands is left as written
        assertEquals("<a href=x.md>x</a>", RawLinks.rewrite("<a href=x.md>x</a>", RawLinks.of("<a href=x.md>x</a>"),
                dest -> "a b"));
        assertEquals("<a href=\"x.md\">x</a>", RawLinks.rewrite("<a href=\"x.md\">x</a>",
                RawLinks.of("<a href=\"x.md\">x</a>"), dest -> "\"><script>"));
    }
}
