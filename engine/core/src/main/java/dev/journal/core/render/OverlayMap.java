package dev.journal.core.render;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A few page-specific entries over a shared, read-only map: lets every page see an article's view
 * with its own {@code rootpath} without copying the view.
 */
final class OverlayMap extends AbstractMap<String, Object> {
    private final Map<String, Object> base;
    private final Map<String, Object> top;

    OverlayMap(Map<String, Object> base, Map<String, Object> top) {
        this.base = base;
        this.top = top;
    }

    Map<String, Object> base() {
        return base;
    }

    Map<String, Object> top() {
        return top;
    }

    @Override
    public Object get(Object key) {
        Object v = top.get(key);
        return v != null ? v : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return top.containsKey(key) || base.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(base);
        all.putAll(top);
        return all.entrySet();
    }
}
