package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build whose JVM runs out of memory says so in a sentence, with the heap it had and how to give
 * it more, exits with its own code, and leaves the previous site as it was: no stack trace, and
 * nothing half written.
 */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aBuildOutOfMemorySaysSoAndLeavesThePreviousSite() throws Exception {
        Path site = dir.resolve("site");
        Path out = dir.resolve("out");
        Files.writeString(Files.createDirectories(site.resolve("content/articles")).resolve("first.md"),
                "---\ntitle: First\ndate: 2024-01-01\ntags: [One]\n---\nThe first.\n");
        CliRunner.Run first = CliRunner.run("build", "-s", site.toString(), "-o", out.toString(), "-q", "--no-cache");
        assertEquals(0, first.exit(), first.err());
        TreeMap<String, String> previous = JournalProcess.digests(out);

        // far more text than a heap of 32 MB holds once parsed: 600 articles of 40 KB, each word its own
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            body.setLength(0);
            for (int w = 0; w < 5000; w++) {
                body.append("w").append(i).append('x').append(w).append(w % 12 == 11 ? ".\n\n" : " ");
            }
            Files.writeString(site.resolve("content/articles/a" + i + ".md"), "---\ntitle: A" + i
                    + "\ndate: 2024-02-01\ntags: [T" + (i % 40) + "]\n---\n" + body, StandardCharsets.UTF_8);
        }
        Path log = dir.resolve("log.txt");
        // the heap is this test's: options from the environment would set another
        Process p = JournalProcess.start(List.of("-Xmx32m"), Map.of("_JAVA_OPTIONS", "", "JAVA_TOOL_OPTIONS", ""),
                log, "build", "-s", site.toString(), "-o", out.toString(), "-q", "--no-cache");
        String said;
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build did not end");
            said = Files.readString(log);
        } finally {
            p.destroyForcibly();
        }
        assertEquals(Main.OUT_OF_MEMORY, p.exitValue(), said);
        assertTrue(said.contains("Out of memory: this Java runtime may use at most "), said);
        assertTrue(said.contains("JOURNAL_JAVA_OPTS=-Xmx2g"), said);
        assertFalse(said.contains("\tat "), "a stack trace:\n" + said);
        assertEquals(previous, JournalProcess.digests(out), "the previous site changed");
    }

    @Test
    void theMessageSuggestsTwiceTheHeapAtLeast() {
        assertTrue(Main.outOfMemoryMessage(512L << 20).contains("at most 512 MB"));
        assertTrue(Main.outOfMemoryMessage(512L << 20).contains("-Xmx2g"));
        assertTrue(Main.outOfMemoryMessage(6L << 30).contains("at most 6,144 MB"));
        assertTrue(Main.outOfMemoryMessage(6L << 30).contains("-Xmx13g"));
    }
}
