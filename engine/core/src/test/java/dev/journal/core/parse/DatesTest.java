package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.SpecFiles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatesTest {

    static Stream<Arguments> rows() {
        return SpecFiles.rows("dates.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r.length > 3 ? r[3] : ""));
    }

    @ParameterizedTest(name = "[{0}] in {1} -> {2} {3}")
    @MethodSource("rows")
    void parse(String text, String zone, String expected, String warning) throws Exception {
        List<String> warnings = new ArrayList<>();
        if (expected.startsWith("error: ")) {
            Dates.DateException e = assertThrows(Dates.DateException.class,
                    () -> Dates.parse(text, ZoneId.of(zone), warnings::add));
            assertTrue(e.getMessage().contains(expected.substring(7)), e.getMessage());
        } else {
            assertEquals(Instant.parse(expected), Dates.parse(text, ZoneId.of(zone), warnings::add).toInstant());
        }
        if (warning.isEmpty()) {
            assertEquals(List.of(), warnings);
        } else {
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(warning.substring("warning: ".length())), warnings.get(0));
        }
    }

    @Test
    void jbakeDateFormat() throws Exception {
        assertEquals(Instant.parse("2013-09-24T00:00:00Z"),
                Dates.parse("24/09/2013", "dd/MM/yyyy", ZoneId.of("UTC")).toInstant());
        assertEquals(Instant.parse("2013-09-24T00:00:00Z"),
                Dates.parse("2013-09-24", "yyyy-MM-dd", ZoneId.of("UTC")).toInstant());
    }

    @Test
    void aJBakeDateFormatKeepsTheDaylightSavingRules() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Dates.DateException e = assertThrows(Dates.DateException.class,
                () -> Dates.parse("31/03/2024 02:30", "dd/MM/yyyy HH:mm", berlin, w -> { }));
        assertTrue(e.getMessage().contains("does not exist in Europe/Berlin"), e.getMessage());
        List<String> warnings = new ArrayList<>();
        assertEquals(Instant.parse("2024-10-27T00:30:00Z"),
                Dates.parse("27/10/2024 02:30", "dd/MM/yyyy HH:mm", berlin, warnings::add).toInstant());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("happens twice"), warnings.get(0));
        assertEquals(Instant.parse("2024-03-30T23:00:00Z"),
                Dates.parse("31/03/2024", "dd/MM/yyyy", berlin, warnings::add).toInstant());
    }
}
