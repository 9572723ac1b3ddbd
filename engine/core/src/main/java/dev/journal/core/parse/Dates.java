package dev.journal.core.parse;

import dev.journal.core.Problem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as authors write them: {@code 2024-06-28}, {@code 2024-06-28 14:30},
 * {@code 2024-06-28T14:30:00+02:00}. A date or time without a zone is in the site's zone. Dates
 * that do not exist ({@code 2023-02-29}), forms whose day and month could be read either way
 * ({@code 10/03/2024}) and other forms ({@code 2024/06/28}, {@code 28.06.2024}) are refused with a
 * message saying why and how to write them.
 *
 * <p>Daylight saving time: a time the site's zone skips when its clocks go forward
 * ({@code 2024-03-31 02:30} in Europe/Berlin) does not exist, and is refused. A time it passes
 * twice when they go back ({@code 2024-10-27 02:30}) is taken as the first of the two (the earlier
 * instant, at the summer offset), with a warning that gives the offset to write for the second. A
 * date without a time is the first moment of that day, which always exists.
 */
public final class Dates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    /** Three numbers separated by slashes or dots, as in {@code 10/03/2024}, {@code 2024/06/28}, {@code 28.06.2024}. */
    private static final Pattern SEPARATED = Pattern.compile("(\\d{1,4})[/.](\\d{1,2})[/.](\\d{1,4})(.*)");
    private static final String HOW = "write the date as YYYY-MM-DD";

    private Dates() {
    }

    /** A date that cannot be used, with the reason in words. */
    public static final class DateException extends Exception {
        private static final long serialVersionUID = 1L;

        DateException(String message) {
            super(message);
        }
    }

    /**
     * Parses a date written in the ISO style, in {@code zone} unless it names its own offset; the
     * warning about a time that the zone passes twice is dropped (for zones without daylight
     * saving time, and for callers that only check the form).
     */
    public static ZonedDateTime parse(String raw, ZoneId zone) throws DateException {
        return parse(raw, zone, warning -> { });
    }

    /**
     * Parses a date written in the ISO style, in {@code zone} unless it names its own offset, handing
     * {@code warnings} what is worth saying about a date that is used all the same (a time the zone
     * passes twice).
     */
    public static ZonedDateTime parse(String raw, ZoneId zone, Consumer<String> warnings) throws DateException {
        String text = raw.strip();
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            Matcher s = SEPARATED.matcher(text);
            if (s.matches()) {
                throw new DateException(notIso(text, s));
            }
            throw new DateException(Problem.quote(text) + " is not a date; write it as YYYY-MM-DD, optionally"
                    + " followed by a time (HH:MM) and an offset (+02:00)");
        }
        LocalDate date = date(text, num(m.group(1)), num(m.group(2)), num(m.group(3)));
        LocalTime time = m.group(4) == null ? null
                : time(text, num(m.group(4)), num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)),
                        m.group(7) == null ? 0 : nanos(m.group(7)));
        String offset = m.group(8);
        if (offset == null) {
            return inZone(text, date, time, zone, warnings);
        }
        ZoneId own = switch (offset.toUpperCase(Locale.ROOT)) {
            case "Z", "UTC", "GMT" -> ZoneOffset.UTC;
            default -> offset(text, offset);
        };
        return ZonedDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time, own);
    }

    /** A date, or why it does not exist, in words (not java.time's, which name its fields in code). */
    private static LocalDate date(String text, int year, int month, int day) throws DateException {
        String no = Problem.quote(text) + " is not a real date: ";
        if (month < 1 || month > 12) {
            throw new DateException(no + "month " + month + " does not exist (1-12)");
        }
        YearMonth ym = YearMonth.of(year, month);
        if (day >= 1 && day <= ym.lengthOfMonth()) {
            return ym.atDay(day);
        }
        String name = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (month == 2 && day == 29) {
            throw new DateException(no + "day 29 does not exist, as " + year + " is not a leap year (February "
                    + year + " has 28 days)");
        }
        throw new DateException(no + "day " + day + " does not exist (" + (month == 2 ? name + " " + year : name)
                + " has " + ym.lengthOfMonth() + " days)");
    }

    /** A time of day, or why it does not exist, in words. */
    private static LocalTime time(String text, int hour, int minute, int second, int nanos) throws DateException {
        String no = Problem.quote(text) + " is not a real time: ";
        if (hour > 23) {
            throw new DateException(no + "hour " + hour + " does not exist (0-23" + (hour == 24
                    ? "; midnight at the end of the day is 00:00 of the next)" : ")"));
        }
        if (minute > 59) {
            throw new DateException(no + "minute " + minute + " does not exist (0-59)");
        }
        if (second > 59) {
            throw new DateException(no + "second " + second + " does not exist (0-59)");
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    /** An offset written {@code +02}, {@code +0200} or {@code +02:00}, or why it does not exist, in words. */
    private static ZoneOffset offset(String text, String offset) throws DateException {
        String digits = offset.substring(1).replace(":", "");
        int hours = num(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? num(digits.substring(2)) : 0;
        String no = Problem.quote(text) + " has no real offset: ";
        if (minutes > 59) {
            throw new DateException(no + "minute " + minutes + " of " + offset + " does not exist (0-59)");
        }
        if (hours * 60 + minutes > 18 * 60) {
            throw new DateException(no + offset + " is more than 18 hours from UTC");
        }
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /**
     * Parses a date in a JBake {@code date.format} pattern (as {@link java.text.SimpleDateFormat}
     * writes it), falling back to the ISO forms; the warning about a time that the zone passes
     * twice is dropped.
     */
    public static ZonedDateTime parse(String raw, String pattern, ZoneId zone) throws DateException {
        return parse(raw, pattern, zone, warning -> { });
    }

    /**
     * Parses a date in a JBake {@code date.format} pattern (as {@link java.text.SimpleDateFormat}
     * writes it), falling back to the ISO forms, handing {@code warnings} what is worth saying about
     * a date that is used all the same.
     */
    public static ZonedDateTime parse(String raw, String pattern, ZoneId zone, Consumer<String> warnings)
            throws DateException {
        String text = raw.strip();
        String twelve = twelveHourWithoutMarker(pattern);
        if (twelve != null) {
            return lenientHours(text, pattern, twelve, zone, warnings);
        }
        Object parsed;
        try {
            DateTimeFormatter f = jbakeFormatter(pattern);
            parsed = f.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return parse(text, zone, warnings);
        }
        if (parsed instanceof ZonedDateTime z) {
            return z;
        }
        if (parsed instanceof LocalDateTime l) {
            return inZone(text, l.toLocalDate(), l.toLocalTime(), zone, warnings);
        }
        return inZone(text, (LocalDate) parsed, null, zone, warnings);
    }

    /**
     * As {@link #parse(String, String, ZoneId, Consumer)}, reading the text as JBake 2.7.0 reads a
     * header's date ({@link java.text.SimpleDateFormat#parse(String)}): when the pattern reads only
     * the start of it ({@code 2020-01-02 10:30} in {@code yyyy-MM-dd}), the rest is ignored, with a
     * warning that says so.
     */
    public static ZonedDateTime parseAsJBake(String raw, String pattern, ZoneId zone, Consumer<String> warnings)
            throws DateException {
        String text = raw.strip();
        if (twelveHourWithoutMarker(pattern) == null) {
            try {
                DateTimeFormatter f = jbakeFormatter(pattern);
                java.text.ParsePosition at = new java.text.ParsePosition(0);
                f.parse(text, at);
                // a digit right after is not ignored: SimpleDateFormat reads it as part of the last field
                // (2020-01-021 is 21 January), which no reading here matches; the text is then read whole
                if (at.getIndex() > 0 && at.getIndex() < text.length() && !Character.isDigit(text.charAt(at.getIndex()))) {
                    warnings.accept("'" + text.substring(at.getIndex()).strip() + "' after the date.format ("
                            + pattern.strip() + ") is ignored, as JBake ignores it; add it to date.format to keep it");
                    return parse(text.substring(0, at.getIndex()), pattern, zone, warnings);
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                // read whole, below
            }
        }
        return parse(text, pattern, zone, warnings);
    }

    /** Where a two-digit year ({@code yy}) starts its century: 50-99 are 1950-1999, 00-49 are 2000-2049. */
    static final int TWO_DIGIT_YEARS_FROM = 1950;

    /**
     * A {@code date.format} (SimpleDateFormat's letters) as a strict formatter: {@code yyyy} is the
     * year, and {@code y} or {@code yy} a year of two digits in the hundred years from
     * {@value #TWO_DIGIT_YEARS_FROM} or of four as written
     * (SimpleDateFormat's window moves with the clock: the 80 years before the day it reads and the
     * 20 after; a build must not depend on the clock).
     */
    static DateTimeFormatter jbakeFormatter(String pattern) {
        java.time.format.DateTimeFormatterBuilder b = new java.time.format.DateTimeFormatterBuilder();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            quoted ^= c == '\'';
            int run = 0;
            while (!quoted && c == 'y' && i + run < pattern.length() && pattern.charAt(i + run) == 'y') {
                run++;
            }
            if (run == 1 || run == 2) {
                // SimpleDateFormat's y and yy: two digits are a year of the window, more are the year itself
                b.appendPattern(part.toString());
                part.setLength(0);
                b.appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 4, TWO_DIGIT_YEARS_FROM);
                i += run - 1;
            } else if (run > 0) {
                part.append("u".repeat(run));
                i += run - 1;
            } else {
                part.append(c);
            }
        }
        b.appendPattern(part.toString());
        return b.toFormatter(Locale.ROOT).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /**
     * The 12-hour letter ({@code h} or {@code K}) of a {@code date.format} pattern that has one but no
     * am/pm marker ({@code a}), outside quoted text; null for any other pattern.
     */
    static String twelveHourWithoutMarker(String pattern) {
        String letter = null;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'a') {
                return null;
            } else if (!quoted && (c == 'h' || c == 'K') && letter == null) {
                letter = String.valueOf(c);
            }
        }
        return letter;
    }

    /**
     * A date in a pattern with a 12-hour field and no am/pm marker, read as JBake 2.7.0 reads it
     * ({@link java.text.SimpleDateFormat}, lenient, morning by default): an hour from 0 to 23 is that
     * hour of the day, but 12 under {@code h} (1-12, 12 being the first hour of the morning) is 0,
     * with a warning, as the page shows a time the author most likely did not mean. Hours past 23,
     * which JBake carries into the next day, are refused.
     */
    private static ZonedDateTime lenientHours(String text, String pattern, String letter, ZoneId zone,
            Consumer<String> warnings) throws DateException {
        StringBuilder p = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            quoted ^= c == '\'';
            p.append(!quoted && (c == 'h' || c == 'K') ? 'H' : c);
        }
        LocalDateTime read;
        try {
            read = LocalDateTime.parse(text, jbakeFormatter(p.toString()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return parse(text, zone, warnings);
        }
        if (letter.equals("h") && read.getHour() == 12) {
            LocalDateTime morning = read.withHour(0);
            warnings.accept(Problem.quote(text) + " is read as " + clock(morning) + ", as JBake reads it: date.format "
                    + Problem.quote(pattern) + " has a 12-hour clock (h) without am/pm (a), on which 12 is midnight;"
                    + " write 00 for midnight, or HH in date.format for a 24-hour clock");
            read = morning;
        }
        return inZone(text, read.toLocalDate(), read.toLocalTime(), zone, warnings);
    }

    /**
     * A date and time as the clocks of {@code zone} show it: refused when they skip it, the first of
     * the two when they show it twice. A date without a time ({@code time} null) is the first moment
     * of that day.
     */
    private static ZonedDateTime inZone(String text, LocalDate date, LocalTime time, ZoneId zone,
            Consumer<String> warnings) throws DateException {
        if (time == null) {
            ZonedDateTime start = date.atStartOfDay(zone); // after a gap at midnight, its end
            if (!start.toLocalDate().equals(date)) {
                ZoneOffsetTransition t = zone.getRules().getTransition(date.atStartOfDay());
                throw new DateException(Problem.quote(text) + " does not exist in " + zone.getId() + ": the clocks"
                        + " go forward " + span(t) + ", skipping the day");
            }
            return start;
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t == null) {
            return ZonedDateTime.of(local, zone);
        }
        if (t.isGap()) {
            throw new DateException(Problem.quote(text) + " does not exist in " + zone.getId() + ": the clocks go"
                    + " forward " + span(t) + "; write a time before " + clock(t.getDateTimeBefore()) + " or from "
                    + clock(t.getDateTimeAfter()));
        }
        ZonedDateTime first = ZonedDateTime.ofLocal(local, zone, t.getOffsetBefore());
        ZonedDateTime second = ZonedDateTime.ofLocal(local, zone, t.getOffsetAfter());
        warnings.accept(Problem.quote(text) + " happens twice in " + zone.getId() + ", as the clocks go back "
                + span(t) + "; taken as the first, " + first.toOffsetDateTime() + "; write "
                + second.toOffsetDateTime() + " for the second");
        return first;
    }

    /** When a transition happens, in the local times before and after it: {@code on 2024-03-31 from 02:00 to 03:00}. */
    private static String span(ZoneOffsetTransition t) {
        LocalDateTime before = t.getDateTimeBefore();
        LocalDateTime after = t.getDateTimeAfter();
        if (before.toLocalDate().equals(after.toLocalDate())) {
            return "on " + before.toLocalDate() + " from " + clock(before) + " to " + clock(after);
        }
        return "from " + before.toLocalDate() + " " + clock(before) + " to " + after.toLocalDate() + " " + clock(after);
    }

    private static String clock(LocalDateTime t) {
        return t.toLocalTime().format(DateTimeFormatter.ofPattern(t.getSecond() == 0 ? "HH:mm" : "HH:mm:ss",
                Locale.ROOT));
    }

    /**
     * Why three numbers separated by slashes or dots are refused: ambiguous when the day and the
     * month could be read either way; otherwise the form, with the same date written year first,
     * with hyphens.
     */
    private static String notIso(String text, Matcher s) {
        String a = s.group(1);
        String c = s.group(3);
        int x = num(a);
        int y = num(s.group(2));
        String which = Problem.quote(text);
        if (a.length() == 4) { // year, month, day
            return notIso(which, x, y, num(c), s.group(4), "with hyphens");
        }
        if (c.length() != 4) {
            return which + " does not say which number is the year; " + HOW;
        }
        int year = num(c);
        if (x >= 1 && y >= 1 && x <= 12 && y <= 12 && x != y) {
            return which + " is ambiguous: day and month could be read either way (" + iso(year, y, x) + " or "
                    + iso(year, x, y) + "); " + HOW;
        }
        // one reading only: day first (28/06/2024), month first (06/28/2024), or both the same (10/10/2024)
        return x > 12 ? notIso(which, year, y, x, s.group(4), "year first")
                : notIso(which, year, x, y, s.group(4), "year first");
    }

    /** A date in another form than YYYY-MM-DD that can be read one way only, and how to write it. */
    private static String notIso(String which, int year, int month, int day, String rest, String how) {
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return which + " is not a real date; " + HOW;
        }
        return which + " is not in the form YYYY-MM-DD: write it " + how + ", " + iso(year, month, day) + rest;
    }

    private static String iso(int year, int month, int day) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
