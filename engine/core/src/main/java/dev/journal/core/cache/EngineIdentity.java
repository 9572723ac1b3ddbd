package dev.journal.core.cache;

import dev.journal.core.internal.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of the engine's own code (its jar, or its classes folder in development), so that a
 * build cache made by another build of the engine is never trusted, whatever its version says.
 */
public final class EngineIdentity {

    private static String digest;

    private EngineIdentity() {
    }

    public static synchronized String digest() {
        if (digest == null) {
            digest = compute();
        }
        return digest;
    }

    /**
     * A jar's digest: of its central directory, which names every entry with the CRC-32 and sizes
     * of its bytes, and of the jar's length. Every build, a rebuild with nothing to do included,
     * needs this; digesting the whole jar (4.6 MB) took 130-150 ms of such a build with the quick
     * compiler, its directory a few milliseconds. A file that is not a plain zip (no end record
     * found, or a ZIP64 one) is digested whole.
     */
    static String ofJar(Path jar) throws IOException {
        MessageDigest md = Digests.sha256();
        try (FileChannel in = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = in.size();
            int tail = (int) Math.min(size, END_RECORD + 0xFFFF); // the end record and the longest comment
            ByteBuffer end = ByteBuffer.wrap(ByteReader.read(in, size - tail, tail, SHORTER)).order(ByteOrder.LITTLE_ENDIAN);
            for (int at = tail - END_RECORD; at >= 0; at--) {
                if (end.getInt(at) != END_SIGNATURE) {
                    continue;
                }
                long length = end.getInt(at + 12) & 0xFFFFFFFFL;
                long offset = end.getInt(at + 16) & 0xFFFFFFFFL;
                if (offset == 0xFFFFFFFFL || length == 0xFFFFFFFFL || offset + length > size - tail + at
                        || length > Integer.MAX_VALUE) {
                    break; // ZIP64, or not where the record says: the whole file
                }
                md.update(("jar " + size + "\n").getBytes(StandardCharsets.US_ASCII));
                md.update(ByteReader.read(in, offset, (int) length, SHORTER));
                return HexFormat.of().formatHex(md.digest());
            }
        }
        return Digests.sha256(Files.readAllBytes(jar));
    }

    /** The size of a zip's end-of-central-directory record without its comment, and its signature. */
    private static final int END_RECORD = 22;
    private static final int END_SIGNATURE = 0x06054b50;

    private static final String SHORTER = "a jar shorter than its size";

    private static String compute() {
        try {
            MessageDigest md = Digests.sha256();
            Path code = Path.of(EngineIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(code)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            } else {
                return ofJar(code);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
