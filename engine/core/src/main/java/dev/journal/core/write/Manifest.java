package dev.journal.core.write;

import dev.journal.core.internal.FileVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What the previous build wrote into an output folder: per file its size, modification time and
 * content digest. Lets the next build leave unchanged files alone (they keep their modification
 * times) and notice files changed by hand (their size or time no longer match).
 */
final class Manifest {

    /**
     * One file as written. The digest is empty for copied files, which are compared by size and time
     * (or says the time of the source, when that got another time with the same bytes: see SiteWriter).
     */
    record Entry(long size, long modified, String digest) {
    }

    private final Map<String, Entry> entries;

    /** A manifest of these entries, which the caller hands over (no copy is made). */
    Manifest(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    static Manifest empty() {
        return new Manifest(Map.of());
    }

    Map<String, Entry> entries() {
        return entries;
    }

    static Manifest read(Path file) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!"journal-manifest 1".equals(header)) {
                return empty();
            }
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", 4);
                if (f.length != 4) {
                    return empty();
                }
                entries.put(f[3], new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]));
            }
        } catch (NoSuchFileException e) {
            return empty();
        } catch (NumberFormatException e) {
            return empty();
        }
        return new Manifest(entries);
    }

    /**
     * Writes the manifest next to its final place, then moves it there in one step; returns the
     * file's version as written, taken before the move (which keeps it).
     */
    Object write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return FileVersion.write(file, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write("journal-manifest 1\n");
            for (var e : entries.entrySet()) { // in the map's order: read back into a map, not compared
                Entry v = e.getValue();
                out.write(v.size() + "\t" + v.modified() + "\t" + v.digest() + "\t" + e.getKey() + "\n");
            }
            out.flush();
        });
    }
}
