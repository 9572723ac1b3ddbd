package dev.journal.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.Baker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drafts ({@code draft: true}, {@code status: draft}, JBake's {@code status=draft} and its
 * {@code default.status}) and scheduled articles (a date after the build's clock, with an offset
 * or in the site's zone) appear nowhere in a real build. Each hidden file carries a marker word in
 * its title, body, tags, authors and file name; the whole output tree, file names included, is
 * searched for them, so the test keeps catching leaks as feeds, sitemaps, search indexes and
 * related-article blocks are added.
 */
class DraftsAndScheduleTest {

    static final Path FIXTURE = Path.of("src/test/resources/sites/drafts");
    static final List<String> MARKERS = List.of("zebracorn", "quokkamint", "narwhalfig", "axolotlrye", "pangolinzest",
            "wombatquill", "okapibrine", "capybaraloom");

    @TempDir
    Path out;

    private static Map<String, List<String>> leaks(Path site) throws Exception {
        Map<String, List<String>> found = new java.util.TreeMap<>();
        for (var e : Trees.texts(site).entrySet()) {
            String haystack = (e.getKey() + "\n" + e.getValue()).toLowerCase(Locale.ROOT);
            List<String> here = new ArrayList<>();
            for (String marker : MARKERS) {
                if (haystack.contains(marker)) {
                    here.add(marker);
                }
            }
            if (!here.isEmpty()) {
                found.put(e.getKey(), here);
            }
        }
        return found;
    }

    @Test
    void hiddenArticlesAppearNowhereInARealBuild() throws Exception {
        Path site = out.resolve("site");
        BakeResult result = new Baker(BakeOptions.of(FIXTURE, site).withClock(HostileSitesTest.CLOCK)).bake();
        assertEquals(List.of(), result.warnings().stream().map(Object::toString).toList());
        assertEquals(Map.of(), leaks(site), "hidden articles leaked into these files");
        assertTrue(Files.isRegularFile(site.resolve("articles/2025/just-published.html")),
                "01:59 in Europe/Berlin is before the clock's 00:00 UTC");
        String dump = Files.readString(site.resolve("pages/dump.html"));
        assertTrue(dump.contains("Published one") && dump.contains("Just published"), "the model dump lists content");
        assertEquals(3 + 2, result.published(), "three articles and two pages");
        assertEquals(MARKERS.size() + 3 + 2, result.documents());
    }

    /** The same fixture in preview shows every marker, so the search above looks where leaks would be. */
    @Test
    void thePreviewShowsThemAll() throws Exception {
        Path site = out.resolve("preview");
        new Baker(BakeOptions.of(FIXTURE, site).withClock(HostileSitesTest.CLOCK).withPreview(true)).bake();
        Map<String, List<String>> found = leaks(site);
        for (String marker : MARKERS) {
            assertTrue(found.getOrDefault("pages/dump.html", List.of()).contains(marker), marker + " in the dump");
            assertTrue(found.keySet().stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains(marker)),
                    marker + " has its own page in the preview");
        }
        assertTrue(found.containsKey("index.html") && found.containsKey("tags/energy.html"));
    }
}
