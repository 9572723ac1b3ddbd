package dev.journal.core.internal;

import java.util.Collection;
import java.util.Optional;

/** Near misses of names a user types (front matter fields, configuration keys): "did you mean ...?" */
public final class Spelling {

    private Spelling() {
    }

    /**
     * The nearest of {@code known} within {@code most} edits of {@code typed} (the first in their
     * order among equally near ones): insertions, deletions and substitutions of one character, and
     * swaps of two neighbouring ones ({@code tgas} for {@code tags}), each one edit.
     */
    public static Optional<String> nearest(String typed, Collection<String> known, int most) {
        String best = null;
        int bestDistance = most + 1;
        for (String k : known) {
            if (Math.abs(k.length() - typed.length()) >= bestDistance) {
                continue; // each edit changes the length by one at most
            }
            int d = distance(k, typed, bestDistance - 1);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** As {@link #nearest(String, Collection, int)}, allowing one edit in names of up to four characters, two beyond. */
    public static Optional<String> nearest(String typed, Collection<String> known) {
        return nearest(typed, known, typed.length() <= 4 ? 1 : 2);
    }

    /**
     * The edit distance between two names, counting a swap of two neighbouring characters as one
     * edit (the optimal string alignment distance).
     */
    public static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * {@link #distance(String, String)}, or {@code most + 1} as soon as it is known to be more than
     * {@code most}: three rows of the table, and a row whose every cell exceeds {@code most} ends it
     * (a cell never drops below the least of the row above).
     */
    static int distance(String a, String b, int most) {
        int[] older = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int least = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, older[j - 2] + 1);
                }
                cur[j] = d;
                least = Math.min(least, d);
            }
            if (least > most) {
                return most + 1;
            }
            int[] t = older;
            older = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], most + 1);
    }
}
