package dev.journal.core.related;

/**
 * How many documents each term is in, counted by hash: one {@code long} per slot holding the hash's
 * top {@value #KEY_BITS} bits and the count, so a look-up costs one memory access (it is made for
 * every term of every article, and a journal's vocabulary outgrows the processor's caches). Two terms
 * whose hashes agree on those bits share a count; among a million terms that happens to about one
 * pair in a hundred thousand, and only blurs a weight.
 */
final class FrequencyTable {

    private static final int COUNT_BITS = 19;
    private static final int KEY_BITS = 64 - COUNT_BITS - 1;
    private static final long MAX_COUNT = (1L << COUNT_BITS) - 1;

    private long[] slots;
    private int size;
    private int mask;

    FrequencyTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** The key part of a hash: its top bits, with a marker bit so that it is never 0. */
    private static long key(long hash) {
        return hash >>> (64 - KEY_BITS) | 1L << KEY_BITS;
    }

    /** Counts one more document for the term (a count stops at half a million). */
    void increment(long hash) {
        int i = find(hash);
        long slot = slots[i];
        if (slot == 0) {
            slots[i] = key(hash) << COUNT_BITS | 1;
            if (++size * 2 > slots.length) {
                grow();
            }
        } else if ((slot & MAX_COUNT) < MAX_COUNT) {
            slots[i] = slot + 1;
        }
    }

    /** A table with the same counts, to change without changing this one. */
    FrequencyTable copy() {
        FrequencyTable c = new FrequencyTable(1);
        c.slots = slots.clone();
        c.size = size;
        c.mask = mask;
        return c;
    }

    /**
     * Counts one document less for the term; false, and nothing changed, when the term has no
     * count to take one from or its count stopped growing (then the table cannot tell it).
     */
    boolean decrement(long hash) {
        int i = find(hash);
        long count = slots[i] & MAX_COUNT; // 0 for an empty slot too
        if (count == 0 || count == MAX_COUNT) {
            return false;
        }
        slots[i]--; // a count of 0 stays as a key: the probes past it go on
        return true;
    }

    /** The slots that hold a count, in the order of the table: what {@link #of} makes the table again from. */
    long[] counted() {
        long[] out = new long[size];
        int m = 0;
        for (long slot : slots) {
            if ((slot & MAX_COUNT) != 0) {
                out[m++] = slot;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /**
     * A table of the slots {@link #counted} gave, which gives the same count for every hash.
     *
     * @throws IllegalArgumentException for a slot {@code counted} cannot have given (none, or a key twice)
     */
    static FrequencyTable of(long[] counted) {
        FrequencyTable t = new FrequencyTable(counted.length);
        for (long slot : counted) {
            if ((slot & MAX_COUNT) == 0 || slot >>> COUNT_BITS + KEY_BITS != 1) {
                throw new IllegalArgumentException("not a counted slot");
            }
            int i = t.position(slot >>> COUNT_BITS & (1L << KEY_BITS) - 1);
            while (t.slots[i] != 0) {
                if (t.slots[i] >>> COUNT_BITS == slot >>> COUNT_BITS) {
                    throw new IllegalArgumentException("a key twice");
                }
                i = i + 1 & t.mask;
            }
            t.slots[i] = slot;
            t.size++;
        }
        return t;
    }

    /** The term's count, 0 when never counted. */
    int get(long hash) {
        return (int) (slots[find(hash)] & MAX_COUNT);
    }

    /** The slot of the hash's key, or the empty slot where it would go. */
    private int find(long hash) {
        long key = key(hash);
        int i = position(hash >>> (64 - KEY_BITS));
        while (true) {
            long slot = slots[i];
            if (slot == 0 || slot >>> COUNT_BITS == key) {
                return i;
            }
            i = i + 1 & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = position(slot >>> COUNT_BITS & (1L << KEY_BITS) - 1);
                while (slots[i] != 0) {
                    i = i + 1 & mask;
                }
                slots[i] = slot;
            }
        }
    }

    /** Where a key's probe starts: from the kept bits of the hash, so that growing can find it again. */
    private int position(long top) {
        return (int) top & mask;
    }
}
