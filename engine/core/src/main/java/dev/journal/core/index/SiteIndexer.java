package dev.journal.core.index;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.Spelling;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The index stage: orders the parsed documents, groups them by tag, author and month, links each
 * article to its neighbours and to its recommended articles ({@link RelatedArticles}), attaches
 * authors' profiles ({@code type: author}, which are not pages themselves) to their authors, and
 * checks what only the whole site can show (two tags on one URL, two profiles of one author, pins
 * of unknown articles).
 */
public final class SiteIndexer {

    /** The order of two articles of equal dates. */
    private static final Comparator<Article> SAME_DATE = Comparator.comparing(Article::slug)
            .thenComparing(Article::sourcePath);

    /** Newest first; equal dates by slug, then by path, so the order never depends on input order. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date, Comparator.nullsLast(Comparator.<ZonedDateTime>naturalOrder()
                    .reversed()))
            .thenComparing(SAME_DATE);

    private static final Pattern LINK = Pattern.compile("(?i)(https?://|mailto:)\\S+");

    private final SiteConfig config;
    private final UrlPolicy urls;
    private final Collator collator;
    private final ForkJoinPool pool;
    private final boolean related;
    /** What a long-lived indexer keeps of the recommendations between builds; null when none. */
    private RelatedArticles.Memo relatedMemo;

    /** An indexer whose parallel parts (the recommender) run in the common pool. */
    public SiteIndexer(SiteConfig config) {
        this(config, ForkJoinPool.commonPool());
    }

    public SiteIndexer(SiteConfig config, ForkJoinPool pool) {
        this(config, pool, true);
    }

    /**
     * An indexer that recommends related articles only when {@code related}: a site whose templates
     * never show recommendations is spared the work.
     */
    public SiteIndexer(SiteConfig config, ForkJoinPool pool, boolean related) {
        this.related = related;
        this.config = config;
        this.pool = pool;
        this.urls = new UrlPolicy(config);
        this.collator = Collator.getInstance(config.locale());
        this.collator.setStrength(Collator.SECONDARY);
    }

