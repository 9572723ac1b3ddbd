package dev.journal.core.render;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Values by key that one build leaves to the next: what this build keeps becomes, when it ends
 * the round, what the next one finds; anything not kept again is forgotten.
 */
final class Carried<K, V> {
    private final Supplier<Map<K, V>> maps;
    private Map<K, V> last;
    private Map<K, V> next;

    Carried(Supplier<Map<K, V>> maps) {
        this.maps = maps;
        this.last = maps.get();
        this.next = maps.get();
    }

    V last(K key) {
        return last.get(key);
    }

    void keep(K key, V value) {
        next.put(key, value);
    }

    void begin() {
        next = maps.get();
    }

    void end() {
        last = next;
    }

    void forget() {
        last.clear();
    }
}
