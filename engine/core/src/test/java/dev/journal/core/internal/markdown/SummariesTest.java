package dev.journal.core.internal.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.journal.core.SpecFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The first paragraph of a body, which summarises an article: the cases of {@code spec/summaries.tsv}. */
class SummariesTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(MarkdownOptions.site(true));

    static Stream<Arguments> rows() {
        return SpecFiles.rows("summaries.tsv").stream().map(r -> Arguments.of(r[1], r[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void firstParagraph(String markdown, String summary) {
        assertEquals(summary, RENDERER.render(markdown, 1, s -> s).firstParagraph());
    }

    /** An HTML document (JBake's .html content) likewise passes over paragraphs of images alone. */
    @Test
    void anHtmlDocumentIsSummarisedByItsFirstParagraphOfText() {
        String html = "<p><img src=\"chart.png\" alt=\"Chart of things\"></p>\n"
                + "<p> <a href=\"chart.png\"><img src=\"chart.png\" alt=\"Chart\"></a> </p>\n"
                + "<p>Prices rose in May.</p>\n";
        for (MarkdownOptions.RawHtml mode : List.of(MarkdownOptions.RawHtml.SANITIZE, MarkdownOptions.RawHtml.TRUST)) {
            assertEquals("Prices rose in May.", new MarkdownRenderer(MarkdownOptions.site(true).withRawHtml(mode))
                    .renderHtml(html).firstParagraph(), mode.name());
        }
        assertEquals("", RENDERER.renderHtml("<p><img src=\"chart.png\" alt=\"Chart\"></p>").firstParagraph());
    }
}
