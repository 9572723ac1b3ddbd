package dev.journal.core.related;

/**
 * Term hash to a small int (a document frequency, or a term's number, here and in the build cache's
 * word list): open addressing over primitive arrays. Hash 0 marks an empty slot; {@link Tokenizer}
 * never produces it.
 */
public final class TermIds {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    public TermIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code amount} to the key's value (0 when absent) and returns the new value. */
    int add(long key, int amount) {
        int i = slot(key);
        if (keys[i] == key) {
            return values[i] += amount;
        }
        keys[i] = key;
        values[i] = amount;
        if (++size * 2 > keys.length) {
            grow();
        }
        return amount;
    }

    /** The key's value, or {@code missing}. */
    public int get(long key, int missing) {
        int i = slot(key);
        return keys[i] == key ? values[i] : missing;
    }

    /** The key's value; when absent, stores and returns {@code value}. */
    public int putIfAbsent(long key, int value) {
        int i = slot(key);
        if (keys[i] == key) {
            return values[i];
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    int size() {
        return size;
    }

    private int slot(long key) {
        int i = (int) (key ^ key >>> 32) & mask;
        while (keys[i] != key && keys[i] != 0) {
            i = i + 1 & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }
    }
}
