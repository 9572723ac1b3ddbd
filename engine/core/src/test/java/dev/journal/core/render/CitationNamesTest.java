package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.journal.core.SpecFiles;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of {@code spec/citation-names.tsv}. */
class CitationNamesTest {

    static Stream<Arguments> cases() {
        return SpecFiles.rows("citation-names.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], r[4]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invertedNaturalBibtexAndKeyed(String written, String inverted, String natural, String bibtex,
            String keyFamily) {
        assertEquals(inverted, Citation.inverted(written));
        assertEquals(natural, Citation.PersonName.of(written).natural());
        assertEquals(bibtex, Citation.bibName(written));
        String key = CitationTest.citation("title: Ab\nauthors: ['" + written.replace("'", "''") + "']\ndate: 2024-01-02")
                .key();
        assertEquals(keyFamily + "2024", key);
    }
}
