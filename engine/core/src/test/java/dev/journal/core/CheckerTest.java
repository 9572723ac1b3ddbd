package dev.journal.core;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** The test's folder: the site is a folder in it, so that outputs made beside the site are removed with it. */
    @TempDir
    Path temp;
    Path site;

    @BeforeEach
    void makeSite() throws IOException {
        site = Files.createDirectories(temp.resolve("site"));
    }

    private CheckResult check() throws IOException {
        return new Checker(site, CLOCK, 2).check();
    }

    /**
     * The problems found, but the warnings about articles without an author and a site.host left
     * unset: most sites here have neither (see {@link #anArticleWithoutAnAuthorIsAWarning} and
     * {@link #aSiteHostLeftAtJBakesDefaultIsAWarning}).
     */
    private static List<String> lines(CheckResult r) {
        return r.problems().stream().map(Problem::toString).filter(p -> !p.contains(": warning: no author:")
                && !p.matches("jbake\\.properties(:\\d+)?: warning: site\\.host is (not set|empty|JBake's default).*"))
                .toList();
    }

    @Test
    void anErrorOfTheConfigurationIsReportedWithTheContentsProblems() throws IOException {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\njournal.language=english\n");
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-13-01\n---\nText.\n");
        write(site, "templates/post.ftl", "<p>${content.no_such_field}</p>");
        CheckResult r = check();
        assertEquals(List.of("content/articles/2024/one.md:3: date: '2024-13-01' is not a real date: month 13 does not"
                + " exist (1-12)", "jbake.properties:2: 'english' is not a language tag such as en or en-GB"), lines(r));
        assertEquals(1, r.documents());
        // an error in what reading the content depends on stops the check there
        write(site, "jbake.properties", "site.host=https://journal.example.org/\ndate.format=yyyy-MM-dd {\n");
        r = check();
        assertEquals(0, r.documents(), lines(r)::toString);
        assertTrue(lines(r).stream().allMatch(l -> l.startsWith("jbake.properties:2:")), lines(r)::toString);
    }

    @Test
    void aRecommenderSettingOutOfItsRangeIsAnErrorOnItsLineNotACrash() throws IOException {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\njournal.related.count=-1\n"
                + "journal.related.diversity=5\n");
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-13-01\n---\nText.\n");
        assertEquals(List.of("content/articles/2024/one.md:3: date: '2024-13-01' is not a real date: month 13 does not"
                + " exist (1-12)", "jbake.properties:2: journal.related.count must be a whole number of at least 0, not"
                + " '-1'", "jbake.properties:3: journal.related.diversity must be a number from 0 to 1, such as 0.5,"
                + " not '5'"), lines(check()));
    }

    @Test
    void linksAndImagesInRawHtmlAreCheckedAndLeadToPagesAsMarkdownsDo() throws Exception {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\n");
        write(site, "content/articles/2024/other.md", "---\ntitle: Other\ndate: 2024-01-01\ntags: [X]\n---\nText.\n");
        write(site, "content/articles/2024/plan.md", "---\ntitle: Plan\ndate: 2024-01-01\ntags: [X]\ndraft: true\n---\n"
                + "Text.\n");
        String body = "---\ntitle: One\ndate: 2024-01-02\ntags: [X]\n---\n"
                + "See <a href=\"other.md#top\">the other</a>.\n\n"
                + "<p><a href=\"plan.md\">soon</a>\n<img src=\"missing.png\" alt=\"A chart\"></p>\n\n"
                + "<a href=\"nope.md\">nope</a> <a href='/reports/none/'>none</a>\n";
        write(site, "content/articles/2024/one.md", body);
        assertEquals(List.of(
                "content/articles/2024/one.md:8: link to plan.md, which is a draft and has no page in this build; remove"
                        + " the link until it is published",
                "content/articles/2024/one.md:9: image missing.png not found: the site will have no"
                        + " articles/2024/missing.png (looked for content/articles/2024/missing.png and"
                        + " assets/articles/2024/missing.png)",
                "content/articles/2024/one.md:11: link to /reports/none/: the site will have no reports/none/"
                        + " (journal.check.links=warning makes this a warning)",
                "content/articles/2024/one.md:11: warning: link to nope.md, which is not a content file (looked for"
                        + " articles/2024/nope.md in the content folder); in raw HTML it is left as written, for a file of"
                        + " the site of that name"), lines(check()));
        // mended, the link to a content file leads to its page, as a Markdown link's does
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-01-02\ntags: [X]\n---\n"
                + "See <a href=\"other.md#top\">the other</a> and <A HREF=/articles/2024/other.md>again</A>"
                + " <a href=\"other.md?ref=feed\">with a query</a>.\n");
        assertEquals(List.of(), lines(check()));
        Path out = site.resolveSibling(site.getFileName() + "-out");
        new Baker(BakeOptions.of(site, out).withClock(CLOCK)).bake();
        String page = Files.readString(out.resolve("articles/2024/one.html"));
        assertTrue(page.contains("<a href=\"other.html#top\">the other</a> and <a href=\"other.html\">again</a>"
                + " <a href=\"other.html?ref=feed\">with a query</a>"), page);
    }

    @Test
    void anErrorInTheConfigurationHidesNoneOfTheSitesOtherProblemsAndCausesNoOthers() throws Exception {
        // refused, journal.search.file and site.host give way to their defaults: no page is placed
        // out of the site, and site.host is not then called JBake's default
        write(site, "jbake.properties", "site.host=example.org\njournal.search.file=../x.html\nrender.feed=maybe\n");
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-02-01\ntags: [X]\n"
                + "image: missing.png\n---\nText.\n");
        List<String> expected = List.of(
                "content/articles/2024/one.md:5: image missing.png not found: the site will have no"
                        + " articles/2024/missing.png (looked for content/articles/2024/missing.png and"
                        + " assets/articles/2024/missing.png)",
                "jbake.properties:1: site.host must be the journal's address, an absolute http or https URL such as"
                        + " https://journal.example.org/, not 'example.org': canonical links, feeds, the sitemap and"
                        + " citations are made from it",
                "jbake.properties:2: journal.search.file must be a file name inside the site, such as archive.html, not"
                        + " '../x.html': the path has a .. segment",
                "jbake.properties:3: render.feed must be true or false, not 'maybe'");
        assertEquals(expected, lines(check()));
        // a build lists them all too, rather than the configuration's alone, and writes nothing
        Path out = site.resolveSibling(site.getFileName() + "-out");
        ContentException failed = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class,
                () -> new Baker(BakeOptions.of(site, out).withClock(CLOCK)).bake());
        assertEquals(expected, r(failed.problems()));
        assertFalse(Files.exists(out));
    }

    private static List<String> r(List<Problem> problems) {
        return problems.stream().sorted(Problem.ORDER).map(Problem::toString).toList();
    }

    @Test
    void aBuildThatFailsOnItsContentReportsWhatCheckWouldFindOfItsPagesToo() throws Exception {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\n");
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-02-30\ntags: [X]\n---\nText.\n");
        write(site, "content/articles/2024/two.md", "---\ntitle: Two\ndate: 2024-02-01\ntags: [X]\n---\n"
                + "See [that](/reports/x.pdf).\n\n![A chart](chart-missing.png)\n");
        List<String> checked = lines(check());
        assertEquals(3, checked.size(), checked::toString);
        Path out = site.resolveSibling(site.getFileName() + "-out");
        ContentException failed = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class,
                () -> new Baker(BakeOptions.of(site, out).withClock(CLOCK)).bake());
        // one run lists every error check would, rather than the date's alone
        assertEquals(checked, lines(new CheckResult(2, failed.problems())));
        assertFalse(Files.exists(out));
    }

    @Test
    void aCardImageTheSiteWillNotHaveIsAnErrorOnItsLine() throws IOException {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\njournal.image=/images/missing-card.png\n");
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-02-01\ntags: [X]\n---\nText.\n");
        assertEquals(List.of("jbake.properties:2: journal.image /images/missing-card.png not found: the site will have"
                + " no images/missing-card.png (looked for content/images/missing-card.png and"
                + " assets/images/missing-card.png)"), lines(check()));
        write(site, "assets/images/missing-card.png", "png");
        assertEquals(List.of(), lines(check()));
        // a query before a fragment is not part of the file's name
        write(site, "jbake.properties", "site.host=https://journal.example.org/\n"
                + "journal.image=/images/missing-card.png?v=2#card\n");
        assertEquals(List.of(), lines(check()));
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-02-01\ntags: [X]\n"
                + "image: /images/missing-card.png?v=2#card\n---\nText.\n");
        assertEquals(List.of(), lines(check()));
        write(site, "jbake.properties", "site.host=https://journal.example.org/\njournal.image=https://cdn.example.org/x.png\n");
        assertEquals(List.of(), lines(check()));
    }

    @Test
    void twoKeysThatPlacePagesOnOneFileAreAnErrorAtTheLineOfTheOneSet() throws IOException {
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-02-01\ntags: [X]\n---\nText.\n");
        write(site, "jbake.properties", "site.host=https://journal.example.org/\narchive.file=index.html\n");
        assertEquals(List.of("jbake.properties:2: index.file (index.html) and archive.file (index.html) would write pages"
                + " to the same file, index.html; give one of them another value"), lines(check()));
        write(site, "jbake.properties", "site.host=https://journal.example.org/\njournal.author.path=tags/\n"
                + "render.tagsindex=true\n");
        assertEquals(List.of("jbake.properties:2: tag.path (tags) and journal.author.path (tags/) would write pages to"
                + " the same file, tags/index.html; give one of them another value"), lines(check()));
        write(site, "jbake.properties", "site.host=https://journal.example.org/\njournal.search.file=../x.html\n");
        assertEquals(List.of("jbake.properties:2: journal.search.file must be a file name inside the site, such as"
                + " archive.html, not '../x.html': the path has a .. segment"), lines(check()));
    }

    @Test
    void rawHtmlsOtherAddressesAreReadFromThePageAndLeftAsWritten() throws Exception {
        // pages one folder below their content files: raw HTML written for the page's place, as in JBake
        write(site, "jbake.properties", "site.host=https://journal.example.org/\nuri.noExtension=true\n");
        write(site, "content/articles/2024/chart.png", "png");
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-01-02\ntags: [X]\n---\n"
                + "<p><img src=\"../chart.png\" alt=\"A chart\"> <img src=\"/articles/2024/chart.png\" alt=\"\"></p>\n\n"
                + "<p><img src=\"../missing.png\" alt=\"Gone\"> <img src=\"../chart.png\"></p>\n");
        assertEquals(List.of(
                "content/articles/2024/one.md:8: image ../chart.png has no alt attribute: describe it, <img"
                        + " src=\"../chart.png\" alt=\"what the image shows\">, or give alt=\"\" to an image that only"
                        + " decorates",
                "content/articles/2024/one.md:8: image ../missing.png not found: the site will have no"
                        + " articles/2024/missing.png (looked for content/articles/2024/missing.png and"
                        + " assets/articles/2024/missing.png)"), lines(check()));
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-01-02\ntags: [X]\n---\n"
                + "<p><img src=\"../chart.png\" alt=\"A chart\"></p>\n");
        assertEquals(List.of(), lines(check()));
        Path out = site.resolveSibling(site.getFileName() + "-out");
        new Baker(BakeOptions.of(site, out).withClock(CLOCK)).bake();
        assertTrue(Files.readString(out.resolve("articles/2024/one/index.html")).contains(
                "<img src=\"../chart.png\" alt=\"A chart\">"));
    }

    @Test
    void aFileWhoseHeaderHasErrorsHasItsBodysProblemsReportedToo() throws IOException {
        write(site, "content/articles/2024/one.md", "---\ntitle: One\ndate: 2024-13-01\ntags: [X]\n---\n"
                + "See [the missing one](nope.md).\n\n<script>pwn()</script>\n");
        assertEquals(List.of("content/articles/2024/one.md:3: date: '2024-13-01' is not a real date: month 13 does not"
                + " exist (1-12)", "content/articles/2024/one.md:6: link to nope.md, which is not a content file (looked"
                + " for articles/2024/nope.md in the content folder)", "content/articles/2024/one.md:8: warning: raw HTML"
                + " removed from the page: <script> (journal.markdown.html=sanitize keeps safe markup only)"),
                lines(check()));
    }

    @Test
    void theTemplatesReadTheDataFilesInACheckAsInABuild() throws IOException {
        jbakeSite("<#assign team = data.get(\"team.yaml\")><p>${team.title}</p>");
        write(site, "data/team.yaml", "title: The team\n");
        write(site, "content/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\nText.\n");
        CheckResult r = check();
        assertFalse(r.hasErrors(), lines(r)::toString);
        // and so do they in the render that a failing build makes to list the templates' errors too
        write(site, "content/b.md", "title=B\ndate=2024-13-01\ntype=post\nstatus=published\n~~~~~~\nText.\n");
        ContentException failed = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class, () -> new Baker(
                BakeOptions.of(site, site.resolveSibling(site.getFileName() + "-out")).withClock(CLOCK)).bake());
        assertEquals(1, failed.problems().stream().filter(Problem::isError).count(), failed.problems()::toString);
    }

    @Test
    void aSyntaxErrorOnlyARenderFindsIsReportedBesideThoseOfTheTemplates() throws IOException {
        jbakeSite("<#assign broken = \"<#if>\"?interpret><@broken/>");
        write(site, "templates/old.ftl", "<#if x>");
        write(site, "content/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\nText.\n");
        CheckResult r = check();
        assertTrue(r.hasErrors(), lines(r)::toString);
        assertTrue(lines(r).stream().anyMatch(l -> !l.contains(": warning: ") && l.contains("a.html")),
                lines(r)::toString);
    }

    @Test
    void aSiteHostLeftAtJBakesDefaultIsAWarning() throws IOException {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\nauthor: Anna Berg\n", "Text.\n"));
        assertEquals(List.of("jbake.properties: warning: site.host is not set, so the pages' canonical links, the feeds,"
                + " the sitemap and the citations name http://www.jbake.org/, JBake's default; set site.host to the"
                + " journal's address (https://journal.example.org/)"),
                check().problems().stream().map(Problem::toString).toList());
        write(site, "jbake.properties", "site.host=https://journal.example.org/\n");
        assertEquals(List.of(), check().problems());
        // set to JBake's default, or to nothing, as much as left out
        write(site, "jbake.properties", "journal.title=T\nsite.host=http://www.jbake.org/\n");
        assertEquals(List.of("jbake.properties:2: warning: site.host is JBake's default, so the pages' canonical links,"
                + " the feeds, the sitemap and the citations name http://www.jbake.org/, JBake's default; set"
                + " site.host to the journal's address (https://journal.example.org/)"),
                check().problems().stream().map(Problem::toString).toList());
        write(site, "jbake.properties", "site.host=\n");
        assertEquals(List.of("jbake.properties:1: warning: site.host is empty, so the pages' canonical links, the"
                + " feeds, the sitemap and the citations have no address of the journal; set site.host to it"
                + " (https://journal.example.org/)"), check().problems().stream().map(Problem::toString).toList());
        // JBake's layout keeps JBake's default, as JBake does
        jbakeSite("<p>${content.title}</p>");
        assertTrue(check().problems().stream().noneMatch(p -> p.message().startsWith("site.host")));
    }

    /** A site in JBake's layout: its home page, and posts made with {@code postTemplate}. */
    private void jbakeSite(String postTemplate) throws IOException {
        write(site, "jbake.properties", "journal.layout=jbake\nrender.archive=false\nrender.tags=false\n");
        write(site, "templates/index.ftl", "<p>home</p>");
        write(site, "templates/post.ftl", postTemplate);
    }

    private static void assertHas(CheckResult r, String expected) {
        assertTrue(lines(r).stream().anyMatch(l -> l.startsWith(expected)), () -> "no problem starting with '"
                + expected + "' in:\n" + String.join("\n", lines(r)));
    }

    private static String article(String title, String extra, String body) {
        return "---\ntitle: " + title + "\ndate: 2024-05-01\n" + extra + "---\n" + body;
    }

    @Test
    void aCleanSiteHasNoProblems() throws IOException {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n",
                "![A map of the route](map.png)\n\nSee [two](two.md) and [the topic](../../tags/energy.html).\n"));
        Files.write(site.resolve("content/articles/2024/map.png"), new byte[] {1, 2, 3});
        write(site, "content/articles/2024/two.md", article("Two", "tags: [Energy]\n",
                "![The logo](/img/logo.png)\n"));
        write(site, "assets/img/logo.png", "png");
        CheckResult r = check();
        assertEquals(List.of(), lines(r));
        assertEquals(2, r.documents());
        assertFalse(r.hasErrors());
    }

    @Test
    void aConfiguredFolderThatIsMissingIsReportedAtItsKeyByCheckBuildAndPreview() throws Exception {
        write(site, "jbake.properties", "site.host=https://example.org\ncontent.folder=articles\n"
                + "asset.folder=static\n");
        write(site, "content/articles/one.md", article("One", "tags: [Energy]\n", "Text.\n"));
        List<String> expected = List.of("jbake.properties:2: content.folder is 'articles', but the site has no folder"
                + " articles: nothing would be built from it (create the folder or correct the value)",
                "jbake.properties:3: warning: asset.folder is 'static', but the site has no folder static: no assets"
                + " are copied (create the folder or correct the value)");
        assertEquals(expected, lines(check()));
        Path out = site.resolve("out");
        for (BakeOptions options : List.of(BakeOptions.of(site, out).withClock(CLOCK),
                BakeOptions.of(site, out).withClock(CLOCK).withPreview(true))) {
            var builder = dev.journal.core.preview.SiteBuilder.baking(options);
            try {
                ContentException e = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class,
                        () -> builder.build(java.util.Set.of()));
                assertEquals(expected, e.problems().stream().map(Problem::toString).toList());
            } finally {
                builder.close();
            }
        }
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aTemplateFileThatIsNowhereIsAWarningAtItsKey() throws Exception {
        write(site, "jbake.properties", "site.host=https://example.org\ntemplate.post.file=article.ftl\n");
        write(site, "content/articles/one.md", article("One", "tags: [Energy]\n", "Text.\n"));
        assertEquals(List.of("jbake.properties:2: warning: template.post.file is 'article.ftl', which is neither in"
                + " templates/ nor in the built-in theme: its pages are made with the built-in theme's post.ftlh"),
                lines(check()));
    }

    @Test
    void aFolderWithNeitherConfigurationNorContentIsNoJournal() throws Exception {
        write(site, "notes.txt", "not a journal");
        CheckResult r = check();
        assertEquals(List.of(site.toAbsolutePath().normalize() + ": this folder holds neither jbake.properties nor a"
                + " folder content: it is not a journal's folder (give the one holding them)"), lines(r));
        Path out = site.resolve("out");
        ContentException e = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class,
                () -> new Baker(BakeOptions.of(site, out).withClock(CLOCK).withCache(BakeOptions.defaultCache(site))).bake());
        assertEquals(lines(r), e.problems().stream().map(Problem::toString).toList());
        try (Stream<Path> left = Files.list(site)) {
            assertEquals(List.of(site.resolve("notes.txt")), left.toList(), "nothing made there, no output, no cache");
        }
        write(site, "jbake.properties", "site.host=https://example.org\n");
        assertEquals(List.of("content: warning: there is no content folder"), lines(check()),
                "a journal's configuration without articles yet: a warning");
    }

    @Test
    void aSiteWithoutAHomePageIsWarnedAboutByCheckAndBuildUnlessAnAssetIsOne() throws Exception {
        write(site, "jbake.properties", "site.host=https://example.org\n\nrender.index=false\n");
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n", "Text.\n"));
        String warning = "jbake.properties:3: warning: render.index is false and no file of the site is index.html:"
                + " the site has no home page, and the links to its root lead nowhere (set render.index=true, or put"
                + " an index.html in assets)";
        assertEquals(List.of(warning), lines(check()));
        Path out = site.resolve("out");
        BakeResult built = new Baker(BakeOptions.of(site, out).withClock(CLOCK)).bake();
        assertEquals(List.of(warning), built.warnings().stream().map(Problem::toString).toList());
        assertFalse(Files.exists(out.resolve("index.html")));

        write(site, "assets/index.html", "<!doctype html><title>Home</title>");
        assertEquals(List.of(), lines(check()));
        assertEquals(List.of(), new Baker(BakeOptions.of(site, out).withClock(CLOCK)).bake().warnings());
    }

    @Test
    void twoArticlesOnOnePageAreOneErrorNotAClashOfEveryFileTheyMake() throws IOException {
        write(site, "content/articles/2024/s1.md", article("One", "tags: [Energy]\nauthor: Ann Lee\nslug: same\n",
                "Text.\n"));
        write(site, "content/articles/2024/s2.md", article("Two", "tags: [Energy]\nauthor: Ann Lee\nslug: same\n",
                "Text.\n"));
        CheckResult r = check();
        List<String> errors = r.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
        assertEquals(1, errors.size(), String.join("\n", lines(r)));
        assertTrue(errors.get(0).startsWith("content/articles/2024/s2.md:6: this page and content/articles/2024/s1.md"
                + " (line 6) would both be written to articles/2024/same.html"), errors.get(0));
        assertEquals(1, lines(r).stream().filter(l -> l.startsWith("content/articles/2024/s2.md:6:")).count(),
                "the error alone, not also a warning that the two share a slug: " + lines(r));
    }

    @Test
    void linksToArticlesFromTheContentRootAreFollowedAndLinksOutOfTheContentAreErrors() throws Exception {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n",
                "See [two](/articles/2024/two.md#part), [about](/pages/about.md), [gone](/articles/2024/gone.md),"
                        + " [out](../../../outside.md) and [a file](/files/report.pdf).\n"));
        write(site, "content/articles/2024/two.md", article("Two", "tags: [Energy]\n", "## Part\n"));
        write(site, "content/pages/about.md", "---\ntitle: About\ntype: page\n---\nAbout.\n");
        write(site, "outside.md", "not content");
        List<String> errors = check().problems().stream().filter(Problem::isError).map(Problem::toString).toList();
        assertEquals(List.of("content/articles/2024/one.md:6: link to ../../../outside.md, which leads out of the"
                + " content folder: a link reaches another article through its path from this file's folder, or from"
                + " the content folder's root (/articles/...)",
                "content/articles/2024/one.md:6: link to /articles/2024/gone.md, which is not a content"
                + " file (looked for articles/2024/gone.md in the content folder)",
                "content/articles/2024/one.md:6: link to /files/report.pdf: the site will have no files/report.pdf"
                + " (journal.check.links=warning makes this a warning)"), errors);

        Files.delete(site.resolve("content/articles/2024/one.md"));
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n",
                "See [two](/articles/2024/two.md#part), [about](/pages/about.md) and [a file](/files/report.pdf).\n"));
        Path out = site.resolve("out");
        new Baker(BakeOptions.of(site, out).withClock(CLOCK).withThreads(2).withLog(line -> { })).bake();
        String page = Files.readString(out.resolve("articles/2024/one.html"));
        assertTrue(page.contains("href=\"two.html#part\"") && page.contains("href=\"../../pages/about.html\"")
                && page.contains("href=\"/files/report.pdf\""), page);
    }

    @Test
    void aRevisionDatedLaterThanNowIsAWarning() throws IOException {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\nupdated: 2099-01-01\n", "Text.\n"));
        write(site, "content/articles/2024/two.md", article("Two", "tags: [Energy]\nupdated: 2025-05-31\n", "Text.\n"));
        // unpublished: no feed or sitemap gives its dates
        write(site, "content/articles/2024/three.md", article("Three", "tags: [Energy]\nupdated: 2099-01-01\n"
                + "draft: true\n", "Text.\n"));
        CheckResult r = check();
        assertEquals(List.of("content/articles/2024/one.md:5: warning: updated is later than now (2025-06-01): feeds"
                + " and the sitemap give it as the last change as written"), lines(r));
        assertFalse(r.hasErrors());
    }

    @Test
    void anAuthorsPhotoTheSiteWillNotHaveIsAnError() throws IOException {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\nauthors: [Anna Berg, Bo Chen, Cy Dee]\n",
                "Text.\n"));
        // a percent-encoded name is the file's name decoded, as in a link
        write(site, "content/authors/cy-dee.md", "---\ntype: author\nname: Cy Dee\nphoto: my%20face.jpg\n---\nCy.\n");
        write(site, "content/authors/my face.jpg", "jpg");
        write(site, "content/authors/anna-berg.md", "---\ntype: author\nname: Anna Berg\nphoto: anna.jpg\n---\nAnna.\n");
        write(site, "content/authors/bo-chen.md", "---\ntype: author\nname: Bo Chen\nphoto: /images/bo.jpg\n---\nBo.\n");
        write(site, "assets/images/bo.jpg", "jpg");
        assertEquals(List.of("content/authors/anna-berg.md:4: photo anna.jpg not found: the site will have no"
                + " authors/anna.jpg (looked for content/authors/anna.jpg and assets/authors/anna.jpg)"),
                check().problems().stream().filter(Problem::isError).map(Problem::toString).toList());
        write(site, "content/authors/anna.jpg", "jpg");
        assertFalse(check().hasErrors());
    }

    @Test
    void anImageOrPdfOfTheFrontMatterTheSiteWillNotHaveIsAnError() throws IOException {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\nimage: chart.png\n"
                + "pdf: /files/one.pdf\n", "Text.\n"));
        write(site, "content/articles/2024/two.md", article("Two", "tags: [Energy]\nimage: https://example.org/a.png\n"
                + "pdf: two.pdf#page=2\n", "Text.\n"));
        write(site, "content/articles/2024/two.pdf", "%PDF");
        assertEquals(List.of("content/articles/2024/one.md:5: image chart.png not found: the site will have no"
                + " articles/2024/chart.png (looked for content/articles/2024/chart.png and"
                + " assets/articles/2024/chart.png)", "content/articles/2024/one.md:6: pdf /files/one.pdf not found:"
                + " the site will have no files/one.pdf (looked for content/files/one.pdf and assets/files/one.pdf)"),
                lines(check()));
        write(site, "content/articles/2024/chart.png", "png");
        write(site, "assets/files/one.pdf", "%PDF");
        assertEquals(List.of(), lines(check()));
    }

    @Test
    void aLinkToAPlaceNoElementOfThePageIsAtIsAWarning() throws IOException {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n", """
                ## Where the strain shows

                A note.[^1] See [below](#where-the-strain-shows), [the note](#fn-1), [the top](#top),
                [a typo](#where-the-strain-show) and [the other](two.md#caf%C3%A9).

                <div id="chart"></div>

                [the chart](#chart), [nothing](#nothing) and [the other's lost place](two.md#lost).

                [^1]: The note.
                """));
        write(site, "content/articles/2024/two.md", article("Two", "tags: [Energy]\n", "## Café\n\nText.\n"));
        assertEquals(List.of("content/articles/2024/one.md:9: warning: link to #where-the-strain-show: this article"
                + " has no heading or element with the id 'where-the-strain-show', so the link opens at the top of the"
                + " page; did you mean #where-the-strain-shows?",
                "content/articles/2024/one.md:13: warning: link to #nothing: this article has no heading or element"
                + " with the id 'nothing', so the link opens at the top of the page",
                "content/articles/2024/one.md:13: warning: link to two.md#lost: content/articles/2024/two.md has no"
                + " heading or element with the id 'lost', so the link opens at the top of the page"),
                lines(check()));
    }

    @Test
    void aLinkToTheAddressOfADraftsPageIsAnErrorThatSaysSo() throws IOException {
        write(site, "jbake.properties", "uri.noExtension=true\n");
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n",
                "See [the draft](/articles/2024/draft/), [again](../2024/draft/#part) and [a lost page](/nowhere/).\n"));
        write(site, "content/articles/2024/draft.md", article("Draft", "tags: [Energy]\ndraft: true\n", "Text.\n"));
        assertEquals(List.of("content/articles/2024/one.md:6: link to ../2024/draft/#part, the page of"
                + " content/articles/2024/draft.md, which is a draft and has no page in this build; remove the link"
                + " until it is published", "content/articles/2024/one.md:6: link to /articles/2024/draft/, the page of"
                + " content/articles/2024/draft.md, which is a draft and has no page in this build; remove the link"
                + " until it is published", "content/articles/2024/one.md:6: link to /nowhere/: the site will"
                + " have no nowhere/ (journal.check.links=warning makes this a warning)"), lines(check()));
    }

    @Test
    void anArticleWithoutAnAuthorIsAWarning() throws IOException {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\n");
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n", "Text.\n"));
        write(site, "content/articles/2024/two.md", article("Two", "tags: [Energy]\nauthors: []\n", "Text.\n"));
        write(site, "content/articles/2024/three.md", article("Three", "tags: [Energy]\nauthor: Anna Berg\n", "Text.\n"));
        write(site, "content/pages/about.md", "---\ntitle: About\ntype: page\n---\nAbout.\n");
        assertEquals(List.of("content/articles/2024/one.md:1: warning: no author: the article has no byline and is on"
                + " no author's page", "content/articles/2024/two.md:5: warning: no author: the article has no byline"
                + " and is on no author's page"), check().problems().stream().map(Problem::toString).toList());
        // JBake's model has no bylines
        write(site, "jbake.properties", "journal.layout=jbake\n");
        assertTrue(check().problems().stream().noneMatch(p -> p.message().startsWith("no author")));
    }

    @Test
    void aLinkToADraftFromTheContentRootIsAnErrorOnASiteUnderAPath() throws IOException {
        write(site, "jbake.properties", "site.host=https://example.org/journal/\n");
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n",
                "See [the draft](/articles/2024/draft.md).\n"));
        write(site, "content/articles/2024/draft.md", article("Draft", "tags: [Energy]\ndraft: true\n", "Text.\n"));
        assertEquals(List.of("content/articles/2024/one.md:6: link to /articles/2024/draft.md, which is a draft and"
                + " has no page in this build; remove the link until it is published"), lines(check()));
    }

    @Test
    void anAuthorsProfileFieldsAreKnownInProfilesOnly() throws IOException {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\nauthor: Anna Berg\n", "Text.\n"));
        write(site, "content/authors/anna-berg.md", "---\ntype: author\nname: Anna Berg\nrole: Fellow\n"
                + "photo: /img/anna.png\nlinks:\n  Site: https://anna.example/\n---\nAnna writes on energy.\n");
        write(site, "assets/img/anna.png", "png");
        assertEquals(List.of(), lines(check()));

        write(site, "content/authors/anna-berg.md", "---\ntype: author\nname: Anna Berg\nrol: Fellow\n---\nAnna.\n");
        write(site, "content/articles/2024/two.md", article("Two", "tags: [Energy]\nrole: Fellow\n", "Text.\n"));
        CheckResult r = check();
        assertHas(r, "content/authors/anna-berg.md:4: warning: unknown field 'rol' (did you mean role?)");
        assertHas(r, "content/articles/2024/two.md:5: warning: unknown field 'role'; templates may read it");

        write(site, "jbake.properties", "journal.fields=role\n");
        assertTrue(lines(check()).stream().noneMatch(l -> l.contains("'role'")), "declared the site's own");
    }

    @Test
    void reportsEveryKindOfProblemWithFileAndLine() throws IOException {
        write(site, "jbake.properties", "uri.noExtension=true\n");
        write(site, "content/articles/2024/bad.md", article("Bad", "auther: Someone\nsubtitle: More\n",
                """
                First paragraph.

                ![](missing.png)

                ![The logo](logo.png)

                A [draft](draft.md), a [later one](../2025/later.md) and [a tag](../../tags/nope/).
                """));
        write(site, "assets/logo.png", "png");
        write(site, "content/articles/2024/draft.md", article("Draft", "draft: true\ntags: [X]\n", "Draft.\n"));
        write(site, "content/articles/2025/later.md", "---\ntitle: Later\ndate: 2025-12-01\ntags: [X]\n---\nLater.\n");
        write(site, "content/articles/2025/bad.md", article("Same slug", "tags: [X]\n", "Text.\n"));
        write(site, "content/articles/2024/todo.md", "---\ntitle: \"TODO: the title\"\ndate: 2024-01-01\n---\nText.\n");
        write(site, "content/articles/2024/wrong-date.md", "---\ntitle: W\ndate: 2023-02-30\n---\nText.\n");
        write(site, "assets/index.html", "<p>a hand-made home page</p>");
        CheckResult r = check();
        assertHas(r, "content/articles/2024/bad.md:1: warning: no tags");
        assertHas(r, "content/articles/2024/bad.md:4: warning: unknown field 'auther' (did you mean author?)");
        assertHas(r, "content/articles/2024/bad.md:5: warning: unknown field 'subtitle'; templates may read it");
        assertHas(r, "content/articles/2024/bad.md:9: image missing.png has no alt text");
        assertHas(r, "content/articles/2024/bad.md:9: image missing.png not found: the site will have no"
                + " articles/2024/missing.png (looked for content/articles/2024/missing.png and"
                + " assets/articles/2024/missing.png)");
        assertHas(r, "content/articles/2024/bad.md:11: image logo.png not found");
        assertTrue(lines(r).stream().anyMatch(l -> l.contains("write ../../logo.png or /logo.png")), lines(r)::toString);
        // as the build reports them, once each
        assertHas(r, "content/articles/2024/bad.md:13: link to draft.md, which is a draft and has no page in this"
                + " build");
        assertHas(r, "content/articles/2024/bad.md:13: link to ../2025/later.md, which is scheduled for 2025-12-01");
        assertEquals(2, lines(r).stream().filter(l -> l.contains("draft.md") || l.contains("later.md")).count(),
                lines(r)::toString);
        assertHas(r, "content/articles/2024/bad.md:13: link to ../../tags/nope/: the site will have no"
                + " tags/nope/ (journal.check.links=warning makes this a warning)");
        assertHas(r, "content/articles/2025/bad.md:1: warning: the slug 'bad' is also the slug of"
                + " content/articles/2024/bad.md");
        assertHas(r, "content/articles/2024/todo.md:2: title is still a placeholder (TODO: the title)");
        assertHas(r, "content/articles/2024/wrong-date.md:3: date: '2023-02-30' is not a real date");
        assertHas(r, "assets/index.html: assets/index.html and the generated page index.html would both be written to"
                + " index.html");
        assertTrue(r.hasErrors());
        assertEquals(6, r.documents());
        try (Stream<Path> s = Files.list(site)) {
            assertEquals(List.of("assets", "content", "jbake.properties"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "nothing written");
        }
    }

    @Test
    void aLinkToAPathTheSiteWillNotHaveIsAnErrorUnlessTheSiteSaysWarning() throws IOException {
        write(site, "content/articles/2024/a.md", article("A", "tags: [X]\n",
                "See [the missing page](/articles/2024/gone/), [the tag](/tags/x.html) and [the feed](/feed.xml).\n"));
        assertEquals(List.of("content/articles/2024/a.md:6: link to /articles/2024/gone/: the site will have no"
                + " articles/2024/gone/ (journal.check.links=warning makes this a warning)"), lines(check()));
        assertTrue(check().hasErrors());

        write(site, "jbake.properties", "journal.check.links=warning\n");
        assertEquals(List.of("content/articles/2024/a.md:6: warning: link to /articles/2024/gone/: the site will have"
                + " no articles/2024/gone/"), lines(check()));
        assertFalse(check().hasErrors());

        write(site, "jbake.properties", "journal.check.links=fatal\n");
        assertHas(check(), "jbake.properties:1: journal.check.links must be error or warning, not 'fatal'");
    }

    @Test
    void thePreviewWarnsOfWhatCheckWouldReport() throws Exception {
        write(site, "content/articles/2024/a.md", article("A", "tags: [X]\nauthor: Anna Berg\n",
                "![A chart](chart.png) and [the missing page](/articles/2024/gone/).\n"));
        Path out = site.resolveSibling(site.getFileName() + "-preview");
        BakeResult preview = new Baker(BakeOptions.of(site, out).withClock(CLOCK).withPreview(true)).bake();
        assertEquals(List.of("content/articles/2024/a.md:7: warning: image chart.png not found: the site will have no"
                + " articles/2024/chart.png (looked for content/articles/2024/chart.png and"
                + " assets/articles/2024/chart.png) (an error of journal check)",
                "content/articles/2024/a.md:7: warning: link to /articles/2024/gone/: the site will have no"
                + " articles/2024/gone/ (an error of journal check)"),
                preview.warnings().stream().map(Problem::toString).toList());
        // a real build leaves them to check, which fails on them
        BakeResult build = new Baker(BakeOptions.of(site, site.resolveSibling(site.getFileName() + "-out"))
                .withClock(CLOCK)).bake();
        assertEquals(List.of(), build.warnings());
        assertTrue(check().hasErrors());
    }

    @Test
    void withJBakesLayoutALinkToAPathTheSiteWillNotHaveStaysAWarning() throws IOException {
        jbakeSite("<p>${content.title}</p>");
        write(site, "content/a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [X]\nstatus: published\n---\n"
                + "See [the missing page](/gone.html).\n");
        CheckResult r = check();
        assertTrue(lines(r).contains("content/a.md:7: warning: link to /gone.html: the site will have no gone.html"),
                lines(r)::toString);
        assertFalse(r.hasErrors(), lines(r)::toString);
    }

    @Test
    void templateErrorsAreReportedTogetherWithContentErrors() throws IOException {
        write(site, "content/a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [X]\n---\nText.\n");
        write(site, "content/b.md", "---\ntitle: B\ndate: 2024-01-01\ndraft: maybe\n---\nText.\n");
        write(site, "templates/post.ftl", "<p>\n${content.no_such_field}</p>");
        CheckResult r = check();
        assertHas(r, "content/b.md:4: draft must be true or false");
        assertHas(r, "templates/post.ftl:2:");
    }

    @Test
    void aKeyOfTheSitesOwnThatATemplateReadsIsNoUnknownKey() throws IOException {
        // with other problems of the configuration beside them (a JBake key ignored, a value refused)
        write(site, "jbake.properties", "site.title=T\nsite.motto=M\nsite.extra=E\nsite.unused=U\ndb.store=memory\n"
                + "journal.feed.entries=abc\n");
        write(site, "content/a.md", article("A", "author: Ann\ntags: [x]\n", "Text.\n"));
        write(site, "templates/post.ftlh", "<#-- the site's own keys -->${config.site_title} ${config[\"site_motto\"]}"
                + " ${(config['site_extra'])!}");
        CheckResult r = check();
        List<String> config = lines(r).stream().filter(l -> l.startsWith("jbake.properties")).toList();
        assertEquals("jbake.properties:4: warning: unknown key site.unused; no template reads it (templates see"
                + " it as config.site_unused)", config.get(0));
        assertEquals(3, config.size(), config::toString);
        assertTrue(config.get(1).startsWith("jbake.properties:5: warning: "), config::toString);
        assertTrue(config.get(2).startsWith("jbake.properties:6: journal.feed.entries"), config::toString);
    }

    /**
     * A JBake site of one tagged post with the given properties, its tags, archive and tag index
     * templates trivial; a test writes the templates it is about.
     */
    private void taggedJBakeSite(String properties) throws IOException {
        write(site, "jbake.properties", "render.feed=false\nrender.sitemap=false\n" + properties);
        write(site, "content/a.md", "title=A\ndate=2024-01-01\ntype=post\ntags=x\nstatus=published\n~~~~~~\nText.\n");
        write(site, "templates/tags.ftl", "${tag}");
        write(site, "templates/archive.ftl", "x");
        write(site, "templates/tags-index.ftl", "x");
    }

    @Test
    void aTemplateThatCallsItselfWithoutEndIsAnErrorNamingItAndABadEscapeInTheConfigurationToo() throws IOException {
        taggedJBakeSite("site.motto=caf\\u00e9\nsite.bad=\\u12 and more\nsite.long=one \\\n  #\\uZZ two\n");
        write(site, "templates/index.ftl", "${config.site_motto}");
        write(site, "templates/post.ftl", "<#macro r><@r/></#macro><@r/>");
        CheckResult r = check();
        assertHas(r, "jbake.properties:4: \\u must be followed by four hexadecimal digits");
        assertHas(r, "jbake.properties:6: \\u must be followed by four hexadecimal digits"); // a value's second row
        assertHas(r, "templates/post.ftl: the template called itself too deeply to render");
        assertEquals(3, r.problems().stream().filter(Problem::isError).count(), lines(r)::toString);
        // a data file that is there but broken is not "no data file" to the template that reads it
        write(site, "data/team.yaml", "name: [unclosed\n");
        write(site, "templates/post.ftl", "${data.get(\"team.yaml\").name}");
        r = check();
        assertHas(r, "data/team.yaml:");
        assertHas(r, "templates/post.ftl:1: the data file data/team.yaml could not be read (its error is reported at"
                + " the file)");
        // ?eval's own error is said with it, not left behind its markers
        write(site, "templates/post.ftl", "${\"1 +\"?eval}");
        assertHas(check(), "templates/post.ftl:1: Failed to \"?eval\" string with this error: Syntax error in ?eval-ed"
                + " string in line 1, column 5");
    }

    @Test
    void everyTemplatesSyntaxErrorIsOneProblemWithItsLineAndColumnReportedTogether() throws IOException {
        taggedJBakeSite("");
        write(site, "content/b.md", "title=B\ndate=2024-01-01\ntype=page\nstatus=published\n~~~~~~\nText.\n");
        write(site, "templates/index.ftl", "<#include \"header.ftl\">\n<#include \"footer.ftl\">\n");
        write(site, "templates/post.ftl", "<#include \"header.ftl\">${content.title}<#include \"footer.ftl\">");
        write(site, "templates/page.ftl", "<p>\n  <#if content.title??>\n${content.title}\n");
        write(site, "templates/header.ftl", "<header>\n<#list tags as t>${t.name}\n</header>\n");
        write(site, "templates/footer.ftl", "<footer>${content.title</footer>\n");
        CheckResult r = check();
        List<String> errors = r.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
        assertEquals(3, errors.size(), String.join("\n", errors));
        assertHas(r, "templates/footer.ftl:1: syntax error at column 25: Encountered \"/\"");
        assertHas(r, "templates/header.ftl:3: syntax error at column 10: Unexpected end of file reached. You have an unclosed #list.");
        assertHas(r, "templates/page.ftl:3: syntax error at column");
        // a broken template no page uses (an old one left in the folder) is a warning: JBake never reads it
        write(site, "templates/old-post.ftl", "<#if content.title>\n");
        r = check();
        assertEquals(3, r.problems().stream().filter(Problem::isError).count(), lines(r)::toString);
        assertHas(r, "templates/old-post.ftl:1: warning: syntax error");
        assertTrue(lines(r).stream().anyMatch(l -> l.startsWith("templates/old-post.ftl:")
                && l.endsWith("(no page of this build uses the template)")), lines(r)::toString);
        // as is one of pages the site does not make (render.tags=false), but for the pages that use it
        write(site, "templates/tags.ftl", "<#list tags as t>\n");
        assertHas(check(), "templates/tags.ftl:1: syntax error");
        write(site, "jbake.properties", "render.feed=false\nrender.sitemap=false\nrender.tags=false\n");
        assertHas(check(), "templates/tags.ftl:1: warning: syntax error");
    }

    @Test
    void aCheckAfterABuildReadsTheUnchangedArticlesFromItsCacheAndWritesNothingThere() throws Exception {
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\nsubtitle: More\n",
                "See [two](two.md).\n"));
        write(site, "content/articles/2024/two.md", article("Two", "", "Text.\n"));
        write(site, "content/articles/2024/three.md", article("Three", "tags: [Energy]\n", "See [one](one.md).\n"));
        Path cache = BakeOptions.defaultCache(site);
        Checker cached = new Checker(site, CLOCK, 2, cache);
        assertEquals(0, cached.check().cached(), "no build yet: every file parsed, and no cache made");
        assertFalse(Files.exists(site.resolve("target")));
        new Baker(new BakeOptions(site, site.resolve("target/site"), false, CLOCK, 2, line -> { }, cache)).bake();

        // one changed (now linking to a page that does not exist), one removed: the third file's links move too
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\n",
                "See [two](two.md) and [four](four.md).\n"));
        Files.delete(site.resolve("content/articles/2024/two.md"));
        write(site, "content/articles/2024/five.md", article("Five", "tags: [Energy]\n", "Five.\n"));
        Map<String, String> before = TestContent.digests(cache);
        CheckResult withCache = cached.check();
        CheckResult parsed = new Checker(site, CLOCK, 2, null).check();
        assertEquals(lines(parsed), lines(withCache));
        assertHas(withCache, "content/articles/2024/one.md:6: link to four.md");
        assertHas(withCache, "content/articles/2024/one.md:6: link to two.md");
        assertEquals(before, TestContent.digests(cache), "the check changed the build cache");
        assertEquals(3, withCache.documents());
        assertEquals(0, parsed.cached());

        write(site, "content/articles/2024/two.md", article("Two", "", "Text.\n"));
        write(site, "content/articles/2024/one.md", article("One", "tags: [Energy]\nsubtitle: More\n",
                "See [two](two.md).\n"));
        Files.delete(site.resolve("content/articles/2024/five.md"));
        CheckResult asBuilt = cached.check();
        assertEquals(3, asBuilt.cached(), "the sources the build read: every article from the cache");
        assertEquals(lines(new Checker(site, CLOCK, 2, null).check()), lines(asBuilt));
        assertHas(asBuilt, "content/articles/2024/one.md:5: warning: unknown field 'subtitle'");
        assertHas(asBuilt, "content/articles/2024/two.md:1: warning: no tags");
    }

    @Test
    void aBadConfigurationOfWhatReadingTheContentDependsOnStopsTheCheckEarly() throws IOException {
        write(site, "jbake.properties", "content.folder=nowhere\n");
        write(site, "content/a.md", "---\ntitle: A\n---\n");
        CheckResult r = check();
        assertHas(r, "jbake.properties:1: ");
        assertEquals(0, r.documents());
        // a time zone the content's dates are read in, which falls back to UTC, does not
        write(site, "jbake.properties", "journal.timezone=Mars/Olympus\n");
        r = check();
        assertHas(r, "jbake.properties:1: 'Mars/Olympus' is not a time zone");
        assertHas(r, "content/a.md:1: date is missing");
        assertEquals(1, r.documents());
    }
}
