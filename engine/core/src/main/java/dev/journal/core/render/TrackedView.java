package dev.journal.core.render;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A view as templates see it (an unmodifiable map) that notes when a page being rendered reads one
 * of its tracked fields, which many pages that show the view do not read:
 * <ul>
 * <li>a document's view tracks what only its text decides (body, word count, reading time,
 * headings, and JBake's {@code sha1}, the digest of its file, which every edit changes). Most pages that show a document (lists, related blocks, neighbours' links) show only
 * its card (title, authors, date, summary, tags) and need not be made again when only its text
 * changes;</li>
 * <li>a tag's or author's link, as documents' views list them, tracks its count of articles, which
 * every new article of the tag changes and most pages that show the link do not print.</li>
 * </ul>
 * A page's card digest leaves tracked fields out; the render record lists the views whose tracked
 * fields the page read, which count in full (see {@link PageRenderer}).
 */
final class TrackedView extends AbstractMap<String, Object> {

    /** The fields of a document's view that its text decides. */
    static final Set<String> TEXT_FIELDS = Set.of("body", "words", "reading_minutes", "headings", "sha1");
    /** The field of a tag's or author's link that its articles decide. */
    static final Set<String> COUNT_FIELDS = Set.of("count");

    /** The views whose tracked fields the page rendering on this thread has read, while one is. */
    private static final ThreadLocal<Set<TrackedView>> READING = new ThreadLocal<>();

    private final String key;
    private final Map<String, Object> fields;
    private final Set<String> tracked;

    private TrackedView(String key, Map<String, Object> fields, Set<String> tracked) {
        this.key = key;
        this.fields = Collections.unmodifiableMap(fields);
        this.tracked = tracked;
    }

    /** A document's view: its key is the document's output path. */
    static TrackedView document(String outputPath, Map<String, Object> fields) {
        return new TrackedView(outputPath, fields, TEXT_FIELDS);
    }

    /**
     * A tag's or author's link ({@code kind} "tag" or "author"): its key, {@code /kind/key}, is no
     * document's output path, which never starts with a slash.
     */
    static TrackedView link(String kind, String taxonKey, Map<String, Object> fields) {
        return new TrackedView("/" + kind + "/" + taxonKey, fields, COUNT_FIELDS);
    }

    /** What the render record names the view by: a document's output path, or a link's key. */
    String key() {
        return key;
    }

    /** Whether {@code field} is one a page's card digest leaves out. */
    boolean tracks(Object field) {
        return tracked.contains(field);
    }

    /** Starts noting, on this thread, the views whose tracked fields are read. */
    static void track() {
        READING.set(Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Stops noting; the views whose tracked fields were read since {@link #track}, each once. */
    static Set<TrackedView> untrack() {
        Set<TrackedView> read = READING.get();
        READING.remove();
        return read == null ? Set.of() : read;
    }

    private void readTracked() {
        Set<TrackedView> read = READING.get();
        if (read != null) {
            read.add(this);
        }
    }

    @Override
    public Object get(Object field) {
        if (tracked.contains(field)) {
            readTracked();
        }
        return fields.get(field);
    }

    @Override
    public boolean containsKey(Object field) {
        return fields.containsKey(field);
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public Set<String> keySet() {
        return fields.keySet();
    }

    /** Every entry: reading them all reads the tracked fields too. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        readTracked();
        return fields.entrySet();
    }

    @Override
    public Collection<Object> values() {
        readTracked();
        return fields.values();
    }

    /** All entries, for the digests (the card's without the tracked fields); notes nothing. */
    Map<String, Object> all() {
        return fields;
    }
}
