package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Article;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the renderer of a long-lived process (the preview's) keeps from one build to the next: each
 * document's view and page model, with their digests, found again by the very {@link Article}
 * object (which a resumed article store hands out again for a file that did not change), the tag
 * and author links, and the search index's memo. A view is reused only when
 * everything else it was made from is equal too: the configuration, whether the article is
 * scheduled, and the links of its tags and authors (their names, pages, counts and feeds). So the
 * memo only saves work; a build with it makes the same bytes as one without. One build at a time.
 */
public final class RenderMemo {

    private record Made(Object context, Map<String, Object> view) {
    }

    /** A document's page as the last build planned it, with what it was made from besides the article. */
    private record Document(Object[] from, List<Map<String, Object>> feeds, PageRenderer.Job job) {
    }

    private Map<String, String> configValues;
    private final Carried<Article, Made> views = new Carried<>(IdentityHashMap::new);
    /** The full and card digests of the views of the last build, by the view's identity. */
    private final Carried<Object, long[]> digests = new Carried<>(IdentityHashMap::new);
    /** The tag and author links of the last build's views, by kind and key. */
    private final Carried<String, Map<String, Object>> links = new Carried<>(HashMap::new);
    private final Carried<Article, Document> documents = new Carried<>(IdentityHashMap::new);
    private final SearchIndexGenerator.Memo search = new SearchIndexGenerator.Memo();

    /** What the search index keeps between builds. */
    SearchIndexGenerator.Memo search() {
        return search;
    }

    /** Begins the views of a build: a configuration other than the last build's forgets everything. */
    void begin(SiteConfig config) {
        List<Carried<?, ?>> all = List.of(views, digests, links, documents);
        if (!config.values().equals(configValues)) {
            all.forEach(Carried::forget);
            search.forget();
            configValues = config.values();
        }
        all.forEach(Carried::begin);
    }

    /** The last build's link map under {@code key} when it equals {@code made}, else {@code made}. */
    Map<String, Object> link(String key, Map<String, Object> made) {
        Map<String, Object> last = links.last(key);
        Map<String, Object> kept = made.equals(last) ? last : made;
        links.keep(key, kept);
        return kept;
    }

    /** The last build's view of {@code a} when it was made from an equal {@code context}, else a new one. */
    Map<String, Object> view(Article a, Object context, Supplier<Map<String, Object>> make) {
        Made made = views.last(a);
        if (made == null || !made.context().equals(context)) {
            made = new Made(context, make.get());
        }
        views.keep(a, made);
        return made.view();
    }

    /** Ends the views of a build: what the next build may reuse is what this one used. */
    void endViews() {
        views.end();
        links.end();
    }

    /**
     * The last build's page of document {@code a} (the job, its model and the model's digest) when
     * it was made from the very same objects {@code from} (the document's view, its neighbours',
     * its recommendations') and equal site feeds, else a new one. The views are compared by
     * identity: a view is the last build's only when everything it shows is unchanged.
     */
    PageRenderer.Job document(Article a, Object[] from, List<Map<String, Object>> feeds,
            Supplier<PageRenderer.Job> make) {
        Document made = documents.last(a);
        if (made == null || !same(made.from(), from) || !made.feeds().equals(feeds)) {
            made = new Document(from, feeds, make.get());
        }
        documents.keep(a, made);
        return made.job();
    }

    private static boolean same(Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Ends the pages of a build: what the next build may reuse is what this one planned. */
    void endDocuments() {
        documents.end();
    }

    /** The digests (full, card) of a view the last build digested; null when it did not. */
    long[] digests(Object view) {
        return digests.last(view);
    }

    /** Keeps the digests of a view for the next build. */
    void keepDigests(Object view, long full, long card) {
        digests.keep(view, new long[] {full, card});
    }

    /** Ends the digests of a build. */
    void endDigests() {
        digests.end();
    }
}
