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
}
