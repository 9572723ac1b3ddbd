package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.Taxon;
import dev.journal.core.internal.Mix64;
import dev.journal.core.internal.feed.AbsoluteLinks;
import dev.journal.core.internal.feed.AtomWriter;
import dev.journal.core.internal.feed.Feed;
import dev.journal.core.internal.feed.JsonFeedWriter;
import dev.journal.core.internal.feed.RssWriter;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamException;

/**
 * The feeds: the site's, each tag's and each author's, in RSS 2.0, Atom 1.0 and JSON Feed 1.1 (each
 * format as switched on), with the newest {@code journal.feed.entries} articles. Only shown articles
 * reach the index's lists, so drafts and scheduled articles never appear.
 *
 * <p>Cheap at scale: a feed holds at most N entries; an article's body is made absolute once
 * however many feeds carry it; feeds are written in parallel on the build's pool. Tag and author
 * feeds carry summaries by default ({@code journal.feed.taxonomy.content}), since hundreds of
 * them with full articles would multiply the site's size.
 */
final class FeedGenerator implements Generator {

    /** A feed with no entries still needs a date; a fixed one keeps builds reproducible. */
    private static final ZonedDateTime NO_ENTRIES = ZonedDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    /** One feed to write, in one or more formats. */
    private record Spec(List<FeedPlan.FeedFile> files, String title, String description, String homeUri,
            List<Article> articles, boolean full) {
    }

    @Override
    public String what() {
        return "feeds";
    }

    @Override
    public Needs needs() {
        return Needs.DIGESTS;
    }

    @Override
    public List<RenderedPage> generate(SiteIndex index, RenderContext context) {
        SiteConfig config = context.config();
        FeedPlan plan = context.feeds();
        int entries = config.number("journal.feed.entries");
        boolean siteFull = config.get("journal.feed.content").strip().equals("full");
        boolean taxonFull = config.get("journal.feed.taxonomy.content").strip().equals("full");

        List<Spec> specs = new ArrayList<>();
        List<FeedPlan.FeedFile> site = new ArrayList<>(plan.site());
        if (plan.rssFromSiteTemplate()) {
            site.removeIf(f -> f.format() == FeedPlan.Format.RSS);
        }
        String home = context.urls().file(config.get("index.file").strip()).uri();
        specs.add(new Spec(site, config.title(), config.get("journal.description"), home,
                newest(index.posts(), entries), siteFull));
        for (Taxon t : index.tags()) {
            specs.add(new Spec(plan.tag(t), plan.titleOf(t), "Articles on " + t.name() + " in " + config.title(),
                    t.target().uri(), newest(t.articles(), entries), taxonFull));
        }
        for (Taxon t : index.authors()) {
            specs.add(new Spec(plan.author(t), plan.titleOf(t), "Articles by " + t.name() + " in " + config.title(),
                    t.target().uri(), newest(t.articles(), entries), taxonFull));
        }
        specs.removeIf(s -> s.files().isEmpty());

        Entries cache = new Entries(index, context);
        return context.pool().submit(() -> specs.parallelStream()
                .flatMap(spec -> write(spec, cache, context).stream())
                .toList()).join();
    }

    private static List<Article> newest(List<Article> articles, int n) {
        return articles.subList(0, Math.min(n, articles.size()));
    }

