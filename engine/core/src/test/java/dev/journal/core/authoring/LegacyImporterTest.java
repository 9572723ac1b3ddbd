package dev.journal.core.authoring;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyImporterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path site;
    Path seed;

    @BeforeEach
    void journal() throws Exception {
        site = dir.resolve("site");
        write(site, "content/articles/2024/korea.md", "---\ntitle: Korea\ndate: 2024-01-01\n"
                + "tags: [North Korea, Russia, Alliances]\n---\nPyongyang and Moscow: a treaty, munitions, a pact.\n");
        write(site, "content/articles/2024/vietnam.md", "---\ntitle: Hanoi\ndate: 2024-01-01\n"
                + "tags: [Vietnam, Diplomacy]\n---\nHanoi practises bamboo diplomacy between Washington and Beijing.\n");
        write(site, "content/articles/2024/arctic.md", "---\ntitle: Ice\ndate: 2024-01-01\n"
                + "tags: [Arctic, Climate]\n---\nSea ice, permafrost and shipping routes.\n");
        seed = dir.resolve("000_fa3c26d2fc650530.txt");
        Files.writeString(seed, LegacyTextTest.seed());
    }

    private static ContentParser.Parsed parse(Path site, Path file) throws Exception {
        String contentPath = site.resolve("content").relativize(file).toString().replace('\\', '/');
        return new ContentParser(SiteConfig.defaults(), new MarkdownRenderer(MarkdownOptions.site(true)))
                .parseOne(new SourceFile("content/" + contentPath, contentPath, Files.readAllBytes(file)), Map.of());
    }

    @Test
    void withoutOptionsTheSeedGetsPlaceholdersThatTheBuildRefuses() throws Exception {
        LegacyImporter importer = LegacyImporter.open(site, CLOCK);
        LegacyImporter.Imported r = importer.importFile(seed, new LegacyImporter.Options(null, null, List.of()));
        assertEquals(site.resolve("content/articles/2025/000-fa3c26d2fc650530.md"), r.file());
        assertEquals(List.of("Irina Khalturina"), r.authors());
        assertEquals(3, r.headings());
        assertEquals(17, r.paragraphs());
        assertTrue(r.marker());
        assertEquals(List.of("title", "date", "tags"), r.todo());
        assertTrue(r.suggested().containsAll(List.of("North Korea", "Vietnam", "Russia")), r.suggested()::toString);
        assertFalse(r.suggested().contains("Arctic"), r.suggested()::toString);
        String suggested = String.join(", ", r.suggested());
        String text = Files.readString(r.file());
        assertTrue(text.startsWith("---\ntitle: \"TODO: the article's title\"\nauthor: \"Irina Khalturina\"\n"
                + "date: \"TODO: the publication date, e.g. 2025-06-01\"\ntags: [\"TODO: choose tags, e.g. " + suggested
                + "\"]\n---\n\nThe visits of Russian President"), text);
        List<String> problems = parse(site, r.file()).problems().stream().sorted(Problem.ORDER)
                .map(Problem::toString).toList();
        assertEquals(List.of(
                "content/articles/2025/000-fa3c26d2fc650530.md:2: title is still a placeholder (TODO: the article's"
                        + " title); replace it before building",
                "content/articles/2025/000-fa3c26d2fc650530.md:4: date is still a placeholder (TODO: the publication"
                        + " date, e.g. 2025-06-01); replace it before building",
                "content/articles/2025/000-fa3c26d2fc650530.md:5: tags is still a placeholder (TODO: choose tags,"
                        + " e.g. " + suggested + "); replace it before building"),
                problems);
    }

    @Test
    void withOptionsTheSeedBecomesAPublishableArticle() throws Exception {
        LegacyImporter importer = LegacyImporter.open(site, CLOCK);
        LegacyImporter.Imported r = importer.importFile(seed, new LegacyImporter.Options(
                "Pyongyang and Hanoi", "2024-06-28", List.of("Russia", "North Korea")));
        assertEquals(site.resolve("content/articles/2024/pyongyang-and-hanoi.md"), r.file());
        assertEquals(List.of(), r.todo());
        ContentParser.Parsed parsed = parse(site, r.file());
        assertEquals(List.of(), parsed.problems());
        Article a = parsed.articles().get(0);
        assertEquals("Pyongyang and Hanoi", a.title());
        assertEquals(List.of("Irina Khalturina"), a.authors());
        assertEquals(List.of("Russia", "North Korea"), a.tags());
        assertEquals(2024, a.date().getYear());
        assertEquals(List.of("Alliance or Pact?", "Strategic Partners", "Food for Thought"),
                a.headings().stream().map(h -> h.text()).toList());
        assertEquals(17, a.bodyHtml().split("<p>", -1).length - 1, "every paragraph");
        assertFalse(a.bodyHtml().contains("RECOMMEND"));
        assertTrue(a.bodyHtml().contains("<p>For the first time in 24 years, Vladimir Putin travelled to North Korea"));
        assertTrue(a.text().contains("Has the UN ceased to exist, or has the principle of the \u201cright of the strong\u201d"
                + " finally prevailed?"), "the last paragraph, whole");
    }

    @Test
    void importingTwiceWritesASecondFileAndNeverReplacesTheFirst() throws Exception {
        LegacyImporter importer = LegacyImporter.open(site, CLOCK);
        LegacyImporter.Options options = new LegacyImporter.Options("Same", "2024-06-28", List.of("X"));
        LegacyImporter.Imported first = importer.importFile(seed, options);
        Files.writeString(first.file(), "edited by hand");
        LegacyImporter.Imported second = LegacyImporter.open(site, CLOCK).importFile(seed, options);
        assertEquals(site.resolve("content/articles/2024/same-2.md"), second.file());
        assertEquals("same.md", second.taken());
        assertEquals("edited by hand", Files.readString(first.file()));
    }

    @Test
    void olderFilesInWindows1252AreRead() throws Exception {
        Path legacy = dir.resolve("old.txt");
        Files.write(legacy, "Author: Rene ANDRE\nCaf\u00e9 diplomacy \u2013 at \u20ac5 a cup.\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        LegacyImporter.Imported r = LegacyImporter.open(site, CLOCK).importFile(legacy,
                new LegacyImporter.Options("Cafe", "2024-01-02", List.of("X")));
        assertEquals("Windows-1252", r.encoding());
        assertTrue(Files.readString(r.file(), StandardCharsets.UTF_8).contains("Caf\u00e9 diplomacy \u2013 at \u20ac5 a cup."));
    }

    @Test
    void aBadDateOrAnEmptyFileIsRefusedBeforeWriting() throws Exception {
        LegacyImporter importer = LegacyImporter.open(site, CLOCK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> importer.importFile(seed,
                new LegacyImporter.Options("T", "28/06/2024", List.of())));
        assertTrue(e.getMessage().contains("write it year first, 2024-06-28"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.txt"), "Author: Nobody\n\nRECOMMEND:x\n");
        assertThrows(IllegalArgumentException.class, () -> importer.importFile(empty,
                new LegacyImporter.Options(null, null, List.of())));
        assertFalse(Files.exists(site.resolve("content/articles/2025")), "nothing written");
    }
}
