package dev.journal.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {

    @Test
    void jbakeDefaults() {
        SiteConfig c = SiteConfig.defaults();
        assertEquals("content", c.get("content.folder"));
        assertEquals("post.ftl", c.get("template.post.file"));
        assertEquals(3, c.number("index.posts_per_page"));
        assertFalse(c.flag("uri.noExtension"));
        assertTrue(c.flag("render.tags"));
        assertEquals("http://www.jbake.org/", c.siteHost());
        assertEquals(ZoneId.of("UTC"), c.zone());
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void templateValuesUseUnderscores() {
        SiteConfig c = SiteConfig.of(java.util.Map.of("site.host", "https://x.org"));
        assertEquals("https://x.org", c.templateValues().get("site_host"));
        assertEquals("tags", c.templateValues().get("tag_path"));
    }

    @Test
    void badValuesAreErrorsOnTheirLine() throws IOException {
        SiteConfig c = ConfigLoader.parse("""
                # comment
                site.host=https://x.org/
                index.posts_per_page=many
                render.tags=yes
                journal.timezone=Mars/Olympus
                content.folder=../elsewhere
                """);
        List<Problem> errors = c.problems().stream().filter(Problem::isError).toList();
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.line() == 3 && p.message().contains("whole number")));
        assertTrue(errors.stream().anyMatch(p -> p.line() == 4 && p.message().contains("true or false")));
        assertTrue(errors.stream().anyMatch(p -> p.line() == 5 && p.message().contains("time zone")));
        assertTrue(errors.stream().anyMatch(p -> p.line() == 6 && p.message().contains("relative folder")));
        assertTrue(errors.stream().allMatch(p -> p.path().equals("jbake.properties")));
    }

    @Test
    void aLanguageNamedInWordsIsNotALanguageTag() throws IOException {
        SiteConfig c = ConfigLoader.parse("""
                site.host=https://x.org/
                journal.language=english
                jvm.locale=deutsch
                """);
        assertEquals(List.of("jbake.properties:2: 'english' is not a language tag such as en or en-GB",
                "jbake.properties:3: 'deutsch' is not a language tag such as en or en-GB"),
                c.problems().stream().map(Problem::toString).toList());
        // with a locale of its own, the language is still checked
        c = ConfigLoader.parse("journal.language=english\njournal.locale=en-GB\n");
        assertEquals(List.of("jbake.properties:1: 'english' is not a language tag such as en or en-GB"),
                c.problems().stream().map(Problem::toString).toList());
        c = ConfigLoader.parse("journal.language=pt-BR\njvm.locale=en_US\n");
        assertTrue(c.problems().isEmpty(), c.problems()::toString);
    }

    @Test
    void aKeySetTwiceIsReportedAtTheLineWhoseValueCounts() throws Exception {
        SiteConfig c = ConfigLoader.parse("""
                index.posts_per_page=8
                journal.timezone=UTC
                index.posts_per_page=-3
                """);
        // the last value is the one looked at, as java.util.Properties keeps it; refused, it gives way
        // to the default (3), not to line 1's
        assertTrue(c.refused("index.posts_per_page"));
        assertEquals("3", c.get("index.posts_per_page"));
        assertEquals(3, c.number("index.posts_per_page"));
        assertEquals("5", ConfigLoader.parse("index.posts_per_page=8\nindex.posts_per_page=5\n").get("index.posts_per_page"));
        List<Problem> errors = c.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).line());
        assertTrue(c.problems().stream().anyMatch(p -> !p.isError() && p.line() == 3
                && p.message().equals("index.posts_per_page is set again here; the value of line 1 is ignored")),
                c.problems().toString());
    }

    @Test
    void aFileNotInUtf8IsAnErrorOnTheLineOfItsFirstBadByteAndTheRestIsStillChecked(@TempDir Path site)
            throws IOException {
        // Latin-1, as a .properties file is classically saved: JBake reads the file as UTF-8 too
        Files.write(site.resolve("jbake.properties"), "site.host=https://x.org/\njournal.title=Caf\u00e9 Europa\n"
                .concat("index.posts_per_page=many\n").getBytes(StandardCharsets.ISO_8859_1));
        SiteConfig c = ConfigLoader.load(site);
        List<String> errors = c.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
        assertEquals(List.of("jbake.properties:2: the file is not valid UTF-8 (byte 0xE9 at offset 42); save it as"
                + " UTF-8", "jbake.properties:3: index.posts_per_page must be a whole number above 0, not 'many'"),
                errors.stream().sorted().toList());
        assertEquals("https://x.org/", c.get("site.host"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstKey(@TempDir Path site) throws IOException {
        Files.write(site.resolve("jbake.properties"), "\uFEFFsite.host=https://x.org/\r\njournal.title=T\r\n"
                .getBytes(StandardCharsets.UTF_8));
        SiteConfig c = ConfigLoader.load(site);
        assertEquals("https://x.org/", c.get("site.host"));
        assertEquals(List.of(), c.problems());
    }

    @Test
    void theSitesPathOnItsHostStartsAndEndsWithOneSlash() {
        for (String[] hostAndPath : new String[][] {{"https://x.org", "/"}, {"https://x.org/", "/"},
                {"https://x.org//", "/"}, {"https://x.org/journal", "/journal/"}, {"https://x.org//journal/", "/journal/"},
                {"https://x.org/journal?x=1", "/journal/"}, {"https://x.org/a%20b/", "/a%20b/"}, {"not a url", "/"}}) {
            assertEquals(hostAndPath[1], SiteConfig.of(Map.of("site.host", hostAndPath[0])).sitePath(), hostAndPath[0]);
        }
    }

    @Test
    void feedAndSitemapKeysAreChecked() throws IOException {
        SiteConfig c = ConfigLoader.parse("""
                journal.feed.entries=0
                journal.feed.content=excerpt
                journal.feed.taxonomy.content=full
                journal.tags.sort=popularity
                feed.file=../feed.xml
                journal.atom.file=/atom.xml
                journal.render.atom=no
                sitemap.file=maps/sitemap.xml
                """);
        List<Problem> errors = c.problems().stream().filter(Problem::isError).toList();
        assertEquals(List.of(1, 2, 4, 5, 6, 7), errors.stream().map(Problem::line).sorted().toList(), errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.line() == 2 && p.message().contains("full or summary")));
        assertTrue(errors.stream().anyMatch(p -> p.line() == 4 && p.message().contains("name or count")));
        assertEquals(20, SiteConfig.defaults().number("journal.feed.entries"));
    }

    @Test
    void recommenderWeightsAreDecimalsInTheirRange() throws IOException {
        SiteConfig good = ConfigLoader.parse("""
                journal.related.weight.text=2
                journal.related.weight.tags=.35
                journal.related.count=0
                """);
        assertTrue(good.problems().isEmpty(), good.problems().toString());
        assertEquals(2.0, good.decimal("journal.related.weight.text"));
        assertEquals(0.35, good.decimal("journal.related.weight.tags"));
        assertEquals(0.1, good.decimal("journal.related.weight.authors"));
        assertEquals(0, good.number("journal.related.count"));

        SiteConfig bad = ConfigLoader.parse("""
                journal.related.weight.text=1,5
                journal.related.weight.freshness=1.5
                journal.related.diversity=-0.1
                journal.related.count=-1
                journal.related.freshness.halflife=0
                """);
        List<Problem> errors = bad.problems().stream().filter(Problem::isError).toList();
        assertEquals(5, errors.size(), errors.toString());
        for (int line = 1; line <= 5; line++) {
            int l = line;
            assertTrue(errors.stream().anyMatch(p -> p.line() == l), "an error on line " + l + ": " + errors);
        }
        assertTrue(errors.stream().anyMatch(p -> p.line() == 1 && p.message().contains("such as 0.5")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(p -> p.line() == 5 && p.message().contains("from 1 to 1000000, such as 1.5")),
                errors.toString());
        // a refused value is reported, and its default stands in for what reads it (check goes on with it)
        SiteConfig defaults = SiteConfig.defaults();
        for (String key : List.of("journal.related.weight.text", "journal.related.weight.freshness",
                "journal.related.diversity", "journal.related.freshness.halflife")) {
            assertEquals(defaults.decimal(key), bad.decimal(key), key);
        }
        assertEquals(defaults.number("journal.related.count"), bad.number("journal.related.count"));
        dev.journal.core.related.RelatedSettings.from(bad); // the values in range: does not throw
    }

    @Test
    void theSitesCardImageIsAPathInTheSiteOrAnHttpAddress() throws IOException {
        for (String good : List.of("", "/images/card.png", "images/card.png", "https://cdn.example.org/card.png",
                "/images/../card.png")) {
            SiteConfig c = ConfigLoader.parse("journal.image=" + good + "\n");
            assertTrue(c.problems().isEmpty(), good + ": " + c.problems());
        }
        Map<String, String> bad = Map.of("javascript:alert(1)", "is neither a path from the site's root",
                "data:image/png;base64,AAAA", "is neither a path from the site's root",
                "//cdn.example.org/x.png", "is neither a path from the site's root",
                "/../../etc/passwd", "points outside the site",
                "\\\\images\\\\card.png", "uses \\; write paths with /");
        for (var e : bad.entrySet()) {
            String value = e.getKey();
            String why = e.getValue();
            SiteConfig c = ConfigLoader.parse("site.host=https://x.org/\njournal.image=" + value + "\n");
            List<Problem> errors = c.problems().stream().filter(Problem::isError).toList();
            assertEquals(1, errors.size(), value + ": " + c.problems());
            assertEquals(2, errors.get(0).line());
            assertTrue(errors.get(0).message().contains(why), errors.toString());
        }
    }

    @Test
    void siteHostIsAnAbsoluteHttpAddress() throws IOException {
        for (String good : List.of("https://journal.example.org/", "http://localhost:8820/", "https://x.org/journal",
                "HTTPS://X.ORG", "https://bücher.example/")) {
            SiteConfig c = ConfigLoader.parse("site.host=" + good + "\n");
            assertTrue(c.problems().isEmpty(), good + ": " + c.problems());
        }
        for (String bad : List.of("example.org", "ftp://example.org/", "not a url", "https://", "/journal/",
                "javascript:alert(1)")) {
            SiteConfig c = ConfigLoader.parse("# the address\nsite.host=" + bad + "\n");
            List<Problem> errors = c.problems().stream().filter(Problem::isError).toList();
            assertEquals(1, errors.size(), bad + ": " + c.problems());
            assertEquals(2, errors.get(0).line());
            assertTrue(errors.get(0).message().startsWith("site.host must be the journal's address, an absolute http"
                    + " or https URL"), errors.toString());
            // JBake builds such a site: with its layout, a warning
            SiteConfig jbake = ConfigLoader.parse("site.host=" + bad + "\njournal.layout=jbake\n");
            assertTrue(jbake.problems().stream().noneMatch(Problem::isError), bad + ": " + jbake.problems());
            assertTrue(jbake.problems().stream().anyMatch(p -> p.line() == 1 && p.message().startsWith("site.host must")),
                    jbake.problems().toString());
        }
        assertTrue(ConfigLoader.parse("site.host=\n").problems().isEmpty()); // empty: check warns of it
    }

    @Test
    void unknownKeysWarnWithASuggestion() throws IOException {
        SiteConfig c = ConfigLoader.parse("index.post_per_page=5\nfoo.bar=1\ndb.store=plocal\ntemplate.event.file=event.ftl\n");
        assertTrue(c.problems().stream().noneMatch(Problem::isError));
        assertTrue(c.problems().stream().anyMatch(p -> p.line() == 1
                && p.message().contains("did you mean index.posts_per_page")), c.problems().toString());
        assertTrue(c.problems().stream().anyMatch(p -> p.line() == 2 && p.message().contains("unknown key foo.bar")));
        assertTrue(c.problems().stream().anyMatch(p -> p.line() == 3 && p.message().contains("ignored")));
        assertEquals(3, c.problems().size(), "template.<type>.file is a known pattern: " + c.problems());
    }

    @Test
    void aTypesExtensionIsKnownAndOneForAPageThatIsNoTypeIsIgnoredAsInJBake() throws IOException {
        SiteConfig c = ConfigLoader.parse("template.robots.extension=.txt\ntemplate.post.extension=.htm\n"
                + "template.sitemap.extension=.txt\n");
        assertEquals(1, c.problems().size(), c.problems().toString());
        Problem p = c.problems().get(0);
        assertEquals(3, p.line());
        assertTrue(!p.isError() && p.message().startsWith("template.sitemap.extension is accepted and ignored"),
                p.toString());
    }

    @Test
    void aDefaultStatusIsCheckedAtItsLineAndAnOutputEncodingOtherThanUtf8IsIgnoredWithAWarning() throws Exception {
        SiteConfig c = ConfigLoader.parse("default.status=bogus\nfreemarker.outputencoding=ISO-8859-1\n");
        assertEquals(List.of("jbake.properties:1: default.status must be published or published-date or draft, not"
                + " 'bogus'", "jbake.properties:2: warning: freemarker.outputencoding is 'ISO-8859-1', which is"
                + " ignored: pages are written in UTF-8"), c.problems().stream().sorted(Problem.ORDER)
                .map(Problem::toString).toList());
        assertEquals("draft", c.get("default.status"), "refused, its default stands in");
        assertTrue(ConfigLoader.parse("default.status=Published\nfreemarker.outputencoding=utf-8\n").problems().isEmpty());
        assertTrue(ConfigLoader.parse("default.status=\n").problems().isEmpty());
    }

    @Test
    void refusedLocalesZonesAndDateFormatsGiveWayToWhatTheirDefaultsMean() throws Exception {
        SiteConfig c = ConfigLoader.parse("journal.language=de\njournal.timezone=Europe/Berlin\n"
                + "journal.date.format=d MMMM {\njvm.locale=english\nfreemarker.timezone=Mars/Olympus\n"
                + "journal.locale=deutsch\n");
        assertEquals(4, c.problems().stream().filter(Problem::isError).count(), c.problems()::toString);
        assertEquals(Locale.GERMAN, c.locale(), "journal.locale's default: the language's");
        assertEquals(Locale.GERMAN, c.templateLocale(), "jvm.locale's default: the site's locale");
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), c.templateZone(), "freemarker.timezone's: the site's zone");
        assertEquals("28 Juni 2024", c.displayDateFormat().format(java.time.LocalDate.of(2024, 6, 28)),
                "journal.date.format's default pattern");
    }

    @Test
    void aTemplateOfAnotherOfJBakesEnginesIsAnErrorAtItsLine() throws Exception {
        SiteConfig c = ConfigLoader.parse("template.post.file=post.peb\ntemplate.page.file=page.ftl\n"
                + "template.event.file=event.thyme\njournal.layout=jbake\n");
        assertEquals(List.of("jbake.properties:1: template.post.file is 'post.peb', a Pebble template (JBake picks its"
                + " engine by the extension): only Freemarker templates (.ftl) are rendered here",
                "jbake.properties:3: template.event.file is 'event.thyme', a Thymeleaf template (JBake picks its engine"
                + " by the extension): only Freemarker templates (.ftl) are rendered here"),
                c.problems().stream().filter(Problem::isError).sorted(Problem.ORDER).map(Problem::toString).toList());
        // the journal's layout renders any template name as Freemarker
        assertTrue(ConfigLoader.parse("journal.layout=journal\ntemplate.post.file=post.html\n").problems().stream()
                .noneMatch(Problem::isError));
    }

    /** The README documents every key the engine knows, with its default. */
    @Test
    void readmeDocumentsEveryKey() throws IOException {
        Path readme = Path.of(System.getProperty("journal.readme", "../../README.md"));
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int last = -1;
        for (ConfigKey key : ConfigKeys.all()) {
            String value = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            String row = "| `" + key.name() + "` | " + value + " |";
            assertTrue(text.contains(row), "README.md does not document " + key.name() + " with its default " + value);
            // in the same order, so that the table and ConfigKeys can be read side by side
            assertTrue(text.indexOf(row) > last, key.name() + " comes earlier in README.md than in ConfigKeys");
            last = text.indexOf(row);
        }
    }
}
