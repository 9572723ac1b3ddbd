package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render record reads back as written, and a damaged one is not read. */
class RenderRecordTest {

    @TempDir
    Path dir;

    @Test
    void aRecordReadsBackAndOneClaimingMoreNamesThanItHoldsIsNotRead() throws Exception {
        Path file = dir.resolve("render");
        RenderRecord.Entry page = new RenderRecord.Entry(42, List.of("tags", "site"), List.of("a/b.html", "a/index.html"), 7, 9);
        new RenderRecord("key", Map.of("a/index.html", page)).write(file);
        RenderRecord read = RenderRecord.read(file);
        assertEquals("key", read.key());
        assertEquals(Map.of("a/index.html", page), read.entries());

        byte[] bytes = Files.readAllBytes(file);
        int at;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.readUTF(); // the format
            in.readUTF(); // the key
            at = bytes.length - in.available();
        }
        ByteBuffer.wrap(bytes).putInt(at, Integer.MAX_VALUE); // the number of names
        Files.write(file, bytes);
        assertNull(RenderRecord.read(file));
    }
}
