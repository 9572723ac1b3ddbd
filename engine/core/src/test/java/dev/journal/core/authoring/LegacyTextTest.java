package dev.journal.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyTextTest {

    static String seed() throws IOException {
        try (InputStream in = LegacyTextTest.class.getResourceAsStream("/legacy/000_fa3c26d2fc650530.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSeedHasItsAuthorThreeHeadingsEveryParagraphAndNoMarker() throws IOException {
        String seed = seed();
        LegacyText text = LegacyText.parse(seed);
        assertEquals(List.of("Irina Khalturina"), text.authors());
        assertEquals(List.of("Alliance or Pact?", "Strategic Partners", "Food for Thought"),
                text.blocks().stream().filter(LegacyText.Block::heading).map(LegacyText.Block::text).toList());
        List<String> lines = seed.lines().filter(l -> !l.isBlank()).toList();
        // every line but the author, the three headings and the marker is a paragraph, in order
        List<String> expected = lines.subList(1, lines.size() - 1).stream()
                .filter(l -> !List.of("Alliance or Pact?", "Strategic Partners", "Food for Thought").contains(l))
                .toList();
        assertEquals(expected, text.blocks().stream().filter(b -> !b.heading()).map(LegacyText.Block::text).toList());
        assertTrue(text.marker());
        assertTrue(text.blocks().stream().noneMatch(b -> b.text().contains("RECOMMEND")));
    }

    @Test
    void hardWrappedParagraphsSeparatedByBlankLinesAreJoined() {
        LegacyText text = LegacyText.parse("""
                AUTHORS: ANNA LINDQVIST and DANIEL OKAFOR

                The Arctic Council has been in a state of suspended animation since
                March 2022, when seven of its eight members paused their work.

                A Council Without Russia
                The remaining members resumed limited work in 2023, on projects
                that do not involve Russia, and the results have been modest.

                Short closing thought.
                RECOMMEND:x.txt
                """);
        assertEquals(List.of("Anna Lindqvist", "Daniel Okafor"), text.authors());
        assertEquals(List.of(
                new LegacyText.Block(false, "The Arctic Council has been in a state of suspended animation since"
                        + " March 2022, when seven of its eight members paused their work."),
                new LegacyText.Block(true, "A Council Without Russia"),
                new LegacyText.Block(false, "The remaining members resumed limited work in 2023, on projects that do"
                        + " not involve Russia, and the results have been modest."),
                new LegacyText.Block(false, "Short closing thought.")), text.blocks());
        assertTrue(text.marker());
    }

    @Test
    void shortLinesThatEndSentencesOrEndTheTextAreParagraphs() {
        LegacyText text = LegacyText.parse("Author: x\nIt is true.\n" + "Long ".repeat(30) + "text.\nFinal Words\n");
        assertTrue(text.blocks().stream().noneMatch(LegacyText.Block::heading), text.blocks()::toString);
        assertFalse(text.marker());
    }

    @Test
    void withoutAnAuthorLineTheFirstLineIsText() {
        LegacyText text = LegacyText.parse("\r\nJust text, no byline.\r\n");
        assertEquals(List.of(), text.authors());
        assertEquals(List.of(new LegacyText.Block(false, "Just text, no byline.")), text.blocks());
    }
}
