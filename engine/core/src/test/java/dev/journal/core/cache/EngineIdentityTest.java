package dev.journal.core.cache;

import dev.journal.core.internal.Digests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's identity when it runs from a jar: a digest of the jar's directory of entries. */
class EngineIdentityTest {

    @TempDir
    Path dir;

    private Path jar(String name, Map<String, String> entries, long time, String comment) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(time);
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            if (comment != null) {
                zip.setComment(comment);
            }
        }
        return jar;
    }

    @Test
    void theSameEntriesGiveTheSameDigestAndAnyChangeAnother() throws IOException {
        Map<String, String> code = Map.of("a/A.class", "alpha", "b/B.class", "beta", "META-INF/MANIFEST.MF", "m");
        String digest = EngineIdentity.ofJar(jar("one.jar", code, 1_000_000L, null));
        assertEquals(digest, EngineIdentity.ofJar(jar("two.jar", code, 1_000_000L, null)), "the same jar made again");
        assertNotEquals(digest, EngineIdentity.ofJar(jar("changed.jar",
                Map.of("a/A.class", "alphb", "b/B.class", "beta", "META-INF/MANIFEST.MF", "m"), 1_000_000L, null)),
                "one entry's bytes changed, its length not");
        assertNotEquals(digest, EngineIdentity.ofJar(jar("added.jar",
                Map.of("a/A.class", "alpha", "b/B.class", "beta", "META-INF/MANIFEST.MF", "m", "c/C.class", ""),
                1_000_000L, null)), "an entry added");
        assertNotEquals(digest, EngineIdentity.ofJar(jar("renamed.jar",
                Map.of("a/A.class", "alpha", "b/C.class", "beta", "META-INF/MANIFEST.MF", "m"), 1_000_000L, null)),
                "an entry renamed");
        String commented = EngineIdentity.ofJar(jar("comment.jar", code, 1_000_000L, "a comment at the end"));
        assertNotEquals(digest, commented, "the jar's length differs");
    }

    @Test
    void aFileThatIsNoZipIsDigestedWhole() throws Exception {
        Path file = dir.resolve("not.jar");
        Files.writeString(file, "not a zip at all");
        assertEquals(Digests.sha256(Files.readAllBytes(file)), EngineIdentity.ofJar(file));
        Files.write(file, new byte[0]);
        assertEquals(Digests.sha256(new byte[0]), EngineIdentity.ofJar(file));
    }
}
