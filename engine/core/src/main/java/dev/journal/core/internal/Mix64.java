package dev.journal.core.internal;

/** 64-bit digests: the finaliser of SplitMix64, which spreads every input bit over the whole result, and strings. */
public final class Mix64 {

    private Mix64() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A digest of a string's characters (FNV-1a, then {@link #mix}). */
    public static long string(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h ^ s.length());
    }
}
