package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.parse.UrlPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * What generators and page plans share within one render: the configuration, URL rules, the
 * prepared template views, the feeds' places, the HTML pages planned, the template engine (for
 * sites that bring their own template for a generated file, as JBake's {@code feed.ftl}) and the
 * build's thread pool.
 */
public final class RenderContext {

    private final SiteConfig config;
    private final UrlPolicy urls;
    private final Names names;
    private final Views views;
    private final FeedPlan feeds;
    private final List<SitePage> pages;
    private final TemplateEngine templates;
    private final ForkJoinPool pool;
    private final boolean sitemapFromSiteTemplate;
    private Fingerprints fingerprints = new Fingerprints();
    private Map<String, RenderRecord.Entry> previous = Map.of();
    private Set<String> intact = Set.of();
    private Map<String, RenderRecord.Entry> record = new ConcurrentHashMap<>();
    private RenderMemo memo;
    private SearchState searchState;

    RenderContext(SiteIndex index, Names names, Views views, FeedPlan feeds, List<SitePage> pages,
            TemplateEngine templates, ForkJoinPool pool, boolean sitemapFromSiteTemplate) {
        this.config = index.config();
        this.urls = new UrlPolicy(config);
        this.names = names;
        this.views = views;
        this.feeds = feeds;
        this.pages = pages == null ? null : List.copyOf(pages);
        this.templates = templates;
        this.pool = pool;
        this.sitemapFromSiteTemplate = sitemapFromSiteTemplate;
    }

    public SiteConfig config() {
        return config;
    }

    public UrlPolicy urls() {
        return urls;
    }

    /** What a long-lived renderer keeps between builds; null for none. */
    RenderMemo memo() {
        return memo;
    }

    void memo(RenderMemo memo) {
        this.memo = memo;
    }

    void searchState(SearchState state) {
        this.searchState = state;
    }

    /** The search index's memo: the long-lived renderer's, else the one carried in the build cache, else null. */
    SearchIndexGenerator.Memo searchMemo() {
        return memo != null ? memo.search() : searchState != null ? searchState.memo() : null;
    }

    /** The search index is made: a memo carried in the build cache is kept there for the next build, and let go. */
    void searchMade() {
        if (memo == null && searchState != null) {
            searchState.keep();
        }
    }

    /** How the site names tags and authors and shows dates. */
    Names names() {
        return names;
    }

    /** The documents' views, which a generator that needs only {@link Generator.Needs#NAMES} may not read. */
    Views views() {
        if (views == null) {
            throw new IllegalStateException("the views are not made yet: a generator that reads them needs DIGESTS");
        }
        return views;
    }

    /** Where the feeds go. */
    public FeedPlan feeds() {
        return feeds;
    }

    /** Every HTML page rendered from a template, in the order planned. */
    public List<SitePage> pages() {
        if (pages == null) {
            throw new IllegalStateException("the pages are not planned yet: a generator that reads them needs PAGES");
        }
        return pages;
    }

    public TemplateEngine templates() {
        return templates;
    }

    /** The build's threads, for generators with much to do. */
    public ForkJoinPool pool() {
        return pool;
    }

    /** Whether the site's own template (JBake's {@code sitemap.ftl}) renders the sitemap. */
    public boolean sitemapFromSiteTemplate() {
        return sitemapFromSiteTemplate;
    }

    /** The absolute URL of a site-relative URI, from {@code site.host}. */
    public String absolute(String uri) {
        return config.siteHost() + uri;
    }

    /** Lets generators keep files of the previous build whose inputs did not change (see {@link #unchanged}). */
    void reuse(Fingerprints fingerprints, Map<String, RenderRecord.Entry> previous, Set<String> intact,
            Map<String, RenderRecord.Entry> record) {
        this.fingerprints = fingerprints;
        this.previous = previous;
        this.intact = intact;
        this.record = record;
    }

    /** A digest of a template model value (an article's view, say), equal for equal content. */
    long fingerprint(Object value) {
        return fingerprints.of(value);
    }

    /**
     * Whether the file at {@code path} may stay as the previous build wrote it: made from inputs
     * with the same digest, and intact. Either way, the inputs are recorded for the next build; a
     * generator that gets false makes the file.
     */
    boolean unchanged(String path, long inputs) {
        record.put(path, new RenderRecord.Entry(inputs, List.of(), List.of(), PageRenderer.NOTHING_KNOWN, 0));
        RenderRecord.Entry before = previous.get(path);
        return before != null && before.read().isEmpty() && before.fingerprint() == inputs && intact.contains(path);
    }
}
