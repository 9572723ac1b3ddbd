package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.SpecFiles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatesTest {

    static Stream<Arguments> rows() {
        return SpecFiles.rows("dates.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "[{0}] in {1} -> {2}")
    @MethodSource("rows")
    void parse(String text, String zone, String expected) throws Exception {
        if (expected.startsWith("error: ")) {
            Dates.DateException e = assertThrows(Dates.DateException.class, () -> Dates.parse(text, ZoneId.of(zone)));
            assertTrue(e.getMessage().contains(expected.substring(7)), e.getMessage());
        } else {
            assertEquals(Instant.parse(expected), Dates.parse(text, ZoneId.of(zone)).toInstant());
        }
    }

    @Test
    void jbakeDateFormat() throws Exception {
        assertEquals(Instant.parse("2013-09-24T00:00:00Z"),
                Dates.parse("24/09/2013", "dd/MM/yyyy", ZoneId.of("UTC")).toInstant());
        assertEquals(Instant.parse("2013-09-24T00:00:00Z"),
                Dates.parse("2013-09-24", "yyyy-MM-dd", ZoneId.of("UTC")).toInstant());
    }
}
