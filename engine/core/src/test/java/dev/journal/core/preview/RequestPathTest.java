package dev.journal.core.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.SpecFiles;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of {@code spec/request-paths.tsv}. */
class RequestPathTest {

    static Stream<Arguments> cases() {
        return SpecFiles.rows("request-paths.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse(String raw, String expected) {
        Optional<RequestPath> p = RequestPath.parse(raw);
        if (expected.equals("REFUSED")) {
            assertTrue(p.isEmpty(), () -> "accepted as " + p.get().joined());
        } else {
            assertTrue(p.isPresent(), "refused");
            assertEquals(expected.equals("/") ? "" : expected, p.get().joined());
            assertEquals(expected.endsWith("/"), p.get().directory());
        }
    }

    @Test
    void hiddenSegmentsAreMarked() {
        assertTrue(RequestPath.parse("/.journal-output").orElseThrow().hidden());
        assertTrue(RequestPath.parse("/a/.git/config").orElseThrow().hidden());
        assertFalse(RequestPath.parse("/a/b.c/d").orElseThrow().hidden());
        assertTrue(RequestPath.parse("/.DS_Store").orElseThrow().hidden());
        assertTrue(RequestPath.parse("/css/.main.css.swp").orElseThrow().hidden());
        // what a build copies from the asset folder is served as the published site serves it
        assertFalse(RequestPath.parse("/.well-known/security.txt").orElseThrow().hidden());
        assertFalse(RequestPath.parse("/.nojekyll").orElseThrow().hidden());
        assertEquals(List.of("a", "b"), RequestPath.parse("/a/b").orElseThrow().segments());
        assertTrue(RequestPath.parse(null).isEmpty());
    }
}
