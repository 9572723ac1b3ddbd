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
            "wombatquill", "okapibrine", "capybaraloom", "lemurdusk");

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
        assertEquals(List.of("content/articles/2025/lemurdusk-undated.md:1: warning: date is missing; every article"
                + " needs one, e.g. date: 2024-06-28 before it is published (a draft; the preview dates it at the"
                + " build's time)"), result.warnings().stream().map(Object::toString).toList(),
                "a draft without a date is warned about, not refused");
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
        String dump = Files.readString(site.resolve("pages/dump.html"));
        assertTrue(dump.contains("Lemurdusk undated draft|2025-06-01"), "an undated draft is dated at the build's clock: "
                + dump);
    }

    /** What a real build publishes never depends on its clock through an undated draft. */
    @Test
    void anUndatedDraftLeavesARealBuildAsItWas() throws Exception {
        Path source = out.resolve("source");
        Files.createDirectories(source.resolve("content/articles"));
        Files.writeString(source.resolve("content/articles/a.md"), "---\ntitle: A\ndate: 2024-01-01\ntags: [x]\n---\nA.\n");
        Files.writeString(source.resolve("content/articles/b.md"), "---\ntitle: B\ndraft: true\ntags: [x]\n---\nB.\n");
        Path one = out.resolve("one");
        Path two = out.resolve("two");
        new Baker(BakeOptions.of(source, one).withClock(HostileSitesTest.CLOCK)).bake();
        new Baker(BakeOptions.of(source, two).withClock(java.time.Clock.offset(HostileSitesTest.CLOCK,
                java.time.Duration.ofDays(400)))).bake();
        assertEquals(Trees.texts(one), Trees.texts(two));
    }
}
