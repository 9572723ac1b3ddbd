package dev.journal.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertEquals(1, Spelling.distance("tags", "tgas"));
        assertEquals(1, Spelling.distance("status", "stauts"));
        assertEquals(2, Spelling.distance("tags", "gats"), "two substitutions: the swapped letters are not neighbours");
        assertEquals(3, Spelling.distance("kitten", "sitting"));
        assertEquals(0, Spelling.distance("date", "date"));
        assertEquals(4, Spelling.distance("", "date"));
    }

    @Test
    void theNearestNameWinsOverTheFirstInOrder() {
        assertEquals(Optional.of("authors"), Spelling.nearest("authros", List.of("author", "authors")));
        assertEquals(Optional.of("author"), Spelling.nearest("autor", List.of("author", "authors")),
                "equally near: the first");
        assertEquals(Optional.of("tags"), Spelling.nearest("tgas", List.of("tag", "tags")));
        assertEquals(Optional.empty(), Spelling.nearest("subtitle", List.of("title", "summary")));
    }

    @Test
    void aBoundedDistanceStopsEarlyWithTheSameAnswerUpToItsBound() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20_000; round++) {
            String a = word(random);
            String b = random.nextBoolean() ? word(random) : slip(a, random);
            int full = Spelling.distance(a, b);
            for (int most = 0; most <= 3; most++) {
                assertEquals(Math.min(full, most + 1), Spelling.distance(a, b, most), a + " / " + b + " within " + most);
            }
        }
    }

    private static String word(java.util.Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(9); i > 0; i--) {
            sb.append((char) ('a' + random.nextInt(3)));
        }
        return sb.toString();
    }

    /** {@code w} with a few slips: letters swapped, dropped, added or changed. */
    private static String slip(String w, java.util.Random random) {
        StringBuilder sb = new StringBuilder(w);
        for (int n = random.nextInt(4); n > 0; n--) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                case 2 -> sb.insert(at, (char) ('a' + random.nextInt(3)));
                default -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, (char) ('a' + random.nextInt(3)));
                    }
                }
            }
        }
        return sb.toString();
    }
}
