package dev.journal.core.index;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import dev.journal.core.parse.UrlPolicy;
import dev.journal.core.related.RelatedArticles;
import dev.journal.core.related.RelatedSettings;
import java.text.Collator;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The index stage: orders the parsed documents, groups them by tag, author and month, links each
 * article to its neighbours and to its recommended articles ({@link RelatedArticles}), and checks
 * what only the whole site can show (two tags on one URL, pins of unknown articles).
 */
public final class SiteIndexer {

    /** Newest first; equal dates by slug, then by path, so the order never depends on input order. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date, Comparator.nullsLast(Comparator.<ZonedDateTime>naturalOrder()
                    .reversed()))
            .thenComparing(Article::slug)
            .thenComparing(Article::sourcePath);

    private final SiteConfig config;
    private final UrlPolicy urls;
    private final Collator collator;
    private final ForkJoinPool pool;

    /** An indexer whose parallel parts (the recommender) run in the common pool. */
    public SiteIndexer(SiteConfig config) {
        this(config, ForkJoinPool.commonPool());
    }

    public SiteIndexer(SiteConfig config, ForkJoinPool pool) {
        this.config = config;
        this.pool = pool;
        this.urls = new UrlPolicy(config);
        this.collator = Collator.getInstance(config.locale());
        this.collator.setStrength(Collator.SECONDARY);
    }

    /** The index, or the problems that prevent it. */
    public record Result(SiteIndex index, List<Problem> problems) {
    }

    /**
     * Indexes the documents.
     *
     * @param now     the build's "now": later dates are scheduled and left out unless previewing
     * @param preview show drafts and scheduled articles
     */
    public Result index(List<Article> articles, ZonedDateTime now, boolean preview) {
        List<Problem> problems = new ArrayList<>();
        List<Article> shown = new ArrayList<>();
        List<Article> hidden = new ArrayList<>();
        for (Article a : articles) {
            boolean scheduled = a.date() != null && a.date().isAfter(now);
            (preview || !a.draft() && !scheduled ? shown : hidden).add(a);
        }
        shown.sort(Comparator.comparing(Article::sourcePath));
        hidden.sort(Comparator.comparing(Article::sourcePath));
        List<Article> posts = shown.stream().filter(Article::isPost).sorted(NEWEST_FIRST).toList();
        List<Article> pages = shown.stream().filter(Article::isPage).toList();

        List<Taxon> tags = taxa(posts, Article::tags, config.get("tag.path").strip(), "tag", problems);
        List<Taxon> authors = taxa(posts, Article::authors, config.get("journal.author.path").strip(), "author",
                problems);

        Map<String, SiteIndex.Neighbours> neighbours = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            Article older = i + 1 < posts.size() ? posts.get(i + 1) : null;
            Article newer = i > 0 ? posts.get(i - 1) : null;
            neighbours.put(posts.get(i).outputPath(), new SiteIndex.Neighbours(older, newer));
        }
        RelatedArticles related = RelatedArticles.index(posts, hidden, RelatedSettings.from(config), pool);
        problems.addAll(related.problems());
        SiteIndex index = new SiteIndex(config, now, preview, posts, pages, shown, hidden, tags, authors,
                archive(posts), neighbours, related.recommendAll(pool));
        return new Result(index, problems);
    }

    /** Groups posts by tag or author, checking that no two names share a URL. */
    private List<Taxon> taxa(List<Article> posts, Function<Article, List<String>> names, String folder, String what,
            List<Problem> problems) {
        Map<String, List<Article>> byKey = new LinkedHashMap<>();
        Map<String, String> display = new HashMap<>();
        Map<String, Article> firstUse = new HashMap<>();
        for (int i = posts.size() - 1; i >= 0; i--) { // oldest first: the first spelling wins
            Article a = posts.get(i);
            for (String name : names.apply(a)) {
                String key = Slugs.key(name);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                display.putIfAbsent(key, name);
                firstUse.putIfAbsent(key, a);
            }
        }
        Map<String, String> keyBySlug = new HashMap<>();
        List<Taxon> out = new ArrayList<>();
        String field = what.equals("tag") ? "tags" : "authors";
        for (var e : byKey.entrySet()) {
            String key = e.getKey();
            String slug = Slugs.slug(key);
            Article where = firstUse.get(key);
            if (slug.isEmpty()) {
                problems.add(Problem.error(where.sourcePath(), fieldLine(where, field), what + " '" + display.get(key)
                        + "' has no letter or digit to make its URL from"));
                continue;
            }
            String clash = keyBySlug.putIfAbsent(slug, key);
            if (clash != null) {
                Article other = firstUse.get(clash);
                problems.add(Problem.error(where.sourcePath(), fieldLine(where, field), what + " '" + display.get(key)
                        + "' and " + what + " '" + display.get(clash) + "' (in " + other.sourcePath()
                        + ") would share the URL " + folder + "/" + slug + "/; rename one of them"));
                continue;
            }
            List<Article> list = new ArrayList<>(e.getValue());
            list.sort(NEWEST_FIRST);
            out.add(new Taxon(key, display.get(key), slug, urls.section(folder, slug), list));
        }
        out.sort(Comparator.comparing(Taxon::name, collator).thenComparing(Taxon::key));
        return out;
    }

    private static int fieldLine(Article a, String field) {
        if (a.lines().containsKey(field)) {
            return a.line(field);
        }
        return a.line(field.substring(0, field.length() - 1));
    }

    private List<ArchiveYear> archive(List<Article> posts) {
        TreeMap<Integer, TreeMap<YearMonth, List<Article>>> years = new TreeMap<>(Comparator.reverseOrder());
        for (Article a : posts) {
            if (a.date() == null) {
                continue;
            }
            YearMonth month = YearMonth.from(a.date());
            years.computeIfAbsent(month.getYear(), y -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(month, m -> new ArrayList<>()).add(a);
        }
        String folder = config.get("journal.archive.path").strip();
        List<ArchiveYear> out = new ArrayList<>();
        years.forEach((year, months) -> {
            List<ArchiveYear.Month> ms = new ArrayList<>();
            months.forEach((m, list) -> ms.add(new ArchiveYear.Month(m, list)));
            out.add(new ArchiveYear(year, urls.section(folder, Integer.toString(year)), ms));
        });
        return out;
    }
}
