package dev.journal.core.cache;

import dev.journal.core.Problem;
import dev.journal.core.internal.FileVersion;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a successful build of one output folder saw and made, so that the next build can tell in a
 * few milliseconds that nothing changed: a digest of its inputs (engine, configuration, options, and
 * the name, size and time of every source file), until when that result holds (the date of the next
 * scheduled article), and what to report again.
 *
 * @param inputs     digest of everything the build read
 * @param readFrom   when the build began reading its sources, in nanoseconds since the epoch: a file
 *                   time not well before it may hide a second save (see the load stage's stamps)
 * @param validUntil epoch milliseconds at which a scheduled article becomes due; {@code Long.MAX_VALUE} for never
 * @param documents  documents parsed
 * @param published  documents in the site
 * @param pages      generated files
 * @param copied     files copied as they are
 * @param warnings   the build's warnings, reported again
 */
public record BuildStamp(String inputs, long readFrom, long validUntil, int documents, int published, int pages,
        int copied, List<Problem> warnings) {

    private static final String FORMAT = "journal-stamp 3";

    public static BuildStamp read(Path file) {
        try {
            ByteReader in = new ByteReader(Files.readAllBytes(file));
            if (!FORMAT.equals(ArticleCodec.readString(in))) {
                return null;
            }
            String inputs = ArticleCodec.readString(in);
            long readFrom = in.readLong();
            long validUntil = in.readLong();
            int documents = in.readInt();
            int published = in.readInt();
            int pages = in.readInt();
            int copied = in.readInt();
            int n = in.bounded(in.readInt(), 7); // a path, a line, a kind and a message
            List<Problem> warnings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                warnings.add(ArticleCodec.readProblem(in));
            }
            return new BuildStamp(inputs, readFrom, validUntil, documents, published, pages, copied,
                    List.copyOf(warnings));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileVersion.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            ArticleCodec.writeString(out, FORMAT);
            ArticleCodec.writeString(out, inputs);
            out.writeLong(readFrom);
            out.writeLong(validUntil);
            out.writeInt(documents);
            out.writeInt(published);
            out.writeInt(pages);
            out.writeInt(copied);
            out.writeInt(warnings.size());
            for (Problem p : warnings) {
                ArticleCodec.writeProblem(out, p);
            }
        });
    }

    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
