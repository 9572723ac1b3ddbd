package dev.journal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A long stage says how far it got while it runs, and nothing once it is over. */
class ProgressTest {

    @Test
    void saysHowFarTheStageGotUntilItEnds() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Progress p = new Progress("parse", 10, "documents", lines::add, 20)) {
            p.step();
            p.step();
            p.step();
            // a line every 20 ms: one comes after the three steps, however late this thread ran them
            long until = System.currentTimeMillis() + 5_000;
            while (lines.stream().noneMatch(l -> l.contains(" 3 of 10")) && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
        }
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("parse +\\.\\.\\. +3 of 10 documents \\(30%\\) after \\d+ s"), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.matches("parse +\\.\\.\\. +[0-3] of 10 documents .*")), lines.toString());
        int said = lines.size();
        Thread.sleep(100);
        assertEquals(said, lines.size(), "nothing after the stage ended");
    }

    @Test
    void countsAloneWhenTheTotalIsNotKnown() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Progress p = new Progress("render", -1, "files", lines::add, 20)) {
            for (int i = 0; i < 12_345; i++) {
                p.step();
            }
            long until = System.currentTimeMillis() + 5_000;
            while (lines.isEmpty() && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
        }
        assertTrue(lines.get(0).matches("render +\\.\\.\\. +12,345 files after \\d+ s"), lines.get(0));
    }

    @Test
    void aQuickBuildSaysOnlyItsStages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
        java.nio.file.Path site = temp.resolve("site");
        TestContent.write(site, "content/articles/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n");
        List<String> lines = new CopyOnWriteArrayList<>();
        new Baker(BakeOptions.of(site, site.resolveSibling(site.getFileName() + "-out")).withLog(lines::add)).bake();
        assertTrue(lines.stream().noneMatch(l -> l.contains("...")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("parse ")), lines.toString());
    }
}
