package dev.journal.core.write;

import dev.journal.core.internal.Checksummed;
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
     * One file as written. For a copied file, which is compared by its source's size and time, the
     * digest says when the build that copied it began reading its sources ({@code read-at}), and the
     * time of the source when that got another time with the same bytes ({@code source-time}): see SiteWriter.
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

    /** The first line of a manifest in this format. */
    private static final String HEADER = "journal-manifest 2";

    /**
     * The manifest in {@code file}; empty (every file compared again, the site written whole) when
     * there is none, or it is of another format, cut short or damaged: it ends with the CRC-32C of
     * all before it ({@link Checksummed}), so that a manifest missing some lines never leaves the
     * files they name in the site.
     */
    static Manifest read(Path file) throws IOException {
        byte[] all;
        try {
            all = Checksummed.read(file);
        } catch (NoSuchFileException e) {
            return empty();
        }
        if (all == null) {
            return empty();
        }
        String text = new String(all, 0, all.length - Checksummed.TRAILER, StandardCharsets.UTF_8);
        Map<String, Entry> entries = new HashMap<>();
        int at = text.indexOf('\n');
        if (at < 0 || !text.substring(0, at).equals(HEADER)) {
            return empty();
        }
        try {
            for (int next; at + 1 < text.length(); at = next) {
                next = text.indexOf('\n', at + 1);
                if (next < 0) {
                    return empty();
                }
                String[] f = text.substring(at + 1, next).split("\t", 4);
                if (f.length != 4) {
                    return empty();
                }
                entries.put(f[3], new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]));
            }
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
        return Checksummed.write(file, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write(HEADER + "\n");
            for (var e : entries.entrySet()) { // in the map's order: read back into a map, not compared
                Entry v = e.getValue();
                out.write(v.size() + "\t" + v.modified() + "\t" + v.digest() + "\t" + e.getKey() + "\n");
            }
            out.flush();
        });
    }
}
