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
            int d = distance(k, typed);
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
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
