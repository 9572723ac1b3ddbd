package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Digests of views remembered together, in one pass each, are those made one by one. */
class FingerprintsTest {

    /** Documents' views as {@link Views} makes them: text fields, and tags' links with their counts. */
    private static List<Map<String, Object>> views() {
        List<Map<String, Object>> links = new ArrayList<>();
        for (int t = 0; t < 7; t++) {
            links.add(TrackedView.link("tag", "t" + t, new LinkedHashMap<>(Map.of("name", "T" + t, "count", t * 3))));
        }
        List<Map<String, Object>> views = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", "Article " + i);
            fields.put("words", i * 10);
            fields.put("body", Views.markup("<p>Text " + i + "</p>"));
            fields.put("tag_links", List.of(links.get(i % 7), links.get((i + 3) % 7)));
            fields.put("cite", new Deferred(i, Map::of));
            fields.put("summary", i % 5 == 0 ? null : "Summary " + i);
            views.add(TrackedView.document("articles/" + i + ".html", fields));
        }
        return views;
    }

    @Test
    void viewsRememberedTogetherDigestAsEachRememberedAlone() {
        List<Map<String, Object>> views = views();
        Fingerprints together = new Fingerprints();
        Fingerprints alone = new Fingerprints();
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            together.rememberAll(views, pool);
        } finally {
            pool.shutdown();
        }
        for (Map<String, Object> v : views) {
            assertEquals(alone.remember(v), together.of(v));
            assertEquals(alone.ofCard(v), together.ofCard(v));
            assertEquals(new Fingerprints().ofTracked(v), together.ofTracked(v));
        }
        // a page listing them digests alike either way
        List<Map<String, Object>> page = List.of(views.get(3), views.get(150));
        assertEquals(alone.of(page), together.of(page));
        assertEquals(alone.ofCard(page), together.ofCard(page));
    }

    @Test
    void viewsRememberedAfterTheTagLinksTheyListDigestAlike() {
        List<Map<String, Object>> views = views();
        List<Object> links = new ArrayList<>();
        for (Map<String, Object> v : views) {
            for (Object link : (List<?>) ((TrackedView) v).all().get("tag_links")) {
                if (links.stream().noneMatch(l -> l == link)) {
                    links.add(link);
                }
            }
        }
        Fingerprints linksFirst = new Fingerprints();
        Fingerprints alone = new Fingerprints();
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            linksFirst.rememberAll(links, pool);
            linksFirst.rememberAll(views, pool);
        } finally {
            pool.shutdown();
        }
        assertEquals(7, links.size());
        for (Map<String, Object> v : views) {
            assertEquals(alone.remember(v), linksFirst.of(v));
            assertEquals(alone.ofCard(v), linksFirst.ofCard(v));
            assertEquals(new Fingerprints().ofTracked(v), linksFirst.ofTracked(v));
        }
        for (Object link : links) {
            assertEquals(new Fingerprints().of(link), linksFirst.of(link));
            assertEquals(new Fingerprints().ofCard(link), linksFirst.ofCard(link));
        }
    }

    @Test
    void aViewsCardLeavesOutItsTextAndItsLinksCountsWhichItsTrackedDigestCounts() {
        Map<String, Object> a = views().get(1);
        Map<String, Object> fields = new LinkedHashMap<>(((TrackedView) a).all());
        fields.put("words", 99_999);
        Map<String, Object> b = TrackedView.document("articles/1.html", fields);
        Fingerprints f = new Fingerprints();
        assertEquals(f.ofCard(a), f.ofCard(b));
        assertNotEquals(f.of(a), f.of(b));
        assertNotEquals(f.ofTracked(a), f.ofTracked(b));
    }
}
