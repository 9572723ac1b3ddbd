package dev.journal.core.authoring;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewArticleTest {

    /** New Year's Eve in UTC, already New Year's Day in Tokyo. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-31T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path site;

    static Article parse(Path site, Path file, SiteConfig config) throws Exception {
        String contentPath = site.resolve("content").relativize(file).toString().replace('\\', '/');
        ContentParser.Parsed p = new ContentParser(config, new MarkdownRenderer(MarkdownOptions.site(true)))
                .parseOne(new SourceFile("content/" + contentPath, contentPath, Files.readAllBytes(file)), Map.of());
        assertEquals(List.of(), p.problems().stream().map(Problem::toString).toList());
        return p.articles().get(0);
    }

    @Test
    void writesADraftDatedNowInTheJournalsZone() throws Exception {
        write(site, "jbake.properties", "journal.timezone=Asia/Tokyo\n");
        NewArticle.Created c = NewArticle.create(site, new NewArticle.Request("Bamboo Diplomacy: \"Under\" Strain",
                List.of("Pham Thu Hien"), List.of("Vietnam", " Diplomacy ")), CLOCK);
        assertEquals(site.resolve("content/articles/2026/bamboo-diplomacy-under-strain.md"), c.file());
        assertNull(c.taken());
        Article a = parse(site, c.file(), SiteConfig.of(Map.of("journal.timezone", "Asia/Tokyo")));
        assertEquals("Bamboo Diplomacy: \u201cUnder\u201d Strain", a.title());
        assertEquals(List.of("Pham Thu Hien"), a.authors());
        assertEquals(List.of("Vietnam", "Diplomacy"), a.tags());
        assertTrue(a.draft());
        assertEquals(ZonedDateTime.of(2026, 1, 1, 5, 0, 0, 0, ZoneId.of("Asia/Tokyo")), a.date());
        assertTrue(a.headings().size() == 1 && a.words() > 20, "a short body to write over");
    }

    @Test
    void writesTheFirstArticleOfASiteWhoseFoldersAreNamedButNotMadeYet() throws Exception {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\ncontent.folder=content\n"
                + "template.folder=theme\n");
        NewArticle.Created c = NewArticle.create(site, new NewArticle.Request("First one", List.of(), List.of()),
                CLOCK);
        assertTrue(Files.exists(c.file()), c.file().toString());
        assertTrue(c.file().startsWith(site.resolve("content")), c.file().toString());
        // a folder that would leave the site is still refused, made or not (the site in a folder of
        // the test's own, so that what is beside it is the test's too)
        Path inner = site.resolve("inner");
        write(inner, "jbake.properties", "content.folder=../outside\n");
        assertThrows(dev.journal.core.ContentException.class, () -> NewArticle.create(inner,
                new NewArticle.Request("Second one", List.of(), List.of()), CLOCK));
        assertTrue(Files.notExists(site.resolve("outside")), "nothing written outside the site");
    }

    @Test
    void neverReplacesAFileAndSaysWhichNameWasTaken() throws Exception {
        Path existing = write(site, "content/articles/2025/hello.md", "---\ntitle: Mine\ndate: 2025-01-01\n---\nMine.\n");
        write(site, "content/articles/2025/other.md", "---\ntitle: Other\ndate: 2025-01-01\nslug: hello-2\n---\nX.\n");
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
        NewArticle.Created c = NewArticle.create(site, new NewArticle.Request("Hello", List.of(), List.of()), clock);
        assertEquals(site.resolve("content/articles/2025/hello-3.md"), c.file(), "hello-2 is another article's page");
        assertEquals("hello.md", c.taken());
        assertEquals("---\ntitle: Mine\ndate: 2025-01-01\n---\nMine.\n", Files.readString(existing));
        Article a = parse(site, c.file(), SiteConfig.defaults());
        assertEquals(List.of(), a.authors());
        assertEquals(List.of(), a.tags());
        String text = Files.readString(c.file());
        assertTrue(text.startsWith("---\ntitle: \"Hello\"\nauthors: []\ndate: 2025-06-01 10:00\ntags: []\ndraft: true\n---\n"),
                text);
    }

    @Test
    void anHourTheClocksShowTwiceIsWrittenWithItsOffset() throws Exception {
        write(site, "jbake.properties", "journal.timezone=Europe/Berlin\n");
        SiteConfig config = SiteConfig.of(Map.of("journal.timezone", "Europe/Berlin"));
        // 2024-10-27: Berlin's clocks go back from 03:00 to 02:00, so 02:30 comes twice
        for (String[] c : new String[][] {{"2024-10-27T00:30:00Z", "first", "2024-10-27 02:30+02:00"},
            {"2024-10-27T01:30:00Z", "second", "2024-10-27 02:30+01:00"}, {"2024-10-27T02:30:00Z", "after", "2024-10-27 03:30\n"}}) {
            Instant at = Instant.parse(c[0]);
            NewArticle.Created made = NewArticle.create(site, new NewArticle.Request("Clocks " + c[1], List.of(),
                    List.of()), Clock.fixed(at, ZoneOffset.UTC));
            assertTrue(Files.readString(made.file()).contains("date: " + c[2]), Files.readString(made.file()));
            assertEquals(at, parse(site, made.file(), config).date().toInstant(), c[1] + ", without a warning");
        }
    }

    @Test
    void aTitleWithoutLettersIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NewArticle.create(site, new NewArticle.Request("?!", List.of(), List.of()), CLOCK));
        assertTrue(e.getMessage().contains("no letter or digit"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NewArticle.create(site, new NewArticle.Request("  ", List.of(), List.of()), CLOCK));
        assertTrue(!Files.exists(site.resolve("content")), "nothing written");
    }

    @Test
    void aTagThatCannotNameItsPageIsRefusedWhereTagPagesAreMade() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NewArticle.create(site,
                new NewArticle.Request("Shipping", List.of(), List.of("Arctic", "\uD83D\uDEA2")), CLOCK));
        assertEquals("the tag '\uD83D\uDEA2' has no letter or digit to make its page's URL from; give a tag with words",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NewArticle.create(site,
                new NewArticle.Request("Shipping", List.of(), List.of("..")), CLOCK));
        assertTrue(!Files.exists(site.resolve("content")), "nothing written");
        Files.writeString(site.resolve("jbake.properties"), "render.tags=false\n");
        NewArticle.create(site, new NewArticle.Request("Shipping", List.of(), List.of("\uD83D\uDEA2")), CLOCK);
        assertTrue(Files.exists(site.resolve("content/articles/2025/shipping.md")), "no tag pages: as check, accepted");
    }
}
