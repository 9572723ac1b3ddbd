package dev.journal.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.journal.core.SpecFiles;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Escaped text renders as exactly that text, with the site's Markdown extensions on. */
class MarkdownTextTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(MarkdownOptions.site(false));

    static Stream<String> cases() {
        return SpecFiles.rows("markdown-escapes.tsv").stream().map(r -> r[0]);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aParagraphShowsItsTextAsItIs(String text) {
        assertEquals("<p>" + html(text.strip()) + "</p>\n", MARKDOWN.toHtml(MarkdownText.paragraph(text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHeadingShowsItsTextAsItIs(String text) {
        String out = MARKDOWN.toHtml(MarkdownText.heading(text));
        String inner = out.substring(out.indexOf('>') + 1, out.lastIndexOf("</h2>"));
        assertEquals(html(text.strip()), inner, out);
    }

    @Test
    void ordinaryProseIsLeftReadable() {
        String text = "In Pyongyang, the Russian side emphasised \"hegemonic\" policy (60 to 70%) – U.S./NATO.";
        assertEquals(text, MarkdownText.paragraph(text));
    }
}
