package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authors' commands end to end: new, check, import, and serve's refusal of a taken port. */
class AuthoringCommandsTest {

    static final Path SEED = Path.of("../core/src/test/resources/legacy/000_fa3c26d2fc650530.txt");

    @TempDir
    Path dir;

    private Path write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** A copy of the sample journal's configuration and content, to change freely. */
    private Path journal() throws IOException {
        Path site = dir.resolve("journal");
        Files.createDirectories(site);
        Files.copy(SampleJournalTest.ROOT.resolve("jbake.properties"), site.resolve("jbake.properties"));
        try (Stream<Path> files = Files.walk(SampleJournalTest.ROOT.resolve("content"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = site.resolve(SampleJournalTest.ROOT.relativize(f));
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        return site;
    }

    @Test
    void helpListsEveryCommand() {
        CliRunner.Run help = CliRunner.run("--help");
        for (String command : List.of("build", "serve", "new", "check", "import")) {
            assertTrue(help.out().contains(command), help.out());
            CliRunner.Run one = CliRunner.run(command, "--help");
            assertEquals(0, one.exit(), command);
            assertTrue(one.out().contains("--source"), command + ": " + one.out());
        }
    }

    @Test
    void newWritesADraftThatBuildsAndPrintsItsPath() throws IOException {
        write("site/content/pages/about.md", "---\ntitle: About\n---\nAbout.\n");
        Path site = dir.resolve("site");
        CliRunner.Run run = CliRunner.run("new", "--source", site.toString(), "--title", "Ice: the \"New\" Frontier",
                "--author", "Anna Lindqvist", "--author", "Daniel Okafor", "--tags", "Arctic,Security");
        assertEquals(0, run.exit(), run.err());
        Path file = Path.of(run.out().strip());
        assertTrue(file.toString().replace('\\', '/').matches(".*content/articles/\\d{4}/ice-the-new-frontier\\.md"),
                file.toString());
        String text = Files.readString(file);
        assertTrue(text.contains("authors: [\"Anna Lindqvist\", \"Daniel Okafor\"]\n"), text);
        assertTrue(text.contains("draft: true\n"), text);
        CliRunner.Run again = CliRunner.run("new", "-s", site.toString(), "-t", "Ice: the New Frontier");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().strip().endsWith("ice-the-new-frontier-2.md"), again.out());
        assertTrue(again.err().contains("ice-the-new-frontier.md is taken"), again.err());
        assertEquals(text, Files.readString(file), "the first file is untouched");
        CliRunner.Run check = CliRunner.run("check", "-s", site.toString());
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("ice-the-new-frontier-2.md:5: warning: no tags"), check.out());
        CliRunner.Run build = CliRunner.run("build", "-s", site.toString(), "-o", dir.resolve("out").toString(), "-q");
        assertEquals(0, build.exit(), build.err());
        assertFalse(Files.exists(dir.resolve("out/articles")), "a draft is not published");
    }

    @Test
    void newSplitsAuthorsAtCommasAsTheMavenGoalDoes() throws IOException {
        CliRunner.Run run = CliRunner.run("new", "--source", dir.toString(), "--title", "Two hands",
                "--author", "Anna Lindqvist, Daniel Okafor");
        assertEquals(0, run.exit(), run.err());
        String text = Files.readString(Path.of(run.out().strip()));
        assertTrue(text.contains("authors: [\"Anna Lindqvist\", \"Daniel Okafor\"]\n"), text);
    }

    @Test
    void aQuoteInANameIsPartOfItWithoutAWarning() throws IOException {
        CliRunner.Run run = CliRunner.run("new", "--source", dir.toString(), "--title", "Quoted",
                "--author", "Seán O\"Brien, Ann Smith", "--tags", "a\"b, c");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("WARN"), run.err());
        String text = Files.readString(Path.of(run.out().strip()));
        assertTrue(text.contains("Seán O") && text.contains("Brien") && text.contains("Ann Smith"), text);
        assertTrue(text.matches("(?s).*tags: \\[\"a\\\\\"b\", \"?c\"?\\].*"), text);
    }

