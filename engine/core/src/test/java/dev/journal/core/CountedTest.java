package dev.journal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountedTest {

    @Test
    void countsAgreeWithTheirWords() {
        assertEquals("1 page", Counted.of(1, "page"));
        assertEquals("0 pages", Counted.of(0, "page"));
        assertEquals("37328 pages", Counted.of(37_328, "page"));
        assertEquals("no errors", Counted.orNo(0, "error"));
        assertEquals("1 error", Counted.orNo(1, "error"));
    }

    @Test
    void aChecksSummary() {
        assertEquals("Checked 1 document: no errors, 1 warning", new CheckResult(1,
                List.of(Problem.warning("content/a.md", 3, "w"))).summary());
        assertEquals("Checked 2 documents: 2 errors, no warnings", new CheckResult(2,
                List.of(Problem.error("content/a.md", 3, "e"), Problem.error("content/b.md", 1, "e"))).summary());
    }
}
