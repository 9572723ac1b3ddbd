package dev.journal.core.render;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A page's model as its template sees it, its own values over the shared ones, noting which shared
 * values the template reads: a page depends on those and on its own values, and on nothing else.
 */
final class TrackingModel extends AbstractMap<String, Object> {

    /** Stands for "every shared value": the template listed the model's names, or read JBake's {@code db}. */
    static final String ALL = "*";

    private final Map<String, Object> shared;
    private final Map<String, Object> own;
    private final Set<String> read = new ConcurrentSkipListSet<>();

    TrackingModel(Map<String, Object> shared, Map<String, Object> own) {
        this.shared = shared;
        this.own = own;
    }

    /** The names of the shared values read so far, sorted. */
    Set<String> read() {
        return read;
    }

    @Override
    public Object get(Object key) {
        if (own.containsKey(key)) {
            return own.get(key);
        }
        // JBake's db answers from every shared list: a page that reads it depends on them all
        read.add("db".equals(key) ? ALL : String.valueOf(key));
        return shared.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        if (own.containsKey(key)) {
            return true;
        }
        read.add(String.valueOf(key));
        return shared.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        read.add(ALL);
        Map<String, Object> all = new LinkedHashMap<>(shared);
        all.putAll(own);
        return all.entrySet();
    }
}
