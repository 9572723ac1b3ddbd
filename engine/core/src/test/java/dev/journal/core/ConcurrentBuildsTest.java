package dev.journal.core;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.write.OutputLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds that overlap in time into one output folder take turns: each finds the folder as the
 * other left it, rather than undoing the other's half-moved files as an interrupted build's.
 */
class ConcurrentBuildsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void buildsIntoOneOutputFolderTakeTurnsAndLeaveWhatACleanBuildWrites() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        write(site, "jbake.properties", "site.host=https://journal.example.org/\n");
        for (int i = 0; i < 60; i++) {
            write(site, "content/articles/2024/a" + i + ".md", "---\ntitle: Article " + i + "\ndate: 2024-01-"
                    + String.format("%02d", i % 28 + 1) + "\ntags: [T" + i % 7 + "]\nauthor: Ann Author\n---\n"
                    + "Text of article " + i + " about trade and energy.\n");
        }
        Path out = temp.resolve("out");
        List<String> said = new CopyOnWriteArrayList<>();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<BakeResult>> builds = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                builds.add(two.submit(() -> new Baker(BakeOptions.of(site, out).withClock(CLOCK)
                        .withLog(said::add)).bake()));
                builds.add(two.submit(() -> new Baker(BakeOptions.of(site, out).withClock(CLOCK)
                        .withCache(BakeOptions.defaultCache(site)).withLog(said::add)).bake()));
            }
            for (Future<BakeResult> b : builds) {
                assertTrue(b.get().pages() > 60);
            }
        } finally {
            two.shutdown();
        }
        Path clean = temp.resolve("clean");
        new Baker(BakeOptions.of(site, clean).withClock(CLOCK)).bake();
        assertEquals(TestContent.digests(clean), TestContent.digests(out));
        assertTrue(Files.exists(OutputLock.file(out)), "the lock stays beside the folder");
        try (var siblings = Files.list(temp)) {
            assertEquals(List.of(".clean.journal-lock", ".out.journal-lock", "clean", "out", "site"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList(), "nothing else left beside");
        }
    }
}
