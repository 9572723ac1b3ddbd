package dev.journal.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteWriterTest {

    @TempDir
    Path dir;

    private static OutputFile page(String path, String text) {
        return OutputFile.generated(path, text.getBytes(StandardCharsets.UTF_8), "test " + path);
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheWholeSite() throws IOException {
        Path out = dir.resolve("site");
        new SiteWriter(out).write(List.of(page("index.html", "1"), page("old/gone.html", "x")), ForkJoinPool.commonPool());
        new SiteWriter(out).write(List.of(page("index.html", "2"), page("a/b/c.html", "c")), ForkJoinPool.commonPool());
        assertEquals(List.of(SiteWriter.MARKER, "a/b/c.html", "index.html"), files(out));
        assertEquals("2", Files.readString(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString()).toList(),
                    "no staging or previous folder is left behind");
        }
    }

    @Test
    void theSiteFolderIsReadableAsAnyFolderItHolds() throws IOException {
        // a web server running as another user must be able to enter the site's folder itself, which
        // the writer makes beside the output and moves into place
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path out = dir.resolve("site");
        new SiteWriter(out).write(List.of(page("index.html", "1"), page("a/b.html", "b")), ForkJoinPool.commonPool());
        assertEquals(Files.getPosixFilePermissions(out.resolve("a")), Files.getPosixFilePermissions(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.html", "a/../../evil.html", "/etc/passwd", "a//b.html", "a\\b.html",
            "./x.html", "a/", "", "bad\u0000name.html", "C:/x.html"})
    void refusesPathsThatLeaveTheOutputFolder(String path) throws IOException {
        Path out = dir.resolve("site");
        new SiteWriter(out).write(List.of(page("index.html", "previous")), ForkJoinPool.commonPool());
        assertThrows(SiteWriter.UnsafePathException.class,
                () -> new SiteWriter(out).write(List.of(page("ok.html", "x"), page(path, "x")), ForkJoinPool.commonPool()));
        assertEquals("previous", Files.readString(out.resolve("index.html")), "the previous site is intact");
        assertFalse(Files.exists(dir.resolve("evil.html")));
    }

    @Test
    void twoFilesOnOnePathAreRefused() throws IOException {
        Path out = dir.resolve("site");
        var e = assertThrows(SiteWriter.UnsafePathException.class, () -> new SiteWriter(out).write(
                List.of(page("x/index.html", "a"), page("X/index.html", "b")), ForkJoinPool.commonPool()));
        assertTrue(e.getMessage().contains("both write"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFailedWriteLeavesThePreviousSite() throws IOException {
        Path out = dir.resolve("site");
        new SiteWriter(out).write(List.of(page("index.html", "previous")), ForkJoinPool.commonPool());
        OutputFile missing = OutputFile.copied("copy.bin", dir.resolve("does-not-exist"), "a missing file");
        assertThrows(IOException.class, () -> new SiteWriter(out).write(List.of(page("index.html", "new"), missing),
                ForkJoinPool.commonPool()));
        assertEquals("previous", Files.readString(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(1, siblings.count(), "the staging folder is removed");
        }
    }

    @Test
    void aSwapCutShortIsRepairedByTheNextBuild() throws IOException {
        Path out = dir.resolve("site");
        new SiteWriter(out).write(List.of(page("index.html", "previous")), ForkJoinPool.commonPool());
        // a build killed between its two renames: the old site moved aside, the new one not yet in place
        Files.move(out, dir.resolve("site.previous-123"));
        Files.createDirectories(dir.resolve("site.staging-456"));
        new SiteWriter(out).write(List.of(page("index.html", "next")), ForkJoinPool.commonPool());
        assertEquals("next", Files.readString(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void copiesFilesWithTheirModificationTime() throws IOException {
        Path src = Files.writeString(dir.resolve("pic.png"), "png");
        Files.setLastModifiedTime(src, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        Path out = dir.resolve("site");
        new SiteWriter(out).write(List.of(OutputFile.copied("img/pic.png", src, "pic")), ForkJoinPool.commonPool());
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(out.resolve("img/pic.png")).toMillis());
    }

    @Test
    void restorePutsBackASiteLeftAsideByAKilledBuild() throws IOException {
        Path out = dir.resolve("site[1]");
        new SiteWriter(out).write(List.of(page("index.html", "previous")), ForkJoinPool.commonPool());
        Files.move(out, dir.resolve("site[1].previous-123"));
        new SiteWriter(out).restore();
        assertEquals("previous", Files.readString(out.resolve("index.html")), "a name with glob characters");
        new SiteWriter(out).restore();
        assertEquals(List.of(SiteWriter.MARKER, "index.html"), files(out), "nothing to do the second time");
    }

    @Test
    void anUnsafePathNamesWhereItComesFrom() {
        var e = assertThrows(SiteWriter.UnsafePathException.class, () -> new SiteWriter(dir.resolve("site"))
                .write(List.of(OutputFile.generated("a\u001Bb.html", new byte[0], "content/a.md")),
                        ForkJoinPool.commonPool()));
        assertEquals("content/a.md cannot be written as a\u001Bb.html: the path holds the control character U+001B",
                e.getMessage());
    }
}
