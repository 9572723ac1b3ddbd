package dev.journal.core.render;

import dev.journal.core.internal.FileCounts;
import dev.journal.core.internal.FileVersion;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each page of the previous build was made from: the digest of its own model and of the
 * shared values its template read (with every document's view counted by its card), the names of
 * those values, and the documents whose text the page showed (their text counts too). A page whose
 * inputs digest the same again, whose file is intact, is not rendered again. Only valid for the same engine,
 * configuration and templates ({@code key}).
 *
 * @param key     digest of the engine, the configuration and the templates
 * @param entries per output path
 */
public record RenderRecord(String key, Map<String, Entry> entries) {

    private static final String FORMAT = "journal-render 4";

    /**
     * One page: the digest of its inputs, the shared values its template read, and the keys of the
     * views whose tracked fields it read ({@link TrackedView}: documents' output paths for their
     * text, tags' and authors' keys for their counts); for a document's
     * page also the digest of what its model is made from ({@code made}, else
     * {@link PageRenderer#NOTHING_KNOWN}) and the card digest of the model ({@code own}), so that the
     * next build can tell the page unchanged without making the model again.
     */
    public record Entry(long fingerprint, List<String> read, List<String> text, long made, long own) {
    }

    public static RenderRecord empty(String key) {
        return new RenderRecord(key, Map.of());
    }

    public static RenderRecord read(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            DataInputStream in = new DataInputStream(dev.journal.core.internal.PlainStreams.of(all, 0, all.length));
            long size = all.length;
            if (!FORMAT.equals(in.readUTF())) {
                return null;
            }
            String key = in.readUTF();
            int nameCount = FileCounts.within(in.readInt(), size, 2);
            String[] names = new String[nameCount];
            for (int i = 0; i < nameCount; i++) {
                names[i] = in.readUTF();
            }
            int n = FileCounts.within(in.readInt(), size, 32);
            Map<String, Entry> entries = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                long fp = in.readLong();
                int k = in.readShort();
                List<String> read = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    read.add(names[in.readShort()]);
                }
                long made = in.readLong();
                long own = in.readLong();
                int t = FileCounts.within(in.readInt(), size, 2);
                List<String> text = new ArrayList<>(t);
                for (int j = 0; j < t; j++) {
                    String p = in.readUTF();
                    text.add(p.isEmpty() ? path : p); // the page's own document, written short
                }
                entries.put(path, new Entry(fp, List.copyOf(read), List.copyOf(text), made, own));
            }
            return new RenderRecord(key, entries);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Writes the record to {@code file}, replacing it whole; returns the file's version as written
     * ({@link dev.journal.core.internal.FileVersion}), taken before it was moved into place.
     */
    public Object write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Integer> numbers = new TreeMap<>();
        for (Entry e : entries.values()) {
            e.read().forEach(name -> numbers.putIfAbsent(name, 0));
        }
        List<String> names = new ArrayList<>(numbers.keySet());
        for (int i = 0; i < names.size(); i++) {
            numbers.put(names.get(i), i);
        }
        return FileVersion.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(FORMAT);
            out.writeUTF(key);
            out.writeInt(names.size());
            for (String name : names) {
                out.writeUTF(name);
            }
            out.writeInt(entries.size());
            for (var e : entries.entrySet()) { // in the map's order: read back into a map, not compared
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().fingerprint());
                out.writeShort(e.getValue().read().size());
                for (String name : e.getValue().read()) {
                    out.writeShort(numbers.get(name));
                }
                out.writeLong(e.getValue().made());
                out.writeLong(e.getValue().own());
                out.writeInt(e.getValue().text().size());
                for (String p : e.getValue().text()) {
                    out.writeUTF(p.equals(e.getKey()) ? "" : p);
                }
            }
        });
    }
}
