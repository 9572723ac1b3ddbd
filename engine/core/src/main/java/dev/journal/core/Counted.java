package dev.journal.core;

/** Counts in words that agree with them, for the lines the command line and the Maven goals print. */
public final class Counted {

    private Counted() {
    }

    /** {@code 1 page}, {@code 2 pages}, {@code 0 pages}: {@code thing} is a noun with a plain {@code -s} plural. */
    public static String of(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    /** As {@link #of}, with {@code no things} for none: {@code no errors}, {@code 1 error}. */
    public static String orNo(long n, String thing) {
        return n == 0 ? "no " + thing + "s" : of(n, thing);
    }
}
