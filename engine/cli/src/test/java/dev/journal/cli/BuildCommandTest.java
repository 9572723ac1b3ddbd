package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

    @TempDir
    Path dir;

    private Path write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void versionAndHelp() {
        CliRunner.Run version = CliRunner.run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("journal 1."), version.out());
        CliRunner.Run help = CliRunner.run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("build"), help.out());
        CliRunner.Run buildHelp = CliRunner.run("build", "--help");
        assertEquals(0, buildHelp.exit());
        assertTrue(buildHelp.out().contains("--source") && buildHelp.out().contains("--output"), buildHelp.out());
    }

    @Test
    void aNumberOptionOutOfRangeIsAUsageErrorNotAStackTrace() throws IOException {
        write("site/content/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n");
        String site = dir.resolve("site").toString();
        for (String[] args : new String[][] {
            {"build", "-s", site, "-o", dir.resolve("out").toString(), "--threads", "0"},
            {"serve", "-s", site, "--port", "99999"},
            {"serve", "-s", site, "--threads", "-1"}}) {
            CliRunner.Run run = CliRunner.run(args);
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().startsWith(args[args.length - 2] + " must be "), run.err());
            assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run.err());
        }
        assertTrue(!Files.exists(dir.resolve("out")) && !Files.exists(dir.resolve("site/target/preview")),
                "nothing built");
    }

    @Test
    void aSourceThatIsNoFolderIsAUsageErrorThatSaysSo() {
        String missing = dir.resolve("no-such-site").toString();
        for (String command : new String[] {"build", "check", "serve", "related"}) {
            CliRunner.Run run = command.equals("related") ? CliRunner.run(command, "-s", missing, "a.md")
                    : CliRunner.run(command, "-s", missing);
            assertEquals(2, run.exit(), command + ": " + run.err());
            assertTrue(run.err().startsWith("--source " + missing + " is not a folder (it does not exist)"),
                    command + ": " + run.err());
        }
        CliRunner.Run run = CliRunner.run("new", "-s", missing, "-t", "A title");
        assertEquals(2, run.exit(), run.err());
        assertTrue(!Files.exists(dir.resolve("no-such-site")), "nothing made");
    }

    @Test
    void aSiteWithNoConfigurationAndNoTemplatesUsesTheDefaults() throws IOException {
        write("site/content/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi *there*.\n");
        Path out = dir.resolve("out");
        CliRunner.Run run = CliRunner.run("build", "--source", dir.resolve("site").toString(), "--output",
                out.toString());
        assertEquals(0, run.exit(), run.err());
        String page = Files.readString(out.resolve("hello.html"));
        assertTrue(page.contains("<em>there</em>"), page);
        assertTrue(page.contains("css/journal.css"), "the built-in theme");
        assertTrue(Files.exists(out.resolve("index.html")));
        assertTrue(Files.exists(out.resolve("css/journal.css")));
        assertTrue(run.out().matches("(?s).*Built \\d+ pages and copied \\d+ files? from 1 document in \\d+ ms\\.\\s*"),
                run.out());
    }

    @Test
    void everyBadFileIsReportedWithItsLineAndNothingIsWritten() throws IOException {
        write("site/content/ok.md", "---\ntitle: Fine\ndate: 2024-01-01\n---\nFine.\n");
        write("site/content/a.md", "---\ntitle: A\ndate: 2023-02-29\n---\n");
        write("site/content/b.md", "---\ntitle: B\ndate: 2024-01-01\ntitle: B again\n---\n");
        write("site/content/c.md", "no front matter\n");
        Path out = dir.resolve("out");
        write("out/index.html", "previous site");
        write("out/.journal-output", "");
        CliRunner.Run run = CliRunner.run("build", "-s", dir.resolve("site").toString(), "-o", out.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("content/a.md:3: date: '2023-02-29' is not a real date"), run.err());
        assertTrue(run.err().contains("content/b.md:4: duplicate field 'title'"), run.err());
        assertTrue(run.err().contains("content/c.md:1: no front matter"), run.err());
        assertTrue(run.err().contains("3 errors"), run.err());
        assertEquals("previous site", Files.readString(out.resolve("index.html")), "the old site is untouched");
    }

    @Test
    void theSitesTemplatesOverrideTheThemeOneByOne() throws IOException {
        write("site/content/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n");
        write("site/templates/post.ftl", "<p>JBake-style: ${content.title} ${content.body}</p>");
        Path out = dir.resolve("out");
        CliRunner.Run run = CliRunner.run("build", "-s", dir.resolve("site").toString(), "-o", out.toString(), "-q");
        assertEquals(0, run.exit(), run.err());
        assertEquals("<p>JBake-style: Hello <p>Hi.</p>\n</p>", Files.readString(out.resolve("hello.html")));
        assertTrue(Files.readString(out.resolve("index.html")).contains("css/journal.css"), "the theme's index");
        assertTrue(run.out().isEmpty(), "quiet: " + run.out());
    }

    @Test
    void aTemplateErrorNamesTheTemplateAndLine() throws IOException {
        write("site/content/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n");
        write("site/templates/post.ftl", "<p>\n${content.no_such_field}</p>");
        CliRunner.Run run = CliRunner.run("build", "-s", dir.resolve("site").toString(), "-o",
                dir.resolve("out").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("templates/post.ftl:2:"), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsReportedInWords() throws IOException {
        write("site/content/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n");
        // a file in the way rather than permissions, which a test run as root would not feel
        write("target", "a file where the output's parent folder should be");
        CliRunner.Run run = CliRunner.run("build", "-s", dir.resolve("site").toString(), "-o",
                dir.resolve("target/site").toString(), "--no-cache");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("Build failed: " + dir.resolve("target")
                + ": a file is in the way, where a folder is needed"), run.err());
        assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run.err());
        // the output named is itself a file: in the way too, and left as it was
        run = CliRunner.run("build", "-s", dir.resolve("site").toString(), "-o", dir.resolve("target").toString());
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("Build failed: " + dir.resolve("target")
                + ": a file is in the way, where a folder is needed"), run.err());
        assertEquals("a file where the output's parent folder should be", Files.readString(dir.resolve("target")));
    }

    @Test
    void refusesToWriteIntoTheContentFolder() throws IOException {
        write("site/content/hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n");
        CliRunner.Run run = CliRunner.run("build", "-s", dir.resolve("site").toString(), "-o",
                dir.resolve("site/content").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("refusing"), run.err());
        assertEquals(1, Files.list(dir.resolve("site/content")).count(), "nothing written into content");
    }
}
