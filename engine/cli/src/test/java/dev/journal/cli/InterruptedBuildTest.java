package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed (SIGKILL, no chance to clean up) while it writes leaves the previous site byte
 * for byte, and the next build finishes the job. The site is given enough files that the write
 * stage lasts long enough to be caught in the act: the test waits for the staging folder to appear
 * and kills the JVM at once. The killed build runs without the build cache, so that it writes the
 * whole site and swaps it in; a rebuild that moves a few files into place instead is rolled back by
 * the next build (IncrementalWriteTest in the core).
 */
class InterruptedBuildTest {

    private static final int ASSETS = 2000;

    @TempDir
    Path dir;

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("out")).sorted().toList();
        }
    }

    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBuildKilledWhileWritingLeavesThePreviousSite() throws Exception {
        Path site = dir.resolve("site");
        Path out = dir.resolve("out");
        Files.createDirectories(site.resolve("content/articles"));
        Files.createDirectories(site.resolve("assets/data"));
        byte[] block = "0123456789abcdef".repeat(256).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < ASSETS; i++) {
            Files.write(site.resolve("assets/data/file-" + i + ".txt"), block);
        }
        Files.writeString(site.resolve("content/articles/one.md"), "---\ntitle: One\ndate: 2024-01-01\n---\nFirst.\n");
        CliRunner.Run first = CliRunner.run("build", "-s", site.toString(), "-o", out.toString(), "-q");
        assertEquals(0, first.exit(), first.err());
        TreeMap<String, String> previous = JournalProcess.digests(out);

        Files.writeString(site.resolve("content/articles/two.md"), "---\ntitle: Two\ndate: 2024-01-02\n---\nNew.\n");
        boolean caught = false;
        for (int attempt = 0; attempt < 3 && !caught; attempt++) {
            Process p = JournalProcess.start(List.of(), Map.of(), dir.resolve("log.txt"), "build", "-s",
                    site.toString(), "-o", out.toString(), "--threads", "1", "-q", "--no-cache");
            while (p.isAlive() && siblings().stream().noneMatch(n -> n.startsWith("out.staging-"))) {
                Thread.sleep(1);
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor(60, TimeUnit.SECONDS);
            caught = siblings().stream().anyMatch(n -> n.startsWith("out.staging-"));
            if (!caught) {
                // the build won the race and finished; start again from the previous site
                assertNotEquals(previous, JournalProcess.digests(out));
                Files.delete(site.resolve("content/articles/two.md"));
                assertEquals(0, CliRunner.run("build", "-s", site.toString(), "-o", out.toString(), "-q").exit());
                previous = JournalProcess.digests(out);
                Files.writeString(site.resolve("content/articles/two.md"),
                        "---\ntitle: Two\ndate: 2024-01-02\n---\nNew.\n");
            }
        }
        assertTrue(caught, "the build was never caught while writing");
        assertEquals(previous, JournalProcess.digests(out), "the killed build changed the previous site");
        assertFalse(Files.exists(out.resolve("articles/two.html")));

        CliRunner.Run next = CliRunner.run("build", "-s", site.toString(), "-o", out.toString(), "-q");
        assertEquals(0, next.exit(), next.err());
        assertEquals(List.of("out"), siblings(), "the next build removed what the killed one left");
        assertTrue(Files.isRegularFile(out.resolve("articles/two.html")));
        assertEquals(ASSETS, JournalProcess.digests(out).keySet().stream().filter(f -> f.startsWith("data/")).count());
    }
}
