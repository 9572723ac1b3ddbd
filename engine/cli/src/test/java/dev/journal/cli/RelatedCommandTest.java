package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedCommandTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void explainsTheSampleJournalsRecommendationsSignalBySignal() {
        String file = SampleJournalTest.ROOT.resolve("content/articles/2024/pyongyang-treaty-northeast-asia.md")
                .toString();
        CliRunner.Run run = CliRunner.run("related", file, "--source", SampleJournalTest.ROOT.toString());
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("total") && out.contains("text") && out.contains("tags") && out.contains("authors")
                && out.contains("fresh"), out);
        String[] lines = out.lines().filter(l -> l.matches(" ?\\d+ .*")).toArray(String[]::new);
        assertEquals(4, lines.length, out);
        assertTrue(lines[0].endsWith("content/articles/2025/russia-north-korea-treaty-one-year.md"), out);
        assertTrue(out.contains("tags: North Korea"), "shared tags, rarest first: " + out);
        assertTrue(out.contains("terms: ") && out.contains("korea"), "shared words: " + out);
    }

    @Test
    void pinsAreMarkedAndBadPathsAndHiddenBlocksAreSaid() throws IOException {
        write("site/content/a.md", "---\ntitle: Arctic ice\ndate: 2024-01-01\ntags: [Arctic]\nrelated: [c]\n---\n"
                + "Icebreakers and ice.\n");
        write("site/content/b.md", "---\ntitle: More Arctic ice\ndate: 2024-02-01\ntags: [Arctic]\n---\n"
                + "Icebreakers and more ice.\n");
        write("site/content/c.md", "---\ntitle: Tariffs\ndate: 2024-03-01\nrelated: false\n---\nCustoms.\n");
        String site = dir.resolve("site").toString();
        CliRunner.Run a = CliRunner.run("related", dir.resolve("site/content/a.md").toString(), "--source", site);
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.out().contains(" 1  pinned") && a.out().contains("content/c.md"), a.out());
        assertTrue(a.out().contains("content/b.md"), a.out());

        CliRunner.Run c = CliRunner.run("related", dir.resolve("site/content/c.md").toString(), "--source", site);
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("related: false"), c.out());

        CliRunner.Run missing = CliRunner.run("related", dir.resolve("site/content/nope.md").toString(), "--source",
                site);
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("content/nope.md: not an article"), missing.err());

        write("site/content/d.md", "---\ntitle: D\ndate: 2024-03-01\nrelated: [nowhere]\n---\nD.\n");
        CliRunner.Run bad = CliRunner.run("related", dir.resolve("site/content/a.md").toString(), "--source", site);
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("content/d.md:4: related: no article has the slug 'nowhere'"), bad.err());
    }
}
