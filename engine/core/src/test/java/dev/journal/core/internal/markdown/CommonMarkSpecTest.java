package dev.journal.core.internal.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the CommonMark spec (0.31.2, 652 examples), through the engine's Markdown stage. */
class CommonMarkSpecTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(MarkdownOptions.commonMark());

    static Stream<Example> examples() {
        return ExampleReader.readExamples(TestResources.getSpec()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example(Example example) {
        // The spec writes tabs as → in both the Markdown and the HTML; the reader converts only the Markdown.
        String expected = example.getHtml().replace('\u2192', '\t');
        assertEquals(expected, RENDERER.toHtml(example.getSource()), example.getSource());
    }

    @Test
    void theWholeSpecIsRead() {
        List<Example> all = ExampleReader.readExamples(TestResources.getSpec());
        assertEquals(652, all.size(), "CommonMark 0.31.2 has 652 examples");
    }
}