    @Test
    void newRefusesATitleWithoutLetters() {
        CliRunner.Run run = CliRunner.run("new", "--source", dir.toString(), "--title", "???");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no letter or digit"), run.err());
        CliRunner.Run missing = CliRunner.run("new", "--source", dir.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--title"), missing.err());
    }

    @Test
    void checkPrintsEveryProblemWithItsLineAndWritesNothing() throws IOException {
        write("site/content/articles/2024/a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [X]\nsubtitle: S\n---\n"
                + "![](missing.png)\n\nSee [b](b.md).\n");
        write("site/content/articles/2024/c.md", "---\ntitle: C\ndate: 2024-13-01\n---\nText.\n");
        Path site = dir.resolve("site");
        CliRunner.Run run = CliRunner.run("check", "--source", site.toString());
        assertEquals(1, run.exit());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of(
                "content/articles/2024/a.md:1: warning: no author: the article has no byline and is on no author's"
                        + " page",
                "content/articles/2024/a.md:5: warning: unknown field 'subtitle'; templates may read it as"
                        + " content.subtitle, the engine gives it no meaning (name the site's own fields in"
                        + " journal.fields)",
                "content/articles/2024/a.md:7: image missing.png has no alt text: describe it between the brackets,"
                        + " ![what the image shows](missing.png)",
                "content/articles/2024/a.md:7: image missing.png not found: the site will have no"
                        + " articles/2024/missing.png (looked for content/articles/2024/missing.png and"
                        + " assets/articles/2024/missing.png)",
                "content/articles/2024/a.md:9: link to b.md, which is not a content file (looked for"
                        + " articles/2024/b.md in the content folder)",
                "content/articles/2024/c.md:3: date: '2024-13-01' is not a real date: month 13 does not exist (1-12)",
                "jbake.properties: warning: site.host is not set, so the pages' canonical links, the feeds, the"
                        + " sitemap and the citations name http://www.jbake.org/, JBake's default; set site.host to"
                        + " the journal's address (https://journal.example.org/)",
                "Checked 2 documents: 4 errors, 3 warnings."), lines);
        try (Stream<Path> s = Files.list(site)) {
            assertEquals(List.of("content"), s.map(p -> p.getFileName().toString()).toList(), "nothing written");
        }
    }

    @Test
    void theSampleJournalPassesTheCheckWithoutAWarning() {
        CliRunner.Run run = CliRunner.run("check", "--source", SampleJournalTest.ROOT.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("no errors, no warnings"), run.out());
    }

    @Test
    void importingTheSeedWithoutOptionsLeavesPlaceholdersThatCheckAndBuildRefuse() throws IOException {
        Path site = journal();
        CliRunner.Run run = CliRunner.run("import", "--source", site.toString(), SEED.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("by Irina Khalturina; 3 headings, 17 paragraphs; RECOMMEND marker dropped"),
                run.out());
        assertTrue(run.out().contains("fill in before it can be built: title, date, tags"), run.out());
        assertTrue(run.out().contains("suggested tags: "), run.out());
        String suggested = run.out().lines().filter(l -> l.contains("suggested tags: ")).findFirst().orElseThrow();
        for (String tag : List.of("North Korea", "Vietnam", "Russia")) {
            assertTrue(suggested.contains(tag), suggested);
        }
        CliRunner.Run check = CliRunner.run("check", "--source", site.toString());
        assertEquals(1, check.exit());
        assertTrue(check.out().contains("000-fa3c26d2fc650530.md:2: title is still a placeholder"), check.out());
        assertTrue(check.out().contains("000-fa3c26d2fc650530.md:4: date is still a placeholder"), check.out());
        assertTrue(check.out().contains("000-fa3c26d2fc650530.md:5: tags is still a placeholder"), check.out());
        CliRunner.Run build = CliRunner.run("build", "--source", site.toString(), "--output",
                dir.resolve("out").toString());
        assertEquals(1, build.exit());
        assertTrue(build.err().contains("title is still a placeholder"), build.err());
    }

