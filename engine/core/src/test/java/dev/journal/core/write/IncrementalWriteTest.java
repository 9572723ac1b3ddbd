package dev.journal.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilds that change a few files: only those are written; the others keep their times. */
class IncrementalWriteTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_500_000_000_000L);

    @TempDir
    Path dir;
    Path out;
    Path manifest;

    @BeforeEach
    void firstBuild() throws IOException {
        out = dir.resolve("site");
        manifest = dir.resolve("cache/out.manifest");
        List<OutputFile> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(page("p" + i + "/index.html", "page " + i));
        }
        files.add(page("gone/deep/x.html", "to be deleted"));
        SiteWriter.Outcome o = new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        assertTrue(o.swapped());
        // age every file, so that a rewrite is visible in its modification time
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, LONG_AGO);
            }
        }
        // the manifest records times; make it agree with the aged files
        new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
    }

    private static OutputFile page(String path, String text) {
        return OutputFile.generated(path, text.getBytes(StandardCharsets.UTF_8), path);
    }

    /** The transaction folder of an update cut short, with its two flat folders, empty. */
    private Path interruptedUpdate() throws IOException {
        Path txn = dir.resolve("site.txn");
        Files.createDirectories(txn.resolve("old"));
        Files.createDirectories(txn.resolve("new"));
        return txn;
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(out.relativize(p).toString(), Files.readString(p) + " @" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    private List<OutputFile> site(String changedIndex, String text) {
        List<OutputFile> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String path = "p" + i + "/index.html";
            files.add(path.equals(changedIndex) ? page(path, text) : page(path, "page " + i));
        }
        return files;
    }

    @Test
    void onlyChangedFilesAreWrittenAndRemovedOnesDeleted() throws IOException {
        Map<String, String> before = snapshot();
        List<OutputFile> files = site("p3/index.html", "page 3, edited");
        files.add(page("new/index.html", "new page"));
        SiteWriter.Outcome o = new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        assertFalse(o.swapped());
        assertEquals(2, o.written());
        assertEquals(1, o.deleted());
        assertEquals(19, o.kept());
        Map<String, String> after = snapshot();
        for (int i = 0; i < 20; i++) {
            String p = "p" + i + "/index.html";
            if (i != 3) {
                assertEquals(before.get(p), after.get(p), "untouched: " + p);
            }
        }
        assertTrue(after.get("p3/index.html").startsWith("page 3, edited @"));
        assertFalse(after.get("p3/index.html").endsWith("@" + LONG_AGO.toMillis()));
        assertTrue(Files.exists(out.resolve("new/index.html")));
        assertFalse(Files.exists(out.resolve("gone")), "emptied folders are removed");
        assertFalse(Files.exists(dir.resolve("site.txn")));
    }

    @Test
    void keptFilesNeedNoBytes() throws IOException {
        List<OutputFile> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(OutputFile.kept("p" + i + "/index.html", "kept"));
        }
        files.add(OutputFile.kept("gone/deep/x.html", "kept"));
        Map<String, String> before = snapshot();
        SiteWriter.Outcome o = new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        assertEquals(0, o.written());
        assertEquals(before, snapshot());
    }

    @Test
    void aFileChangedByHandIsWrittenAgain() throws IOException {
        Files.writeString(out.resolve("p5/index.html"), "vandalised");
        SiteWriter writer = new SiteWriter(out, manifest);
        assertFalse(writer.intact().containsKey("p5/index.html"));
        List<OutputFile> files = site("", "");
        files.add(page("gone/deep/x.html", "to be deleted"));
        writer.write(files, ForkJoinPool.commonPool());
        assertEquals("page 5", Files.readString(out.resolve("p5/index.html")));
        assertThrows(IllegalStateException.class, () -> {
            Files.writeString(out.resolve("p6/index.html"), "vandalised");
            new SiteWriter(out, manifest).write(List.of(OutputFile.kept("p6/index.html", "kept")),
                    ForkJoinPool.commonPool());
        }, "a kept file that is not intact is a bug in the caller");
    }

    @Test
    void anUpdateKilledHalfWayIsRolledBackByTheNextBuild() throws IOException {
        Map<String, String> before = snapshot();
        // what a build killed after moving one of two files into place leaves behind
        // (staged files and those set aside are named by number, in two flat folders)
        Path txn = interruptedUpdate();
        Files.move(out.resolve("p1/index.html"), txn.resolve("old/1"));
        Files.writeString(out.resolve("p1/index.html"), "half-applied new content");
        Files.writeString(txn.resolve("new/3"), "not yet moved");
        Files.createDirectories(out.resolve("added"));
        Files.writeString(out.resolve("added/index.html"), "created by the killed build");
        Files.writeString(txn.resolve("journal"), "W\t1\tp1/index.html\nW\t2\tadded/index.html\nW\t3\tp2/index.html\n");
        SiteWriter writer = new SiteWriter(out, manifest);
        writer.intact();
        assertEquals(before, snapshot(), "the previous site exactly as it was");
        assertFalse(Files.exists(txn));
    }

    @Test
    void aMoveThatFailsHalfWayIsRolledBackAtOnce() throws IOException {
        // a file put into the site by hand where the new site needs a folder: the update meets it
        // after p0 is already in place and gone/deep/x.html not yet deleted
        Files.writeString(out.resolve("q"), "put here by hand");
        Map<String, String> before = snapshot();
        List<OutputFile> files = site("p0/index.html", "page 0, edited");
        files.add(page("q/index.html", "new page"));
        SiteWriter writer = new SiteWriter(out, manifest);
        IOException e = assertThrows(IOException.class, () -> writer.write(files, ForkJoinPool.commonPool()));
        assertTrue(e.getMessage().startsWith("could not update q/index.html in ")
                && e.getMessage().contains("q is in the way")
                && e.getMessage().endsWith("the output folder is back as the previous build left it"), e.getMessage());
        assertEquals(before, snapshot(), "the previous site exactly as it was");
        assertFalse(Files.exists(dir.resolve("site.txn")), "rolled back: nothing left for the next build");
        Files.delete(out.resolve("q"));
        SiteWriter.Outcome o = new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        assertEquals(2, o.written(), "the manifest still that of the previous site: p0 and q written");
        assertEquals(1, o.deleted());
        assertEquals("page 0, edited", Files.readString(out.resolve("p0/index.html")));
    }

    @Test
    void aFolderOfTheOutputLinkedElsewhereIsNeverWrittenThrough() throws IOException {
        // p3 and gone/deep moved out of the site by hand, with links left in their place
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(out.resolve("p3"), elsewhere.resolve("p3"));
        Files.createSymbolicLink(out.resolve("p3"), elsewhere.resolve("p3"));
        Files.move(out.resolve("gone/deep"), elsewhere.resolve("deep"));
        Files.createSymbolicLink(out.resolve("gone/deep"), elsewhere.resolve("deep"));
        Map<String, String> before = snapshot();
        String outside = Files.readString(elsewhere.resolve("p3/index.html"));
        SiteWriter.UnsafePathException e = assertThrows(SiteWriter.UnsafePathException.class, () -> new SiteWriter(
                out, manifest).write(site("p3/index.html", "page 3, edited"), ForkJoinPool.commonPool()));
        assertTrue(e.getMessage().startsWith("p3 in the output folder"), e.getMessage());
        // p3 as it was (kept, not written), but gone/deep/x.html to be deleted through its link
        e = assertThrows(SiteWriter.UnsafePathException.class, () -> new SiteWriter(out, manifest).write(
                site("none", ""), ForkJoinPool.commonPool()));
        assertTrue(e.getMessage().startsWith("gone/deep in the output folder"), e.getMessage());
        assertEquals(outside, Files.readString(elsewhere.resolve("p3/index.html")), "nothing written outside");
        assertTrue(Files.exists(elsewhere.resolve("deep/x.html")), "nothing deleted outside");
        assertEquals(before, snapshot());
        assertFalse(Files.exists(dir.resolve("site.txn")));
    }

    @Test
    void aManifestCutShortOrDamagedMakesTheNextBuildWriteTheWholeSite() throws IOException {
        // cut to half: the lines naming gone/deep/x.html may be among those lost, and the file
        // must not outlive the build that drops it
        byte[] whole = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(whole, whole.length / 2));
        SiteWriter.Outcome o = new SiteWriter(out, manifest).write(site("none", ""), ForkJoinPool.commonPool());
        assertTrue(o.swapped(), "a manifest that fails its checksum is not used");
        assertFalse(Files.exists(out.resolve("gone/deep/x.html")));
        // bytes that are no UTF-8, and a NUL in a path: neither stops the build
        byte[] damaged = Files.readAllBytes(manifest);
        damaged[damaged.length / 2] = 0;
        Files.write(manifest, java.util.Arrays.copyOf(damaged, damaged.length + 1));
        Files.write(manifest, new byte[] {(byte) 0xff}, java.nio.file.StandardOpenOption.APPEND);
        o = new SiteWriter(out, manifest).write(site("p1/index.html", "edited"), ForkJoinPool.commonPool());
        assertTrue(o.swapped());
        assertEquals("edited", Files.readString(out.resolve("p1/index.html")));
        o = new SiteWriter(out, manifest).write(site("p1/index.html", "edited"), ForkJoinPool.commonPool());
        assertEquals(0, o.written(), "the manifest written by that build is used again");
    }

    @Test
    void aJournalCutShortOrDamagedStillLetsTheNextBuildRecover() throws IOException {
        Map<String, String> before = snapshot();
        Path txn = interruptedUpdate();
        // killed while writing the journal: it never got its name, and nothing moved
        Files.writeString(txn.resolve("new/0"), "staged");
        Files.write(txn.resolve("journal.part"), "W\t0\tp1/index.html\nW\t1\tp\u00e9".getBytes(StandardCharsets.UTF_8));
        new SiteWriter(out, manifest).intact();
        assertEquals(before, snapshot());
        assertFalse(Files.exists(txn));
        // a journal damaged on disk (a byte sequence that is no UTF-8): its good lines still roll back
        Files.createDirectories(txn.resolve("old"));
        Files.move(out.resolve("p1/index.html"), txn.resolve("old/0"));
        Files.writeString(out.resolve("p1/index.html"), "half-applied");
        byte[] good = "W\t0\tp1/index.html\nW\t1\tp".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = java.util.Arrays.copyOf(good, good.length + 2);
        damaged[good.length] = (byte) 0xC3;
        damaged[good.length + 1] = '\n';
        Files.write(txn.resolve("journal"), damaged);
        new SiteWriter(out, manifest).intact();
        assertEquals(before, snapshot());
        assertFalse(Files.exists(txn));
    }

    @Test
    void aRebuildThatMakesAFileOfAFolderFailsBeforeTheOutputMoves() throws IOException {
        Map<String, String> before = snapshot();
        List<OutputFile> files = site("p3/index.html", "page 3, edited");
        files.add(page("P2", "a file where the folder p2 is"));
        assertThrows(SiteWriter.UnsafePathException.class,
                () -> new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool()));
        assertEquals(before, snapshot(), "the previous site exactly as it was");
        assertThrows(SiteWriter.UnsafePathException.class,
                () -> new SiteWriter(dir.resolve("fresh")).write(files, ForkJoinPool.commonPool()),
                "a whole site written afresh is refused alike");
        assertFalse(Files.exists(dir.resolve("fresh")));
    }

    @Test
    void aDeletionKilledHalfWayIsRolledBackAndAForgedJournalLineIgnored() throws IOException {
        Map<String, String> before = snapshot();
        Path txn = interruptedUpdate();
        Files.move(out.resolve("gone/deep/x.html"), txn.resolve("old/d0"));
        Files.delete(out.resolve("gone/deep"));
        Files.delete(out.resolve("gone"));
        Files.writeString(dir.resolve("outside.txt"), "not the site's");
        Files.writeString(txn.resolve("old/d1"), "would land outside");
        Files.writeString(txn.resolve("journal"), "D\td0\tgone/deep/x.html\nD\td1\t../outside.txt\n"
                + "D\t../../escape\tp4/index.html\n");
        assertThrows(SiteWriter.UnsafePathException.class, () -> new SiteWriter(out, manifest).intact(),
                "a journal line naming a path outside the site stops the recovery");
        assertEquals("not the site's", Files.readString(dir.resolve("outside.txt")));
        Files.writeString(txn.resolve("journal"), "D\td0\tgone/deep/x.html\nD\t../../escape\tp4/index.html\n");
        new SiteWriter(out, manifest).intact();
        assertEquals(before, snapshot(), "the deleted file back, and p4 untouched");
        assertFalse(Files.exists(txn));
    }

    @Test
    void aWriterThatWritesAgainNoticesAnotherWriterBetween() throws IOException {
        SiteWriter lasting = new SiteWriter(out, manifest);
        lasting.write(site("p1/index.html", "first edit"), ForkJoinPool.commonPool());
        // another process writes the folder in between: p2 edited, p1 back as it was
        new SiteWriter(out, manifest).write(site("p2/index.html", "other edit"), ForkJoinPool.commonPool());
        SiteWriter.Outcome o = lasting.write(site("p2/index.html", "other edit"), ForkJoinPool.commonPool());
        assertEquals(0, o.written(), "the lasting writer read the other's manifest: nothing is new to it");
        assertEquals("other edit", Files.readString(out.resolve("p2/index.html")));
        assertEquals("page 1", Files.readString(out.resolve("p1/index.html")));
        o = lasting.write(site("p4/index.html", "its own edit"), ForkJoinPool.commonPool());
        assertEquals(2, o.written(), "p2 back, p4 edited");
    }

    @Test
    void aCopiedFileSavedAgainWithTheSameBytesKeepsItsCopyAndTime() throws IOException {
        Path asset = dir.resolve("assets/style.css");
        Files.createDirectories(asset.getParent());
        Files.writeString(asset, "body { margin: 0 }\n");
        Files.setLastModifiedTime(asset, LONG_AGO);
        List<OutputFile> files = new ArrayList<>(site("", ""));
        files.add(OutputFile.copied("css/style.css", asset, "assets/style.css"));
        new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        Path copy = out.resolve("css/style.css");
        assertEquals(LONG_AGO, Files.getLastModifiedTime(copy), "a copy keeps its source's time");

        // saved again unchanged: another time, the same bytes
        Files.writeString(asset, "body { margin: 0 }\n");
        Files.setLastModifiedTime(asset, FileTime.fromMillis(LONG_AGO.toMillis() + 60_000));
        SiteWriter.Outcome o = new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        assertEquals(0, o.written(), "nothing was written");
        assertEquals(LONG_AGO, Files.getLastModifiedTime(copy));
        // the next build finds the source as the manifest now knows it, and leaves the copy alone again
        o = new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        assertEquals(0, o.written());

        // other bytes of the same size: copied again, with the source's time
        Files.writeString(asset, "body { margin: 1 }\n");
        FileTime later = FileTime.fromMillis(LONG_AGO.toMillis() + 120_000);
        Files.setLastModifiedTime(asset, later);
        o = new SiteWriter(out, manifest).write(files, ForkJoinPool.commonPool());
        assertEquals(1, o.written());
        assertEquals("body { margin: 1 }\n", Files.readString(copy));
        assertEquals(later, Files.getLastModifiedTime(copy));
    }
}
