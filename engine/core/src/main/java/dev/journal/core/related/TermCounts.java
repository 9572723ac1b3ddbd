package dev.journal.core.related;

import java.util.Arrays;

/**
 * Term hash to weighted count, for one document while it is tokenised: open addressing over
 * primitive arrays, because boxing a map entry per token would dominate the recommender's time.
 * Hash 0 marks an empty slot; {@link Tokenizer} never produces it.
 */
final class TermCounts {

    private long[] keys;
    private float[] values;
    private int size;
    private int mask;
    /** The text being counted, and the counts drained, reused from document to document to spare the collector. */
    private char[] chars = new char[0];
    private long[] drainedKeys = new long[0];
    private float[] drainedValues = new float[0];

    TermCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new float[capacity];
        mask = capacity - 1;
    }

    void add(long key, float amount) {
        int i = (int) (key ^ key >>> 32) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] += amount;
                return;
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = amount;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = i + 1 & mask;
        }
    }

    float get(long key) {
        int i = (int) (key ^ key >>> 32) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return 0;
            }
            i = i + 1 & mask;
        }
    }

    int size() {
        return size;
    }

    /** The characters of {@code text}, in a buffer this table reuses; valid until the next call. */
    char[] characters(String text) {
        if (chars.length < text.length()) {
            chars = new char[Math.max(text.length(), chars.length * 2)];
        }
        text.getChars(0, text.length(), chars, 0);
        return chars;
    }

    /** Empties the table for the next document, keeping its arrays unless one document made them large. */
    void clear(int expected) {
        if (keys.length > 4 * expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            keys = new long[capacity];
            values = new float[capacity];
            mask = capacity - 1;
        } else {
            Arrays.fill(keys, 0);
        }
        size = 0;
    }

    /**
     * Copies the keys that {@code keep} accepts, and their values, to {@link #drainedKeys} and
     * {@link #drainedValues} (reused buffers), in no particular order; returns how many.
     */
    int drain(java.util.function.LongPredicate keep) {
        if (drainedKeys.length < size) {
            drainedKeys = new long[keys.length];
            drainedValues = new float[keys.length];
        }
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            long k = keys[i];
            if (k != 0 && keep.test(k)) {
                drainedKeys[j] = k;
                drainedValues[j++] = values[i];
            }
        }
        return j;
    }

    long[] drainedKeys() {
        return drainedKeys;
    }

    float[] drainedValues() {
        return drainedValues;
    }

    private void grow() {
        long[] oldKeys = keys;
        float[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new float[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }
}