    /**
     * This indexer, keeping the recommendations of articles that an edit cannot change in {@code memo}
     * from one build to the next (a long-lived process's).
     */
    public SiteIndexer keepingRecommendations(RelatedArticles.Memo memo) {
        this.relatedMemo = memo;
        return this;
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
            if (preview && a.draft() && a.isPost() && a.date() == null) {
                a = a.datedAt(now); // a draft not yet dated, shown where it would be if published now
            }
            (preview || !a.draft() && !isScheduled(a, now) ? shown : hidden).add(a);
        }
        shown.sort(Comparator.comparing(Article::sourcePath));
        hidden.sort(Comparator.comparing(Article::sourcePath));
        List<Article> profileFiles = shown.stream().filter(Article::isAuthorProfile).toList();
        shown.removeIf(Article::isAuthorProfile);
        List<Article> posts = List.copyOf(newestFirst(shown.stream().filter(Article::isPost).toList()));
        // the recommender, the longest part, runs beside the rest
        java.util.concurrent.ForkJoinTask<Recommended> recommending = related
                ? pool.submit(() -> recommend(posts, hidden)) : null;
        try {
            Map<String, AuthorProfile> profiles = profiles(profileFiles, articles, problems);
            problems.addAll(linksToHidden(shown, hidden, now));
            List<Article> pages = shown.stream().filter(Article::isPage).toList();

            // JBake makes a tag page for every tag of a published document of any type; the journal for
            // the tags of its articles. Either way a tag lists articles (JBake's tag_posts).
            List<Article> tagged = config.jbakeLayout() ? newestFirst(shown) : posts;
            List<Taxon> tags = taxa(tagged, Article::tags, config.folder("tag.path"), "tag", Map.of(), problems);
            List<Taxon> authors = taxa(posts, Article::authors, config.folder("journal.author.path"), "author",
                    profiles, problems);

            // Each document's neighbours among the shown documents of its type, as JBake links them.
            Map<String, SiteIndex.Neighbours> neighbours = new HashMap<>();
            Map<String, List<Article>> byType = new TreeMap<>();
            for (Article a : shown) {
                byType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(a);
            }
            for (List<Article> ofType : byType.values()) {
                List<Article> sorted = newestFirst(ofType);
                for (int i = 0; i < sorted.size(); i++) {
                    Article older = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
                    Article newer = i > 0 ? sorted.get(i - 1) : null;
                    neighbours.put(sorted.get(i).outputPath(), new SiteIndex.Neighbours(older, newer));
                }
            }
            Recommended recommended = recommending == null ? new Recommended(List.of(), Map.of())
                    : recommending.join();
            problems.addAll(recommended.problems());
            SiteIndex index = new SiteIndex(config, now, preview, posts, pages, shown, hidden, tags, authors,
                    archive(posts), neighbours, recommended.articles());
            return new Result(index, problems);
        } finally {
            if (recommending != null) {
                recommending.quietlyJoin(); // a failed index leaves nothing running with the memo
            }
        }
    }

    /** Every article's recommendations, and the problems of the articles' recommendation settings. */
    private record Recommended(List<Problem> problems, Map<String, List<Article>> articles) {
    }

    private Recommended recommend(List<Article> posts, List<Article> hidden) {
        RelatedArticles recommender = RelatedArticles.index(posts, hidden, RelatedSettings.from(config), pool,
                relatedMemo);
        return new Recommended(recommender.problems(), recommender.recommendAll(pool));
    }

    /**
     * The file name a link's path ends in, when it is spelt plainly (nothing to decode, neither
     * {@code .} nor {@code ..}), so that the file it resolves to has that very name; else null.
     */
    static String plainFileName(String destination) {
        int end = destination.length();
        for (int i = 0; i < destination.length(); i++) {
            char c = destination.charAt(i);
            if (c == '#' || c == '?') {
                end = i;
                break;
            }
            if (c == '%' || c == '+' || c == '\\') {
                return null;
            }
        }
        String name = destination.substring(destination.lastIndexOf('/', end - 1) + 1, end);
        return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
    }

    /**
     * Links from published pages to drafts and scheduled articles: their pages are not in the
     * build, and the link would give away the URL (and so the subject) before publication.
     */
    private static List<Problem> linksToHidden(List<Article> shown, List<Article> hidden, ZonedDateTime now) {
        Map<String, Article> byPath = new HashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        hidden.forEach(h -> {
            byPath.put(h.contentPath(), h);
            names.add(h.contentPath().substring(h.contentPath().lastIndexOf('/') + 1));
        });
        List<Problem> problems = new ArrayList<>();
        for (Article a : byPath.isEmpty() ? List.<Article>of() : shown) {
            for (var ref : a.references()) {
                String name = plainFileName(ref.destination());
                if (name != null && !names.contains(name)) {
                    continue; // names no hidden file: not worth resolving
                }
                Article target = ContentParser.linkedContentPath(a.contentPath(), ref.destination()).map(byPath::get)
                        .orElse(null);
                if (target != null && !ref.image()) {
                    String why = target.draft() ? "a draft" : "scheduled for " + target.date().toLocalDate();
                    problems.add(Problem.error(a.sourcePath(), ref.line(), "link to " + ref.destination()
                            + ", which is " + why + " and has no page in this build; remove the link until it is"
                            + " published"));
                }
            }
        }
        return problems;
    }

    /**
     * The articles of a taxon's list gathered oldest first from a list sorted newest first, in
     * {@link #NEWEST_FIRST} order: reversed, as that order is total, with no sort.
     */
    private static List<Article> newestFirstPosts(List<Article> oldestFirst) {
        List<Article> list = new ArrayList<>(oldestFirst.size());
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            if (oldestFirst.get(i).isPost()) {
                list.add(oldestFirst.get(i));
            }
        }
        return list; // the taxon keeps a copy
    }

    /**
     * The documents in {@link #NEWEST_FIRST} order, each date's instant worked out once rather
     * than at every comparison (the order of two dates at different instants is that of the
     * instants; the rest is left to the comparator).
     */
    public static List<Article> newestFirst(java.util.Collection<Article> documents) {
        record Keyed(Article article, long second, int nano) {
        }
        List<Keyed> keyed = new ArrayList<>(documents.size());
        for (Article a : documents) {
            ZonedDateTime d = a.date();
            keyed.add(d == null ? new Keyed(a, 0, 0) : new Keyed(a, d.toEpochSecond(), d.getNano()));
        }
        keyed.sort((x, y) -> {
            ZonedDateTime a = x.article().date();
            ZonedDateTime b = y.article().date();
            if (a == null || b == null) {
                return NEWEST_FIRST.compare(x.article(), y.article());
            }
            if (x.second() != y.second() || x.nano() != y.nano()) {
                return x.second() != y.second() ? Long.compare(y.second(), x.second())
                        : Integer.compare(y.nano(), x.nano());
            }
            // the same instant: ZonedDateTime's order goes on to the local date-time and the zone's id
            // (many articles share a date, and its instant need not be worked out again)
            int c = b.toLocalDateTime().compareTo(a.toLocalDateTime());
            if (c == 0) {
                c = b.getZone().getId().compareTo(a.getZone().getId());
            }
            return c != 0 ? c : SAME_DATE.compare(x.article(), y.article());
        });
        List<Article> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(k -> sorted.add(k.article()));
        return sorted;
    }

    /**
     * Whether an article waits for its date: dated later than {@code now} and not explicitly
     * {@code status: published}, which JBake publishes whatever the date ({@code published-date} is
     * JBake's status for "publish on the date").
     */
    public static boolean isScheduled(Article a, ZonedDateTime now) {
        return a.date() != null && a.date().isAfter(now)
                && !(a.meta().get("status") instanceof String s && s.strip().equalsIgnoreCase("published"));
    }

    /**
     * Groups documents (sorted by {@link #NEWEST_FIRST}) by tag or author, checking that no two
     * names share a URL. A taxon lists the articles among them; with JBake's layout a tag's page is
     * named after the tag.
     */
    private List<Taxon> taxa(List<Article> posts, Function<Article, List<String>> names, String folder, String what,
            Map<String, AuthorProfile> profiles, List<Problem> problems) {
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
        Map<String, String> keyByPath = new HashMap<>();
        List<Taxon> out = new ArrayList<>();
        String field = what.equals("tag") ? "tags" : "authors";
        boolean named = what.equals("tag") && config.jbakeLayout();
        // a tag's name or slug matters for its page: without tag pages, a tag that cannot make one is
        // only left out of the lists of tags
        boolean pages = !what.equals("tag") || config.flag("render.tags");
        java.util.function.BiFunction<Article, String, Problem> unnamed = (where, message) -> pages
                ? Problem.error(where.sourcePath(), fieldLine(where, field), message)
                : Problem.warning(where.sourcePath(), fieldLine(where, field), message + "; as render.tags=false"
                        + " makes no tag pages, it is only left out of the lists of tags");
        for (var e : byKey.entrySet()) {
            String key = e.getKey();
            String slug = Slugs.slug(key);
            Article where = firstUse.get(key);
            if (slug.isEmpty()) {
                problems.add(unnamed.apply(where, what + " " + Problem.quote(display.get(key))
                        + " has no letter or digit to make its URL from"));
                continue;
            }
            UrlPolicy.Target target;
            if (named) {
                var file = urls.named(folder, display.get(key));
                if (file.isEmpty()) {
                    problems.add(unnamed.apply(where, "tag '" + display.get(key) + "' cannot name a file, as"
                            + " JBake's layout names tag pages (journal.layout): no slash, backslash, leading dot or"
                            + " control character"));
                    continue;
                }
                target = file.get();
            } else {
                target = urls.section(folder, slug);
            }
            String clash = keyByPath.putIfAbsent(target.outputPath().toLowerCase(java.util.Locale.ROOT), key);
            if (clash != null) {
                Article other = firstUse.get(clash);
                problems.add(Problem.error(where.sourcePath(), fieldLine(where, field), what + " "
                        + Problem.quote(display.get(key)) + " and " + what + " " + Problem.quote(display.get(clash))
                        + " (in " + other.sourcePath() + ", line " + fieldLine(other, field) + ") would share the URL "
                        + target.uri() + "; rename one of them"));
                continue;
            }
            List<Article> list = newestFirstPosts(e.getValue());
            AuthorProfile profile = profiles.get(key);
            String name = profile != null ? profile.name() : display.get(key);
            out.add(new Taxon(key, name, slug, target, list, profile));
        }
        // by name in the site's language (each name's collation key made once), then by key
        Map<Taxon, java.text.CollationKey> byName = new java.util.IdentityHashMap<>();
        out.forEach(t -> byName.put(t, collator.getCollationKey(t.name())));
        out.sort(Comparator.comparing((Taxon t) -> byName.get(t)).thenComparing(Taxon::key));
        return out;
    }

    /**
     * The authors' profiles by author key. A second profile of one author is an error; a profile
     * no article's byline names is a warning (a misspelt name, most likely).
     */
    private static Map<String, AuthorProfile> profiles(List<Article> files, List<Article> all, List<Problem> problems) {
        Set<String> bylines = new HashSet<>();
        for (Article a : files.isEmpty() ? List.<Article>of() : all) { // without profiles, no byline to look for
            a.authors().forEach(n -> bylines.add(Slugs.key(n)));
        }
        Map<String, AuthorProfile> out = new HashMap<>();
        Map<String, Article> first = new HashMap<>();
        for (Article f : files) {
            String nameField = f.meta().get("title") != null ? "title" : "name";
            String name = f.meta().get(nameField) instanceof String s ? s.strip() : f.title();
            String key = Slugs.key(name);
            String role = text(f, "role", problems);
            String photo = photo(f, text(f, "photo", problems), problems);
            List<AuthorProfile.Link> links = links(f, problems);
            Article other = first.putIfAbsent(key, f);
            if (other != null) {
                problems.add(Problem.error(f.sourcePath(), f.line(nameField), "a second profile of '" + name
                        + "'; the first is " + other.sourcePath()));
                continue;
            }
            if (!bylines.contains(key)) {
                problems.add(Problem.warning(f.sourcePath(), f.line(nameField), "no article is by '" + name
                        + "', so this profile is not shown; is the name spelt as in the bylines?"));
            }
            out.put(key, new AuthorProfile(name, role, photo, links, f.bodyHtml(), f.summary(), f.sourcePath()));
        }
        if (!out.isEmpty()) {
            misspeltBylines(all, out, bylines, problems);
        }
        return out;
    }

    /**
     * A byline name without a profile that is a letter or two from the name of an author who has one
     * (Ana Lindqvist, where the profile is Anna Lindqvist's): a misspelling, most likely, which would
     * otherwise give that name an author page of its own, without the profile. Once per article and
     * name, on the article's author or authors line; each name is compared with the profiles once.
     * Only profiles that another byline names are suggested: when none does, the profile's name is
     * the one likely misspelt, and the profile's own warning says so.
     */
    private static void misspeltBylines(List<Article> all, Map<String, AuthorProfile> profiles, Set<String> named,
            List<Problem> problems) {
        // only profiles some byline names (named: every byline's key): a profile no byline names is
        // the misspelt one, which its own warning reports once, rather than every article that
        // spells the name right
        List<String> keys = new ArrayList<>(profiles.keySet());
        keys.retainAll(named);
        if (profiles.isEmpty()) {
            return;
        }
        keys.sort(null); // the same suggestion whatever the order of the files
        Map<String, java.util.Optional<AuthorProfile>> near = new HashMap<>();
        for (Article a : all) {
            if (a.isAuthorProfile()) {
                continue;
            }
            for (String name : a.authors()) {
                String key = Slugs.key(name);
                if (profiles.containsKey(key)) {
                    continue;
                }
                List<AuthorProfile> joined = joinedProfiles(name, profiles);
                if (!joined.isEmpty()) {
                    problems.add(Problem.warning(a.sourcePath(), fieldLine(a, "authors"), "no profile for author "
                            + Problem.quote(name.strip()) + ", which names " + joined.stream().map(j
                            -> Problem.quote(j.name())).collect(java.util.stream.Collectors.joining(" and "))
                            + " together: separate authors with commas, or write a list"));
                    continue;
                }
                AuthorProfile p = near.computeIfAbsent(key, k -> nearestProfile(k, keys, profiles)).orElse(null);
                if (p != null) {
                    problems.add(Problem.warning(a.sourcePath(), fieldLine(a, "authors"), "no profile for author "
                            + Problem.quote(name.strip()) + "; did you mean "
                            + Problem.quote(p.name()) + " (" + p.sourcePath() + ")? If another person is meant,"
                            + " a profile of their own ends this warning"));
                }
            }
        }
    }

    /**
     * The profiles of the people a byline name joins with "and" or "&amp;" ({@code Anna Lindqvist and
     * Katrin Vogel}), when each part is a profiled author's name; else none.
     */
    private static List<AuthorProfile> joinedProfiles(String name, Map<String, AuthorProfile> profiles) {
        String[] parts = name.split("\\s+(?:and|&)\\s+");
        List<AuthorProfile> found = new ArrayList<>();
        for (String part : parts) {
            AuthorProfile p = profiles.get(Slugs.key(part));
            if (parts.length < 2 || p == null) {
                return List.of();
            }
            found.add(p);
        }
        return found;
    }

    /**
     * The profile whose author's name is nearest {@code key}: one edit away (a letter added, left out,
     * changed, or two swapped) in names of fewer than ten characters, two in longer ones, as short
     * names of different people are often a letter or two apart; the first by name of the nearest.
     */
    private static java.util.Optional<AuthorProfile> nearestProfile(String key, List<String> keys,
            Map<String, AuthorProfile> profiles) {
        return Spelling.nearest(key, keys, key.length() < 10 ? 1 : 2).map(profiles::get);
    }

    private static String text(Article f, String field, List<Problem> problems) {
        Object v = f.meta().get(field);
        if (v == null || v instanceof String) {
            return v == null ? null : ((String) v).strip();
        }
        problems.add(Problem.error(f.sourcePath(), f.line(field), field + " must be text"));
        return null;
    }

    /** The photo's URI from the site's root: written relative to the profile's file, or from the root with /. */
    private static String photo(Article f, String photo, List<Problem> problems) {
        if (photo == null || photo.isEmpty()) {
            return null;
        }
        if (!UrlPolicy.isRelative(photo) && !photo.startsWith("/") || photo.startsWith("//")) {
            problems.add(Problem.error(f.sourcePath(), f.line("photo"), "photo must be an image file of the site,"
                    + " relative to this file or to the site's root (/images/...), not " + photo));
            return null;
        }
        String path = ContentParser.filePath(f.contentPath(), photo);
        if (path == null || path.isEmpty()) {
            problems.add(Problem.error(f.sourcePath(), f.line("photo"), "photo " + photo + " is outside the site"));
            return null;
        }
        return UrlPolicy.encode(path);
    }

    /**
     * {@code links:} as a mapping of label to URL, in the order written; only http(s) and mailto
     * URLs, and every label with one.
     */
    private static List<AuthorProfile.Link> links(Article f, List<Problem> problems) {
        Object v = f.meta().get("links");
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            problems.add(Problem.error(f.sourcePath(), f.line("links"), "links must be a list of label: URL lines,"
                    + " e.g. Website: https://example.org"));
            return List.of();
        }
        List<AuthorProfile.Link> out = new ArrayList<>();
        for (var e : map.entrySet()) {
            if (e.getValue() instanceof String url && LINK.matcher(url.strip()).matches()) {
                out.add(new AuthorProfile.Link(String.valueOf(e.getKey()), url.strip()));
            } else {
                problems.add(Problem.error(f.sourcePath(), f.line("links", String.valueOf(e.getKey())), "link "
                        + e.getKey() + " must be an http(s) or mailto URL"));
            }
        }
        // an entry left empty (Website: and nothing after it) is not in the values at all
        f.entryLines().getOrDefault("links", Map.of()).forEach((label, line) -> {
            if (!map.containsKey(label)) {
                problems.add(Problem.error(f.sourcePath(), line, "link " + label + " has no URL; write one after the"
                        + " colon (e.g. " + label + ": https://example.org) or remove the line"));
            }
        });
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
        String folder = config.folder("journal.archive.path");
        List<ArchiveYear> out = new ArrayList<>();
        years.forEach((year, months) -> {
            List<ArchiveYear.Month> ms = new ArrayList<>();
            months.forEach((m, list) -> ms.add(new ArchiveYear.Month(m, list)));
            out.add(new ArchiveYear(year, urls.section(folder, Integer.toString(year)), ms));
        });
        return out;
    }
}
