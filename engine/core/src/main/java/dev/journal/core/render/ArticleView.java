package dev.journal.core.render;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A document's view as templates see it (an unmodifiable map), which notes when a page being
 * rendered reads what only the document's text decides: its body, word count, reading time and
 * headings. Most pages that show a document (lists, related blocks, neighbours' links) show only
 * its card (title, authors, date, summary, tags); they need not be made again when only its text
 * changes, and the render record says so (see {@link PageRenderer}).
 */
final class ArticleView extends AbstractMap<String, Object> {

    /** The fields that the document's text decides. */
    static final Set<String> TEXT_FIELDS = Set.of("body", "words", "reading_minutes", "headings");

    /** The views whose text fields the page rendering on this thread has read, while one is. */
    private static final ThreadLocal<Set<ArticleView>> READING = new ThreadLocal<>();

    private final String path;
    private final Map<String, Object> fields;

    ArticleView(String path, Map<String, Object> fields) {
        this.path = path;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** The output path of the document. */
    String path() {
        return path;
    }

    /** Starts noting, on this thread, the views whose text fields are read. */
    static void track() {
        READING.set(Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Stops noting; the views whose text fields were read since {@link #track}, each once. */
    static Set<ArticleView> untrack() {
        Set<ArticleView> read = READING.get();
        READING.remove();
        return read == null ? Set.of() : read;
    }

    private void readText() {
        Set<ArticleView> read = READING.get();
        if (read != null) {
            read.add(this);
        }
    }

    @Override
    public Object get(Object key) {
        if (TEXT_FIELDS.contains(key)) {
            readText();
        }
        return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public Set<String> keySet() {
        return fields.keySet();
    }

    /** Every entry: reading them all reads the text fields too. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        readText();
        return fields.entrySet();
    }

    @Override
    public Collection<Object> values() {
        readText();
        return fields.values();
    }

    /** The entries without the text fields, for the card's digest; notes nothing. */
    Map<String, Object> card() {
        Map<String, Object> card = new java.util.LinkedHashMap<>(fields);
        card.keySet().removeAll(TEXT_FIELDS);
        return card;
    }

    /** All entries, for the full digest; notes nothing. */
    Map<String, Object> all() {
        return fields;
    }
}
