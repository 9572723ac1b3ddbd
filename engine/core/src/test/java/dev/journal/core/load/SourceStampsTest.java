package dev.journal.core.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.journal.core.config.SiteConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A content file is left unread only when its size and settled time say it is what a build digested. */
class SourceStampsTest {

    @TempDir
    Path site;

    private static final long NOW = nanos(Instant.parse("2026-01-01T12:00:00Z"));
    private static final long LONG_AGO = nanos(Instant.parse("2025-06-01T00:00:00Z"));

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private Sources load(SourceStamps known) throws Exception {
        return new ContentLoader(site, SiteConfig.defaults()).load(known);
    }

    private Path write(String name, String text, long modified) throws Exception {
        Path f = site.resolve("content").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(modified, TimeUnit.NANOSECONDS));
        return f;
    }

    private static SourceStamps stamps(Sources sources, Map<String, String> digests, long readFrom) {
        return SourceStamps.of(sources.documents(), digests, readFrom);
    }

    @Test
    void anUnchangedFileIsLeftUnreadWithItsDigest() throws Exception {
        write("a.md", "---\ntitle: A\n---\nA.\n", LONG_AGO);
        write("b.md", "---\ntitle: B\n---\nB.\n", LONG_AGO);
        Sources first = load(SourceStamps.NONE);
        SourceStamps known = stamps(first, Map.of("content/a.md", "digest-a", "content/b.md", "digest-b"), NOW);
        assertEquals(2, known.size());

        write("b.md", "---\ntitle: B, longer\n---\nB.\n", LONG_AGO); // saved again: another size
        Sources second = load(known);
        SourceFile a = second.documents().get(0);
        assertNull(a.bytes(), "unchanged: not read");
        assertEquals("digest-a", a.origin().digest());
        assertArrayEquals(Files.readAllBytes(site.resolve("content/a.md")), a.read().bytes(), "read when asked");
        SourceFile b = second.documents().get(1);
        assertNull(b.bytes(), "changed: read by the parse, not the loader");
        assertNull(b.origin().digest(), "changed: its digest unknown until read");
        assertNotNull(b.read().bytes());
    }

    @Test
    void aTimeTooCloseToTheBuildIsNotTrusted() throws Exception {
        // saved within a coarse clock's tick of the build that read it, then saved again with the
        // same size: only the time's distance from that build tells
        long recent = NOW - dev.journal.core.internal.FileVersion.SETTLED_NANOS / 2;
        write("a.md", "---\ntitle: A\n---\nAAA\n", recent);
        SourceStamps known = stamps(load(SourceStamps.NONE), Map.of("content/a.md", "digest-a"), NOW);
        write("a.md", "---\ntitle: A\n---\nBBB\n", recent);
        SourceFile a = load(known).documents().get(0);
        assertNull(a.origin().digest(), "not known as unchanged");
        assertEquals("---\ntitle: A\n---\nBBB\n", new String(a.read().bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aFileReplacedByAnotherWithTheSameSizeAndTimeIsRead() throws Exception {
        write("a.md", "---\ntitle: A\n---\nAAA\n", LONG_AGO);
        SourceStamps known = stamps(load(SourceStamps.NONE), Map.of("content/a.md", "digest-a"), NOW);
        // as an editor saves: a new file renamed over the old one, here with the old one's size and time
        Path fresh = write("a.md.new", "---\ntitle: A\n---\nBBB\n", LONG_AGO);
        Files.move(fresh, site.resolve("content/a.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SourceFile a = load(known).documents().get(0);
        assertNull(a.origin().digest(), "not known as unchanged");
        assertEquals("---\ntitle: A\n---\nBBB\n", new String(a.read().bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anotherTimeOrAFileWithoutADigestIsRead() throws Exception {
        write("a.md", "---\ntitle: A\n---\nA.\n", LONG_AGO);
        write("b.md", "---\ntitle: B\n---\nB.\n", LONG_AGO);
        SourceStamps known = stamps(load(SourceStamps.NONE), Map.of("content/a.md", "digest-a"), NOW);
        write("a.md", "---\ntitle: A\n---\nA.\n", LONG_AGO + 1_000);
        for (SourceFile f : load(known).documents()) {
            assertNull(f.origin().digest(), f.path());
        }
    }

    @Test
    void stampsSurviveTheirFileAndADamagedFileIsNone() throws Exception {
        write("a.md", "---\ntitle: A\n---\nA.\n", LONG_AGO);
        Path file = site.resolve("stamps");
        stamps(load(SourceStamps.NONE), Map.of("content/a.md", "digest-a"), NOW).write(file, site);
        SourceStamps back = SourceStamps.read(file, site);
        assertEquals("digest-a", load(back).documents().get(0).origin().digest());
        assertEquals(0, SourceStamps.read(file, site.resolve("other-site")).size(), "another site's stamps");

        Files.write(file, List.of("garbage"));
        assertEquals(0, SourceStamps.read(file, site).size());
        assertEquals(0, SourceStamps.read(site.resolve("none"), site).size());
    }
}
