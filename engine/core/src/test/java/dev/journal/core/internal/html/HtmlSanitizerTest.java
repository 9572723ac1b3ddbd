package dev.journal.core.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownOptions.RawHtml;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.internal.markdown.MarkdownResult;
import dev.journal.core.internal.markdown.SafeUrlSanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer(Set.of("youtube-nocookie.com", "player.vimeo.com"),
            new SafeUrlSanitizer(SafeUrlSanitizer.DEFAULT_SCHEMES));
    private static final MarkdownRenderer TRUSTING = new MarkdownRenderer(MarkdownOptions.site(true)
            .withRawHtml(RawHtml.TRUST));
    private static final MarkdownRenderer SANITIZING = new MarkdownRenderer(MarkdownOptions.site(true));

    /** Every construct the engine's Markdown produces, without raw HTML. */
    private static final String KITCHEN_SINK = """
            # Title with `code` & "quotes"

            ## 2024: a heading that starts with a digit

            Text with a footnote[^note], another[^2], **strong**, *em*, ~~struck~~, `code <x>`, a hard
            break\\
            and www.example.org, <https://example.org/?a=1&b=2>, <editor@example.org>.

            [relative](../2024/other/ "Title") [absolute](https://example.org) [anchor](#notes)
            ![chart](img/chart.png "Chart")
            [javascript](javascript:alert(1)) ![data](data:image/png;base64,AAAA)

            | left | centre | right |
            |:-----|:------:|------:|
            | 1    | 2      | 3     |

            ```python
            if a < b and c > d: pass
            ```

                indented code

            > A quote
            > - with a list

            1. one
            2. two

            7. seven

            - [ ] not a task list here
            - item

            ***

            [^note]: The note, with [a link](https://example.org).
            [^2]: Second.
            """;

    static Stream<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("../../content"), Path.of("src/test/resources/sites/basic/content"))) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    /** An HTML fragment's tree as XML: {@code <hr />} and {@code <hr>}, {@code a} and {@code a=""} are equal. */
    private static String normalized(String html) {
        Document d = Jsoup.parseBodyFragment(html);
        d.outputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.xml);
        return d.body().html();
    }

    /** Sanitising HTML the engine made itself changes nothing: headings, footnotes, tables, code, links all survive. */
    @Test
    void theEnginesOwnMarkupSurvives() {
        MarkdownResult r = TRUSTING.render(KITCHEN_SINK, 1, s -> s);
        assertFalse(r.rawHtml());
        assertEquals(normalized(r.html()), normalized(SANITIZER.clean(r.html())));
    }

    @ParameterizedTest
    @MethodSource("markdownFiles")
    void theJournalsArticlesSurvive(Path file) throws IOException {
        String text = Files.readString(file);
        String body = text.substring(text.indexOf("\n---", 3) + 4);
        String html = TRUSTING.render(body, 1, s -> s).html();
        assertEquals(normalized(html), normalized(SANITIZER.clean(html)), file.toString());
    }

    /** The sanitiser only runs on documents with raw HTML; others come out exactly as commonmark wrote them. */
    @Test
    void documentsWithoutRawHtmlAreNotReparsed() {
        MarkdownResult r = SANITIZING.render("A\n\n***\n\nB  \nC\n", 1, s -> s);
        assertFalse(r.rawHtml());
        assertEquals("<p>A</p>\n<hr />\n<p>B<br />\nC</p>\n", r.html(), "jsoup would write <hr> and <br>");
        assertTrue(SANITIZING.render("A <b>b</b>\n", 1, s -> s).rawHtml());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.youtube-nocookie.com/embed/x", "https://youtube-nocookie.com/embed/x",
            "https://player.vimeo.com/video/1", "HTTPS://PLAYER.VIMEO.COM/video/1"})
    void embeddable(String src) {
        assertTrue(SANITIZER.embeddable(src), src);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://player.vimeo.com/video/1", "//player.vimeo.com/video/1",
            "https://vimeo.com/1", "https://player.vimeo.com.evil.example/", "https://evilplayer.vimeo.com.example/",
            "https://notyoutube-nocookie.com/", "https://player.vimeo.com@evil.example/",
            "https://evil.example\\@player.vimeo.com/", "javascript:pwn()//player.vimeo.com", "", "player.vimeo.com",
            "https://evil.example/?u=https://player.vimeo.com/"})
    void notEmbeddable(String src) {
        assertFalse(SANITIZER.embeddable(src), src);
    }

    @Test
    void theEmbedHostsAreTheSites() {
        String frame = "<iframe src=\"https://media.example.org/x\"></iframe><iframe"
                + " src=\"https://player.vimeo.com/video/1\"></iframe>\n";
        MarkdownRenderer own = new MarkdownRenderer(MarkdownOptions.of(SiteConfig.of(Map.of(
                "journal.markdown.html.embeds", "media.example.org"))));
        assertEquals("<iframe src=\"https://media.example.org/x\"></iframe>\n", own.render(frame, 1, s -> s).html());
        MarkdownRenderer none = new MarkdownRenderer(MarkdownOptions.of(SiteConfig.of(Map.of(
                "journal.markdown.html.embeds", ""))));
        assertEquals("\n", none.render(frame, 1, s -> s).html());
    }

    @Test
    void styles() {
        assertTrue(HtmlSanitizer.safeStyle("text-align: center; color: #333;"));
        assertTrue(HtmlSanitizer.safeStyle("border: 1px solid rgba(0, 0, 0, 0.5)"));
        assertTrue(HtmlSanitizer.safeStyle(""));
        assertFalse(HtmlSanitizer.safeStyle("color: expression(alert(1))"));
        assertFalse(HtmlSanitizer.safeStyle("background: url(x.png)"));
        assertFalse(HtmlSanitizer.safeStyle("background-image: url(javascript:x)"));
        assertFalse(HtmlSanitizer.safeStyle("color: rgb(0,0,0) url(x)"));
        assertFalse(HtmlSanitizer.safeStyle("position: fixed"));
        assertFalse(HtmlSanitizer.safeStyle("color: re\\64"));
        assertFalse(HtmlSanitizer.safeStyle("color: red !important"));
        assertFalse(HtmlSanitizer.safeStyle("color"));
        assertFalse(HtmlSanitizer.safeStyle("color: red; @import 'x'"));
    }

    @Test
    void htmlDocumentsFollowTheSamePolicy() {
        String page = "<h2>Report</h2><p onclick=\"pwn()\">First <b>para</b>.</p><script>pwn()</script><p>Second.</p>";
        MarkdownResult sanitized = SANITIZING.renderHtml(page);
        assertEquals("<h2>Report</h2><p>First <b>para</b>.</p><p>Second.</p>", sanitized.html());
        assertEquals("First para.", sanitized.firstParagraph());
        assertEquals("Report First para. Second.\n", sanitized.text(), "no script in the text");
        assertEquals(page, TRUSTING.renderHtml(page).html());
        MarkdownResult escaped = new MarkdownRenderer(MarkdownOptions.site(true).withRawHtml(RawHtml.ESCAPE))
                .renderHtml(page);
        assertTrue(escaped.html().startsWith("<pre>&lt;h2&gt;Report&lt;/h2&gt;"), escaped.html());
    }

    private static final String KEPT = " (journal.markdown.html=sanitize keeps safe markup only)";

    @Test
    void whatTheSanitiserRemovesIsNotedOnItsLineAndWhatItKeepsIsNot() {
        MarkdownResult r = SANITIZING.render("""
                Text <b>bold</b> and <sup>1</sup> <script>pwn()</script>.

                <div class="box" onclick="pwn()">
                <iframe src="https://evil.example/"></iframe>
                <iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>
                <a href="javascript:pwn()">link</a> <a href="https://example.org/">fine</a>
                </div>

                <!-- a comment for the editors -->
                """, 5, s -> s);
        assertEquals(List.of(
                new MarkdownResult.Note(5, "raw HTML removed from the page: <script>" + KEPT),
                new MarkdownResult.Note(7, "raw HTML removed from the page: onclick='pwn()' of <div>" + KEPT),
                new MarkdownResult.Note(8, "raw HTML removed from the page: <iframe> from a host not in"
                        + " journal.markdown.html.embeds" + KEPT),
                new MarkdownResult.Note(10, "raw HTML removed from the page: href='javascript:pwn()' of <a>" + KEPT)), r.notes());
        assertEquals(List.of(), TRUSTING.render("<script>x()</script>\n", 1, s -> s).notes(), "kept as written");
        assertEquals(List.of(new MarkdownResult.Note(3, "raw HTML removed from the page:"
                + " onclick='pwn()' of <p>, <script>" + KEPT)),
                SANITIZING.renderHtml("<h2>Report</h2>\n<p onclick=\"pwn()\">x</p><script>pwn()</script>", 2).notes(),
                "an HTML file's body, from its first line");
    }
}
