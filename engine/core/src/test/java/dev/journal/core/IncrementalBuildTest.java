package dev.journal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild with the build cache gives exactly the bytes of a clean build, whatever changed:
 * edits, additions, deletions, renames, drafts, links between articles, templates, configuration,
 * assets; and files whose bytes did not change keep their modification times. Random changes from a
 * fixed seed, each followed by both builds.
 */
class IncrementalBuildTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String[] TAGS = {"Energy", "Arctic", "Trade", "Security", "Россия", "Việt Nam"};
    private static final String[] AUTHORS = {"Anna Lindqvist", "Daniel Okafor", "Katrin Vogel", "Pham Thu Hien"};

    private static final Pattern UNCHANGED = Pattern.compile("\\((\\d+) unchanged\\)");

    @TempDir
    Path dir;
    Path site;
    Path cache;
    Random random = new Random(20261130);
    int next;
    /** Pages the rebuilds took from the previous build without rendering them again. */
    int skipped;

    @Test
    void rebuildsMatchCleanBuilds() throws Exception {
        site = dir.resolve("site");
        cache = dir.resolve("cache");
        write("jbake.properties", "site.host=https://x.example/\nuri.noExtension=true\nindex.paginate=true\n"
                + "index.posts_per_page=4\nrender.tagsindex=true\nrender.sitemap=true\nrender.error404=true\n"
                + "archive.file=archive/index.html\n");
        write("content/pages/about.md", "---\ntitle: About\n---\nAbout [the first](../articles/a0.md).\n");
        for (int i = 0; i < 14; i++) {
            addArticle();
        }
        Path out = dir.resolve("out");
        settle();
        bake(out, cache);
        for (int round = 0; round < 32; round++) {
            // rounds 4, 16 and 28 (the long-lived baker's) change how every page, feed and the search index show dates
            String change = round % 12 == 4 ? showDatesOtherwise() : change();
            Map<String, String> before = TestContent.digests(out);
            Map<String, Long> times = TestContent.times(out);
            if (round % 4 != 3) { // one round in four keeps the clock's own (recent) times, which are read again
                settle();
            }
            Thread.sleep(5); // a rewritten output file would get another modification time
            // two rounds in three by the one baker of a long-lived process (the preview's, which
            // goes on from its article store in memory), the third by a new process's
            if (round % 3 == 2) {
                if (lasting != null) {
                    lasting.awaitSaved(); // as a new process started after the preview saved its cache
                }
                bake(out, cache);
            } else {
                lastingBake(out);
            }
            Path clean = dir.resolve("clean-" + round);
            bake(clean, null);
            Map<String, String> after = TestContent.digests(out);
            Map<String, String> expected = TestContent.digests(clean);
            List<String> differing = new ArrayList<>();
            for (String path : new java.util.TreeSet<>(union(expected.keySet(), after.keySet()))) {
                if (!java.util.Objects.equals(expected.get(path), after.get(path))) {
                    differing.add(path);
                }
            }
            assertTrue(differing.isEmpty(), "round " + round + " (" + change + "): the rebuild differs from a clean"
                    + " build in " + differing);
            for (var e : after.entrySet()) {
                if (e.getValue().equals(before.get(e.getKey()))) {
                    assertEquals(times.get(e.getKey()), Files.getLastModifiedTime(out.resolve(e.getKey())).toMillis(),
                            "round " + round + " (" + change + "): unchanged " + e.getKey() + " was written again");
                }
            }
        }
        assertTrue(skipped > 0, "no rebuild reused a page of the previous build");
    }

    @org.junit.jupiter.api.AfterEach
    void closeTheLastingBaker() throws IOException {
        if (lasting != null) {
            lasting.close();
        }
    }

    /** Asserts that {@code out} holds what a clean build of the site makes now. */
    private void assertCleanBuild(Path out, String when) throws Exception {
        Path clean = dir.resolve("clean-" + next++);
        bake(clean, null);
        assertEquals(TestContent.digests(clean), TestContent.digests(out), when);
    }

    @Test
    void aLongLivedBakerGoesOnAfterAFailedBuildAndWithoutTheCache() throws Exception {
        smallSite(5);
        Path out = dir.resolve("out");
        lastingBake(out);
        Path a1 = site.resolve("content/articles/a1.md");
        String good = Files.readString(a1);
        Files.writeString(a1, good.replaceFirst("title: ", "title: [unclosed "));
        assertThrows(ContentException.class, () -> lastingBake(out));
        Files.writeString(a1, good.replace("The text", "The fixed text"));
        lastingBake(out);
        assertCleanBuild(out, "after a failed build");

        // another build holds the cache: this one goes without it, then on with it
        lasting.awaitSaved();
        try (dev.journal.core.cache.BuildCache held = dev.journal.core.cache.BuildCache.open(cache, "other")) {
            assertTrue(held != null, "the lasting baker saved the cache and let it go");
            Files.writeString(a1, good.replace("The text", "Text while the cache is held"));
            lastingBake(out);
            assertCleanBuild(out, "without the cache");
        }
        Files.writeString(a1, good.replace("The text", "Text after the cache is free"));
        lastingBake(out);
        assertCleanBuild(out, "with the cache again");
    }

    @Test
    void aLongLivedBakerWhoseCacheCannotBeSavedSaysSoAndGoesOnFromTheFiles() throws Exception {
        smallSite(3);
        Path out = dir.resolve("out");
        lasting = Baker.keepingState(options(out, cache));
        lasting.bake();
        lasting.awaitSaved();
        // a folder where the sources' stamps go: the next save, behind the build, fails
        Path record = cache.resolve("sources");
        Files.delete(record);
        Files.createDirectories(record.resolve("in the way"));
        Path a1 = site.resolve("content/articles/a1.md");
        String good = Files.readString(a1);
        Files.writeString(a1, good.replace("The text", "Text saved while the cache cannot be"));
        lasting.bake();
        assertCleanBuild(out, "the build before the failed save");
        Files.delete(record.resolve("in the way"));
        Files.delete(record);
        Files.writeString(a1, good.replace("The text", "Text after the failed save"));
        BakeResult after = lasting.bake();
        assertTrue(after.warnings().stream().anyMatch(p -> p.message().contains("the build cache could not be saved")),
                after.warnings().toString());
        assertCleanBuild(out, "after the failed save");
        lasting.close();
        lasting = null;
    }

    @Test
    void aClosedLongLivedBakerStillBuildsAndLetsTheCacheGo() throws Exception {
        smallSite(2);
        Path out = dir.resolve("out");
        Baker baker = Baker.keepingState(options(out, cache));
        baker.bake();
        baker.close();
        Path a1 = site.resolve("content/articles/a1.md");
        Files.writeString(a1, Files.readString(a1).replace("The text", "Text after close"));
        baker.bake(); // saves the cache itself, as a baker that keeps nothing does
        assertCleanBuild(out, "a build after close");
        try (dev.journal.core.cache.BuildCache free = dev.journal.core.cache.BuildCache.open(cache, "other")) {
            assertTrue(free != null, "the cache is free after the build");
        }
        baker.close();
    }

    @Test
    void aFileSavedTwiceInOneTickOfTheClockIsReadAgain() throws Exception {
        smallSite(2);
        Path a1 = site.resolve("content/articles/a1.md");
        String text = Files.readString(a1);
        java.nio.file.attribute.FileTime tick = Files.getLastModifiedTime(a1);
        Path out = dir.resolve("out");
        bake(out, cache);
        // the same size, the same time: a coarse clock gave both saves one tick, just before the build read it
        Files.writeString(a1, text.replace("The text", "Our text"));
        Files.setLastModifiedTime(a1, tick);
        bake(out, cache);
        assertCleanBuild(out, "the second save of the tick");
        assertTrue(Files.readString(out.resolve("articles/a1.html")).contains("Our text"));
    }

    @Test
    void aLinkToAMissingArticleIsAnErrorUntilItExistsWhicheverBakerBuilds() throws Exception {
        smallSite(3);
        Path out = dir.resolve("out");
        lastingBake(out);
        Path a1 = site.resolve("content/articles/a1.md");
        Files.writeString(a1, Files.readString(a1) + "\nSee [the next one](next.md#part).\n");
        Path a2 = site.resolve("content/articles/a2.md");
        Files.writeString(a2, Files.readString(a2) + "\nAn edit elsewhere.\n");
        assertBrokenLink(() -> lastingBake(out), "an unchanged baker");
        Files.writeString(a2, Files.readString(a2) + "\nAnother edit elsewhere.\n");
        assertBrokenLink(() -> lastingBake(out), "the article unchanged since the failed build");
        lasting.awaitSaved();
        assertBrokenLink(() -> bake(out, cache), "a new process");

        write("content/articles/next.md", "---\ntitle: Next\ndate: 2024-02-02\n---\nThe next one.\n\n## Part\n");
        lastingBake(out);
        assertCleanBuild(out, "once the linked article exists");
        assertTrue(Files.readString(out.resolve("articles/a1.html")).contains("href=\"next.html#part\""));

        Files.delete(site.resolve("content/articles/next.md"));
        assertBrokenLink(() -> lastingBake(out), "the linked article deleted");
        lasting.awaitSaved();
        assertBrokenLink(() -> bake(out, cache), "a new process after the deletion");
    }

    @Test
    void aMisspeltBylineIsOneWarningInEveryBuildAndCheckWhetherItsArticleIsParsedOrCached() throws Exception {
        smallSite(3);
        write("content/authors/anna.md", "---\ntype: author\nname: Anna Lindqvist\n---\nAnna writes.\n");
        write("content/articles/miss.md", "---\ntitle: Miss\ndate: 2024-05-05\nauthor: Ana Lindqvist\n---\nText.\n");
        List<String> expected = List.of("content/articles/miss.md:4: warning: no profile for author 'Ana Lindqvist';"
                + " did you mean 'Anna Lindqvist' (content/authors/anna.md)? If another person is meant,"
                + " a profile of their own ends this warning");
        Path out = dir.resolve("out");
        settle();
        assertEquals(expected, bylineWarnings(new Baker(options(dir.resolve("clean"), null)).bake()), "a clean build");
        assertEquals(expected, bylineWarnings(new Baker(options(out, cache)).bake()), "the first build with the cache");
        Path a1 = site.resolve("content/articles/a1.md");
        Files.writeString(a1, Files.readString(a1) + "\nAn edit elsewhere.\n");
        settle();
        assertEquals(expected, bylineWarnings(new Baker(options(out, cache)).bake()), "a rebuild, miss.md cached");
        assertEquals(expected, bylineWarnings(new Baker(options(out, cache)).bake()), "a rebuild with nothing changed");
        Files.writeString(a1, Files.readString(a1) + "\nAnother edit.\n");
        settle();
        Baker baker = Baker.keepingState(options(out, cache));
        try {
            assertEquals(expected, bylineWarnings(baker.bake()), "a long-lived baker's first build");
            Files.writeString(a1, Files.readString(a1) + "\nA third edit.\n");
            settle();
            assertEquals(expected, bylineWarnings(baker.bake()), "a long-lived baker's rebuild");
        } finally {
            baker.close();
        }
        assertEquals(expected, new Checker(site, CLOCK, 2).check().problems().stream()
                .filter(p -> p.message().startsWith("no profile for author")).map(Problem::toString).toList(),
                "a check");
        assertEquals(expected, new Checker(site, CLOCK, 2, cache).check().problems().stream()
                .filter(p -> p.message().startsWith("no profile for author")).map(Problem::toString).toList(),
                "a check reading the build cache");
    }

    private static List<String> bylineWarnings(BakeResult result) {
        return result.warnings().stream().filter(p -> p.message().startsWith("no profile for author"))
                .map(Problem::toString).toList();
    }

    /**
     * An edit of an article's text (not its front matter) makes again only the pages that show that
     * text, its own: not the tag, author, archive and index pages nor the neighbours and related
     * blocks that show the article's card, although the file's digest (JBake's {@code sha1}) changed too.
     */
    @Test
    void anEditOfTheTextAloneMakesAgainOnlyThePagesThatShowIt() throws Exception {
        smallSite(24);
        Path out = dir.resolve("out");
        settle();
        bake(out, cache);
        Path victim = site.resolve("content/articles/a11.md");
        Files.writeString(victim, Files.readString(victim) + "\nAn added paragraph.\n");
        settle();
        List<String> lines = new ArrayList<>();
        new Baker(options(out, cache).withLog(lines::add)).bake();
        Matcher made = Pattern.compile("(\\d+) pages from templates \\((\\d+) unchanged\\)").matcher(String.join("\n", lines));
        assertTrue(made.find(), String.join("\n", lines));
        int pages = Integer.parseInt(made.group(1));
        assertTrue(pages > 30, "the site has tag, author and archive pages: " + pages);
        assertEquals(1, pages - Integer.parseInt(made.group(2)), "pages made again: " + String.join("\n", lines));
    }

    /**
     * Two output folders built by turns from one site keep apart what the cache knows of each, even
     * when their paths' hash codes are equal ("Aa" and "BB"): a rebuild into either rewrites nothing
     * that did not change.
     */
    @Test
    void twoOutputFoldersWhosePathsHashAlikeKeepTheirOwnRecords() throws Exception {
        smallSite(6);
        assertEquals("Aa".hashCode(), "BB".hashCode());
        Path a = dir.resolve("Aa");
        Path b = dir.resolve("BB");
        assertEquals(a.toString().hashCode(), b.toString().hashCode());
        settle();
        bake(a, cache);
        bake(b, cache);
        Path victim = site.resolve("content/articles/a2.md");
        Files.writeString(victim, Files.readString(victim) + "\nAn added paragraph.\n");
        settle();
        Map<String, Long> before = TestContent.times(a);
        Map<String, String> digests = TestContent.digests(a);
        Thread.sleep(5);
        bake(a, cache);
        Map<String, String> after = TestContent.digests(a);
        int rewritten = 0;
        for (var e : after.entrySet()) {
            if (e.getValue().equals(digests.get(e.getKey()))
                    && Files.getLastModifiedTime(a.resolve(e.getKey())).toMillis() != before.get(e.getKey())) {
                rewritten++;
            }
        }
        assertEquals(0, rewritten, "unchanged files rewritten in " + a);
    }

    /**
     * A template under a name the content's rules pass over (.parts/) and a data file in a folder
     * holding .jbakeignore are read by every build, so an edit of either alone is a change: the
     * rebuild is not cut short as one of nothing changed.
     */
    @Test
    void anEditOfATemplateOrDataFileUnderIgnoredNamesIsAChange() throws Exception {
        smallSite(3);
        write("jbake.properties", "site.host=https://x.example/\nrender.error404=true\ndata.folder=data\n");
        write("templates/error404.ftlh", "<#include \".parts/words.ftlh\"><p>${data.get(\"team/t.yaml\").name}</p>\n");
        write("templates/.parts/words.ftlh", "<p>first words</p>");
        write("data/team/.jbakeignore", "");
        write("data/team/t.yaml", "name: Alice\n");
        Path out = dir.resolve("out");
        settle();
        bake(out, cache);
        bake(out, cache); // the stamp of a build that changed nothing
        write("templates/.parts/words.ftlh", "<p>other words</p>");
        write("data/team/t.yaml", "name: Bob\n");
        settle();
        bake(out, cache);
        String page = Files.readString(out.resolve("404.html"));
        assertTrue(page.contains("<p>other words</p><p>Bob</p>"), page);
        // each alone, too
        write("templates/.parts/words.ftlh", "<p>third words</p>");
        settle();
        bake(out, cache);
        assertTrue(Files.readString(out.resolve("404.html")).contains("<p>third words</p><p>Bob</p>"));
        write("data/team/t.yaml", "name: Carol\n");
        settle();
        bake(out, cache);
        assertTrue(Files.readString(out.resolve("404.html")).contains("<p>third words</p><p>Carol</p>"));
    }

    /**
     * On a file system whose clock ticks in seconds, an asset saved again within the tick in which
     * the last build read it keeps its size and time: such a time does not vouch for its bytes, which
     * are compared, so the rebuild copies the new ones.
     */
    @Test
    void anAssetSavedTwiceInOneTickOfTheClockIsCopiedAgain() throws Exception {
        smallSite(2);
        Path note = site.resolve("assets/files/note.txt");
        write("assets/files/note.txt", "version-1");
        java.nio.file.attribute.FileTime tick = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() / 1000 * 1000);
        Files.setLastModifiedTime(note, tick);
        Path out = dir.resolve("out");
        bake(out, cache);
        assertEquals("version-1", Files.readString(out.resolve("files/note.txt")));
        write("assets/files/note.txt", "version-2"); // the same size, and (below) the same time
        Files.setLastModifiedTime(note, tick);
        bake(out, cache);
        assertEquals("version-2", Files.readString(out.resolve("files/note.txt")));
        // once its time is long past its reading, the size and time are trusted again: not compared, not copied
        Files.setLastModifiedTime(note, java.nio.file.attribute.FileTime.fromMillis(tick.toMillis() - 60_000));
        bake(out, cache);
        long copied = Files.getLastModifiedTime(out.resolve("files/note.txt")).toMillis();
        Thread.sleep(5);
        bake(out, cache);
        assertEquals(copied, Files.getLastModifiedTime(out.resolve("files/note.txt")).toMillis());
        assertEquals("version-2", Files.readString(out.resolve("files/note.txt")));
    }

    private static void assertBrokenLink(org.junit.jupiter.api.function.Executable build, String when) {
        ContentException e = assertThrows(ContentException.class, build, when);
        assertEquals(List.of("content/articles/a1.md"), e.problems().stream().filter(Problem::isError)
                .map(Problem::path).toList(), when + ": " + e.problems());
        assertTrue(e.problems().get(0).message().contains("link to next.md#part"), when + ": " + e.problems());
    }

    /** A site of {@code articles} articles with a plain configuration, and its build cache's folder. */
    private void smallSite(int articles) throws IOException {
        site = dir.resolve("site");
        cache = dir.resolve("cache");
        write("jbake.properties", "site.host=https://x.example/\n");
        for (int i = 0; i < articles; i++) {
            addArticle();
        }
    }

    /** The baker of a long-lived process, kept from round to round. */
    private Baker lasting;

    private void lastingBake(Path out) throws Exception {
        if (lasting == null) {
            lasting = Baker.keepingState(options(out, cache));
        }
        lasting.bake();
    }

    /** The content of each file when {@link #settle} last saw it. */
    private final Map<Path, Integer> settled = new java.util.HashMap<>();

    /**
     * Gives every file of the site whose content changed since the last call a modification time
     * long past that follows from its content, to the millisecond: a changed file gets another time
     * (so the build sees the change by its time alone) and every such time is settled, so the
     * rebuilds leave unchanged files unread (as they do for files saved more than a moment before a
     * build). A file only touched keeps the time it was given.
     */
    private void settle() throws IOException {
        List<Path> files;
        try (var s = Files.walk(site)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            int hash = java.util.Arrays.hashCode(Files.readAllBytes(f));
            if (!Integer.valueOf(hash).equals(settled.put(f, hash))) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L
                        + (hash & 0xffffffffL) % 1_000_000_000L));
            }
        }
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void bake(Path out, Path cacheDir) throws Exception {
        new Baker(options(out, cacheDir)).bake();
    }

    private BakeOptions options(Path out, Path cacheDir) {
        return BakeOptions.of(site, out).withClock(CLOCK).withCache(cacheDir).withThreads(2).withLog(line -> {
            Matcher m = UNCHANGED.matcher(line);
            if (m.find()) {
                skipped += Integer.parseInt(m.group(1));
            }
        });
    }

    /** One random change to the site; returns what it was. */
    private String change() throws IOException {
        List<Path> articles = articles();
        Path victim = articles.get(random.nextInt(articles.size()));
        String text = Files.readString(victim);
        switch (random.nextInt(16)) {
            case 0:
                addArticle();
                return "added an article";
            case 1:
                if (articles.size() > 6 && !victim.getFileName().toString().equals("a0.md")) { // links go to a0
                    Files.delete(victim);
                    // links to it would now be errors: point them elsewhere
                    for (Path p : articles()) {
                        Files.writeString(p, Files.readString(p).replace(victim.getFileName().toString(), "a0.md"));
                    }
                    return "deleted " + victim.getFileName();
                }
                return "nothing";
            case 2:
                Files.writeString(victim, text + "\nAn added paragraph " + random.nextInt(1000) + ".\n");
                return "edited the body of " + victim.getFileName();
            case 3:
                Files.writeString(victim, text.replaceFirst("title: .*", "title: Retitled " + random.nextInt(1000)));
                return "retitled " + victim.getFileName();
            case 4:
                Files.writeString(victim, text.replaceFirst("tags: .*", "tags: [" + tag() + ", " + tag() + "]"));
                return "retagged " + victim.getFileName();
            case 5:
                Files.writeString(victim, text.replaceFirst("date: .*", "date: 202" + random.nextInt(5) + "-0"
                        + (1 + random.nextInt(9)) + "-1" + random.nextInt(9)));
                return "redated " + victim.getFileName();
            case 6:
                if (text.contains("draft: true")) {
                    Files.writeString(victim, text.replace("draft: true\n", ""));
                    return "published " + victim.getFileName();
                }
                if (victim.getFileName().toString().equals("a0.md")) {
                    return "nothing";
                }
                // a link to a draft is an error: links to it go to a0 instead
                for (Path p : articles()) {
                    Files.writeString(p, Files.readString(p).replace("(" + victim.getFileName() + ")", "(a0.md)"));
                }
                Files.writeString(victim, Files.readString(victim).replaceFirst("---\n", "---\ndraft: true\n"));
                return "drafted " + victim.getFileName();
            case 7:
                Files.writeString(victim, text.replaceFirst("(?m)^slug: .*\\n", "")
                        .replaceFirst("---\n", "---\nslug: moved-" + random.nextInt(1000) + "\n"));
                return "gave " + victim.getFileName() + " another slug";
            case 8:
                write("templates/macros.ftlh", Files.readString(Path.of(
                        "src/main/resources/dev/journal/core/theme/templates/macros.ftlh")) + "\n<#-- " + random.nextInt()
                        + " -->\n");
                return "changed a template";
            case 11:
                // every byline, in lists too, shows what the text decides: lists depend on it now
                write("templates/macros.ftlh", Files.readString(Path.of(
                        "src/main/resources/dev/journal/core/theme/templates/macros.ftlh"))
                        .replace("<#if showReading>", "<span class=\"words\">${article.words}</span><#if showReading>"));
                return "made lists show each article's word count";
            case 12:
                // every article's tags show how many articles each has: a retag elsewhere changes them
                write("templates/macros.ftlh", Files.readString(Path.of(
                        "src/main/resources/dev/journal/core/theme/templates/macros.ftlh"))
                        .replace("${t.name}</a>", "${t.name} (${t.count})</a>"));
                return "made tag lists show each tag's count";
            case 9:
                write("jbake.properties", Files.readString(site.resolve("jbake.properties"))
                        .replaceFirst("index.posts_per_page=\\d+", "index.posts_per_page=" + (2 + random.nextInt(4))));
                return "changed the configuration";
            case 13:
                return showDatesOtherwise();
            case 10:
                write("assets/css/extra-" + random.nextInt(3) + ".css", "body { margin: " + random.nextInt(9) + "px }\n");
                return "added or changed an asset";
            case 14: {
                // the same tags spelt otherwise: a tag is shown as its first spelling, on every page that names it
                java.util.regex.Matcher m = Pattern.compile("tags: \\[(.*)]").matcher(text);
                if (!m.find()) {
                    return "nothing";
                }
                String tags = m.group(1);
                String respelt = tags.equals(tags.toUpperCase(java.util.Locale.ROOT))
                        ? tags.toLowerCase(java.util.Locale.ROOT) : tags.toUpperCase(java.util.Locale.ROOT);
                Files.writeString(victim, text.substring(0, m.start(1)) + respelt + text.substring(m.end(1)));
                return "respelt the tags of " + victim.getFileName();
            }
            default:
                Files.setLastModifiedTime(victim, FileTime.fromMillis(System.currentTimeMillis() + 1000));
                return "touched " + victim.getFileName() + " without changing it";
        }
    }

    private int dateFormat;

    /** Another format of dates as pages, feeds and the search index show them. */
    private String showDatesOtherwise() throws IOException {
        String props = Files.readString(site.resolve("jbake.properties"))
                .replaceFirst("(?m)^journal\\.date\\.format=.*\\n", "");
        dateFormat = (dateFormat + 1) % 3;
        write("jbake.properties", props + "journal.date.format="
                + List.of("d MMMM yyyy", "yyyy-MM-dd", "MMM d, yyyy").get(dateFormat) + "\n");
        return "changed how dates are shown";
    }

    private String tag() {
        return TAGS[random.nextInt(TAGS.length)];
    }

    private void addArticle() throws IOException {
        int i = next++;
        List<Path> existing = new ArrayList<>();
        for (Path p : articles()) {
            if (!Files.readString(p).contains("draft: true")) {
                existing.add(p); // a link to a draft is an error
            }
        }
        String link = existing.isEmpty() ? "" : " See [an earlier one](" + existing.get(random.nextInt(existing.size()))
                .getFileName() + ").";
        String date = "202" + random.nextInt(5) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
        write("content/articles/a" + i + ".md", "---\ntitle: Article " + i + " on " + tag() + "\nauthor: "
                + AUTHORS[random.nextInt(AUTHORS.length)] + "\ndate: " + date + "\ntags: [" + tag() + ", " + tag()
                + "]\n---\nThe text of article " + i + " about " + tag() + " and " + tag() + "." + link + "\n\n## A part\n\n"
                + "More words[^1].\n\n[^1]: A note.\n");
    }

    private List<Path> articles() throws IOException {
        Path folder = site.resolve("content/articles");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.sorted().toList());
        }
    }

    private void write(String path, String text) throws IOException {
        Path p = site.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
