package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.SpecFiles;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of {@code spec/jbake-dates.tsv}: JBake headers' dates read as JBake 2.7.0 reads them, in a
 * {@code date.format} with a 12-hour field and no am/pm marker, or followed by more than it reads.
 */
class JBakeDatesTest {

    static Stream<Arguments> rows() {
        return SpecFiles.rows("jbake-dates.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2],
                r.length > 3 ? r[3] : ""));
    }

    @ParameterizedTest(name = "[{1}] in {0} -> {2} {3}")
    @MethodSource("rows")
    void readAsJBakeReadsIt(String format, String text, String expected, String warning) throws Exception {
        List<String> warnings = new ArrayList<>();
        if (expected.startsWith("error: ")) {
            Dates.DateException e = assertThrows(Dates.DateException.class,
                    () -> Dates.parseAsJBake(text, format, ZoneOffset.UTC, warnings::add));
            assertTrue(e.getMessage().contains(expected.substring(7)), e.getMessage());
            return;
        }
        Instant read = Dates.parseAsJBake(text, format, ZoneOffset.UTC, warnings::add).toInstant();
        assertEquals(Instant.parse(expected), read);
        // JBake's own reading: SimpleDateFormat, lenient as created (the default locale aside), when
        // the format reads the value or its start (not a date alone, which the engine reads in the ISO
        // forms)
        SimpleDateFormat jbake = new SimpleDateFormat(format, Locale.ROOT);
        jbake.setTimeZone(TimeZone.getTimeZone("UTC"));
        ParsePosition at = new ParsePosition(0);
        Date theirs = jbake.parse(text, at);
        if (theirs != null) {
            assertEquals(theirs.toInstant(), read, "as JBake 2.7.0 reads it");
        }
        if (warning.isEmpty()) {
            assertEquals(List.of(), warnings);
        } else {
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(warning.substring("warning: ".length())), warnings.get(0));
        }
    }
}
