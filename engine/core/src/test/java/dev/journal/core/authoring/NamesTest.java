package dev.journal.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.journal.core.SpecFiles;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of {@code spec/names.tsv}. */
class NamesTest {

    static Stream<Arguments> cases() {
        return SpecFiles.rows("names.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void capitalise(String written, String expected) {
        assertEquals(expected, Names.capitalise(written));
    }
}
