package dev.journal.core.index;

import dev.journal.core.parse.Article;
import dev.journal.core.parse.UrlPolicy;
import java.time.YearMonth;
import java.util.List;

/**
 * One year of the archive, newest month first.
 *
 * @param year   the year
 * @param target where the year's own page goes
 * @param months its months with articles, newest first
 */
public record ArchiveYear(int year, UrlPolicy.Target target, List<Month> months) {

    /** One month of articles, newest first. */
    public record Month(YearMonth month, List<Article> articles) {
        public Month {
            articles = List.copyOf(articles);
        }
    }

    public ArchiveYear {
        months = List.copyOf(months);
    }

    public int count() {
        return months.stream().mapToInt(m -> m.articles().size()).sum();
    }
}
