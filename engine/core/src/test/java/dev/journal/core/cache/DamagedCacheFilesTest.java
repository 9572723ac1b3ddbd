package dev.journal.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.journal.core.Problem;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A count in a damaged file of the build cache that claims more entries than the file holds is
 * refused, as the rest of the damage is, before anything of that size is made: the build then
 * does without the file rather than running out of memory.
 */
class DamagedCacheFilesTest {

    @TempDir
    Path dir;

    /** The file with {@code Integer.MAX_VALUE} written over the four bytes at {@code at}. */
    private static void largestCountAt(Path file, int at) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(at, Integer.MAX_VALUE);
        Files.write(file, bytes);
    }

    @Test
    void aStampWhoseWarningsCountIsDamagedIsNotRead() throws Exception {
        Path file = dir.resolve("stamp");
        new BuildStamp("inputs", 1, 2, 3, 4, 5, 6, List.of(Problem.warning("a.md", 1, "a warning"))).write(file);
        assertEquals(1, BuildStamp.read(file).warnings().size());
        ByteReader in = new ByteReader(Files.readAllBytes(file));
        ArticleCodec.readString(in);
        ArticleCodec.readString(in);
        in.readLong();
        in.readLong();
        for (int i = 0; i < 4; i++) {
            in.readInt();
        }
        largestCountAt(file, (int) Files.size(file) - in.remaining()); // the number of warnings
        assertNull(BuildStamp.read(file));
    }
}
