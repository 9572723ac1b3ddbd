package dev.journal.core.parse;

import dev.journal.core.Problem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as authors write them: {@code 2024-06-28}, {@code 2024-06-28 14:30},
 * {@code 2024-06-28T14:30:00+02:00}. A date or time without a zone is in the site's zone. Dates
 * that do not exist ({@code 2023-02-29}) and forms whose day and month could be read either way
 * ({@code 10/03/2024}) are refused with a message saying why.
 */
public final class Dates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern AMBIGUOUS = Pattern.compile("\\d{1,4}[/.]\\d{1,2}[/.]\\d{1,4}.*");

    private Dates() {
    }

    /** A date that cannot be used, with the reason in words. */
    public static final class DateException extends Exception {
        private static final long serialVersionUID = 1L;

        DateException(String message) {
            super(message);
        }
    }

    /** Parses a date written in the ISO style, in {@code zone} unless it names its own offset. */
    public static ZonedDateTime parse(String raw, ZoneId zone) throws DateException {
        String text = raw.strip();
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            if (AMBIGUOUS.matcher(text).matches()) {
                throw new DateException(Problem.quote(text) + " is ambiguous: day and month could be read either way;"
                        + " write the date as YYYY-MM-DD");
            }
            throw new DateException(Problem.quote(text) + " is not a date; write it as YYYY-MM-DD, optionally"
                    + " followed by a time (HH:MM) and an offset (+02:00)");
        }
        try {
            LocalDate date = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                    : LocalTime.of(num(m.group(4)), num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)),
                            m.group(7) == null ? 0 : nanos(m.group(7)));
            LocalDateTime local = LocalDateTime.of(date, time);
            String offset = m.group(8);
            if (offset == null) {
                return ZonedDateTime.of(local, zone);
            }
            ZoneId own = switch (offset.toUpperCase(Locale.ROOT)) {
                case "Z", "UTC", "GMT" -> ZoneOffset.UTC;
                default -> ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3)
                        : offset);
            };
            return ZonedDateTime.of(local, own);
        } catch (DateTimeException e) {
            throw new DateException(Problem.quote(text) + " is not a real date or time: " + e.getMessage());
        }
    }

    /**
     * Parses a date in a JBake {@code date.format} pattern (as {@link java.text.SimpleDateFormat}
     * writes it), falling back to the ISO forms.
     */
    public static ZonedDateTime parse(String raw, String pattern, ZoneId zone) throws DateException {
        String text = raw.strip();
        try {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);
            var parsed = f.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof ZonedDateTime z) {
                return z;
            }
            if (parsed instanceof LocalDateTime l) {
                return ZonedDateTime.of(l, zone);
            }
            return ZonedDateTime.of((LocalDate) parsed, LocalTime.MIDNIGHT, zone);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return parse(text, zone);
        }
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
