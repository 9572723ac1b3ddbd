package dev.journal.core.render;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A read-only map of a view that is made only when a page reads it, once, from any thread. Its
 * digest ({@link Fingerprints}) is that of what it is made from, given with it, so that digesting
 * the views of thousands of articles does not make it: an article's formatted citation, which only
 * the article's own page shows, is made for that page alone.
 */
final class Deferred extends AbstractMap<String, Object> {

    private final long inputs;
    private Supplier<Map<String, Object>> make;
    private volatile Map<String, Object> made;

    /**
     * @param inputs a digest of everything {@code make} reads besides the configuration (which is
     *               the same for every page of a build and for the builds a page's digest is compared with)
     */
    Deferred(long inputs, Supplier<Map<String, Object>> make) {
        this.inputs = inputs;
        this.make = make;
    }

    /** The digest of what the map is made from. */
    long inputs() {
        return inputs;
    }

    private Map<String, Object> made() {
        Map<String, Object> m = made;
        if (m == null) {
            synchronized (this) {
                m = made;
                if (m == null) {
                    m = Map.copyOf(make.get());
                    made = m;
                    make = null;
                }
            }
        }
        return m;
    }

    @Override
    public Object get(Object key) {
        return made().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return made().containsKey(key);
    }

    @Override
    public int size() {
        return made().size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return made().entrySet();
    }
}