    @Test
    void importingTheSeedWithOptionsMakesAnArticleThatBuilds() throws IOException {
        Path site = journal();
        Files.delete(site.resolve("content/articles/2024/russia-north-korea-vietnam.md"));
        CliRunner.Run run = CliRunner.run("import", "-s", site.toString(), "--title", "Pyongyang and Hanoi",
                "--date", "2024-06-28", "--tags", "Russia,North Korea,Vietnam", SEED.toString());
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.out().contains("fill in"), run.out());
        String suggested = run.out().lines().filter(l -> l.contains("suggested tags: ")).findFirst().orElseThrow();
        for (String tag : List.of("Russia", "North Korea", "Vietnam")) {
            assertTrue(suggested.contains(tag), "by similarity to the other articles: " + suggested);
        }
        Path out = dir.resolve("out");
        CliRunner.Run build = CliRunner.run("build", "-s", site.toString(), "-o", out.toString(), "-q");
        assertEquals(0, build.exit(), build.err());
        Document page = Jsoup.parse(out.resolve("articles/2024/pyongyang-and-hanoi/index.html").toFile(), "UTF-8");
        assertEquals(List.of("Alliance or Pact?", "Strategic Partners", "Food for Thought"),
                page.select(".article-body h2").eachText());
        assertEquals(17, page.select(".article-body > p").size(), page.select(".article-body").html());
        assertTrue(page.select(".byline").text().contains("Irina Khalturina"));
        assertFalse(page.text().contains("RECOMMEND"));
        CliRunner.Run check = CliRunner.run("check", "-s", site.toString());
        assertEquals(0, check.exit(), check.out());
    }

    @Test
    void importRefusesAmbiguousOptionsAndReportsEachFile() throws IOException {
        Path site = write("site/content/pages/about.md", "---\ntitle: About\n---\nAbout.\n").getParent().getParent()
                .getParent();
        CliRunner.Run twoTitles = CliRunner.run("import", "-s", site.toString(), "--title", "T", SEED.toString(),
                SEED.toString());
        assertEquals(2, twoTitles.exit());
        assertTrue(twoTitles.err().contains("--title names one article"), twoTitles.err());
        CliRunner.Run badDate = CliRunner.run("import", "-s", site.toString(), "--date", "28/06/2024", SEED.toString());
        assertEquals(2, badDate.exit());
        assertTrue(badDate.err().contains("write it year first, 2024-06-28"), badDate.err());
        Path empty = write("empty.txt", "Author: Nobody\n");
        CliRunner.Run mixed = CliRunner.run("import", "-s", site.toString(), "--date", "2024-06-28", "--tags", "X",
                SEED.toString(), empty.toString(), dir.resolve("missing.txt").toString());
        assertEquals(1, mixed.exit());
        assertTrue(mixed.out().contains("-> "), mixed.out());
        assertTrue(mixed.err().contains("empty.txt: not imported: no text found"), mixed.err());
        assertTrue(mixed.err().contains("missing.txt: not imported"), mixed.err());
    }

    @Test
    void serveSaysClearlyWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            write("site/content/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n");
            CliRunner.Run run = CliRunner.run("serve", "--source", dir.resolve("site").toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(3, run.exit());
            assertTrue(run.err().contains("Cannot serve: port " + taken.getLocalPort() + " on 127.0.0.1 is taken"),
                    run.err());
            assertTrue(run.err().contains("--port"), run.err());
        }
    }

    /** Markdown the renderer refuses (HTML nested past the sanitiser's limit) is an error on one line, not a stack trace. */
    @Test
    void markdownThatCannotBeRenderedIsOneErrorLine() {
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("<div>".repeat(400).getBytes(StandardCharsets.UTF_8)));
            CliRunner.Run r = CliRunner.run("markdown");
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().startsWith("error: the Markdown cannot be rendered: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        } finally {
            System.setIn(in);
        }
    }
}