    private static List<RenderedPage> write(Spec spec, Entries cache, RenderContext context) {
        // a feed is made from its description and its articles' views (and the configuration, which is the same)
        long inputs = Mix64.mix(Mix64.string(String.valueOf(spec.title()))
                ^ 31 * Mix64.string(String.valueOf(spec.description()))
                ^ 961 * Mix64.string(String.valueOf(spec.homeUri())) ^ (spec.full() ? 0x5F : 0xA0));
        for (Article a : spec.articles()) {
            inputs = Mix64.mix(inputs ^ context.fingerprint(context.views().of(a)));
        }
        boolean unchanged = true;
        for (FeedPlan.FeedFile f : spec.files()) {
            unchanged &= context.unchanged(f.outputPath(), Mix64.mix(inputs ^ f.format().ordinal()));
        }
        if (unchanged) {
            return spec.files().stream().map(f -> RenderedPage.kept(f.outputPath())).toList();
        }
        SiteConfig config = context.config();
        List<Feed.Entry> entries = new ArrayList<>(spec.articles().size());
        ZonedDateTime updated = null;
        for (Article a : spec.articles()) {
            Feed.Entry e = cache.entry(a, spec.full());
            entries.add(e);
            updated = updated == null || e.updated().isAfter(updated) ? e.updated() : updated;
        }
        Feed feed = new Feed(spec.title(), spec.description(), config.language(), context.absolute(spec.homeUri()),
                updated == null ? NO_ENTRIES : updated,
                List.of(new Feed.Person(config.title(), config.siteHost(), null)), entries);
        List<RenderedPage> out = new ArrayList<>(spec.files().size());
        for (FeedPlan.FeedFile f : spec.files()) {
            String self = context.absolute(f.uri());
            try {
                byte[] bytes = switch (f.format()) {
                    case RSS -> RssWriter.write(feed, self);
                    case ATOM -> AtomWriter.write(feed, self);
                    case JSON -> JsonFeedWriter.write(feed, self);
                };
                out.add(new RenderedPage(f.outputPath(), bytes));
            } catch (XMLStreamException e) {
                throw new IllegalStateException("writing " + f.outputPath() + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + f.outputPath() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Each article's feed entry, made once and shared by every feed that carries it: the body's
     * links are made absolute (an HTML parse) at most once per article.
     */
    private static final class Entries {
        private final RenderContext context;
        private final Map<String, Taxon> authors = new HashMap<>();
        private final Map<String, Taxon> tags = new HashMap<>();
        private final Map<String, Feed.Entry> summaries = new ConcurrentHashMap<>();
        private final Map<String, Feed.Entry> full = new ConcurrentHashMap<>();
        private final boolean authorPages;

        Entries(SiteIndex index, RenderContext context) {
            this.context = context;
            this.authorPages = context.config().flag("journal.render.authors");
            index.authors().forEach(t -> authors.put(t.key(), t));
            index.tags().forEach(t -> tags.put(t.key(), t));
        }

        Feed.Entry entry(Article a, boolean withContent) {
            Feed.Entry summary = summaries.computeIfAbsent(a.outputPath(), k -> make(a));
            if (!withContent) {
                return summary;
            }
            return full.computeIfAbsent(a.outputPath(), k -> {
                String html = AbsoluteLinks.resolve(a.bodyHtml(), summary.url());
                return new Feed.Entry(summary.id(), summary.url(), summary.title(), summary.authors(),
                        summary.published(), summary.updated(), summary.categories(), summary.summary(), html,
                        summary.language());
            });
        }

        /** The entry without content: everything but the body. */
        private Feed.Entry make(Article a) {
            String url = context.absolute(a.uri());
            List<Feed.Person> people = new ArrayList<>(a.authors().size());
            for (String name : a.authors()) {
                Taxon t = authors.get(Slugs.key(name));
                if (t == null) {
                    people.add(new Feed.Person(name, null, null));
                    continue;
                }
                String photo = t.profile() != null && t.profile().photo() != null
                        ? context.absolute(t.profile().photo()) : null;
                people.add(new Feed.Person(t.name(), authorPages ? context.absolute(t.target().uri()) : null, photo));
            }
            List<String> categories = new ArrayList<>(a.tags().size());
            for (String tag : a.tags()) {
                Taxon t = tags.get(Slugs.key(tag));
                categories.add(t != null ? t.name() : tag);
            }
            String lang = a.lang() != null && !a.lang().equals(context.config().language()) ? a.lang() : null;
            return new Feed.Entry(url, url, a.title(), people, a.date(), a.lastModified().orElse(a.date()), categories,
                    a.summary(), null, lang);
        }
    }
}
