package dev.journal.core.internal;

import java.util.Collection;
import java.util.Optional;

/** Near misses of names a user types (front matter fields, configuration keys): "did you mean ...?" */
public final class Spelling {

    private Spelling() {
    }

    /**
     * The first of {@code known} (in their order) within {@code most} edits of {@code typed}:
     * insertions, deletions and substitutions of one character each.
     */
    public static Optional<String> nearest(String typed, Collection<String> known, int most) {
        return known.stream().filter(k -> distance(k, typed) <= most).findFirst();
    }

    /** As {@link #nearest(String, Collection, int)}, allowing one edit in names of up to four characters, two beyond. */
    public static Optional<String> nearest(String typed, Collection<String> known) {
        return nearest(typed, known, typed.length() <= 4 ? 1 : 2);
    }

    /** The Levenshtein distance between two names. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
