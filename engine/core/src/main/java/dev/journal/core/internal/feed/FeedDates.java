package dev.journal.core.internal.feed;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Date-times as feeds and sitemaps write them, keeping the date's own offset. */
public final class FeedDates {

    /** RFC 3339 (Atom, JSON Feed, and W3C Datetime for sitemaps), to the second: {@code 2024-06-28T14:30:00+02:00}. */
    public static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT);

    private FeedDates() {
    }

    public static String rfc3339(ZonedDateTime date) {
        return RFC_3339.format(date);
    }

    /** RFC 822 as RSS 2.0 wants it, with English names and a four-digit year: {@code Fri, 28 Jun 2024 14:30:00 +0200}. */
    public static String rfc822(ZonedDateTime date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(date);
    }
}
