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

    /** The keys in ascending order, the order every sparse vector here is kept in. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int j = 0;
        for (long k : keys) {
            if (k != 0) {
                out[j++] = k;
            }
        }
        Arrays.sort(out);
        return out;
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
