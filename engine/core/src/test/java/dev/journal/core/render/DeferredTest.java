package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A deferred part of a view is made only when read, once, and digests by what it is made from. */
class DeferredTest {

    @Test
    void digestingAViewDoesNotMakeItsDeferredPartWhichCountsByItsInputs() {
        AtomicInteger made = new AtomicInteger();
        Map<String, Object> view = Map.of("title", "A", "cite", new Deferred(7, () -> {
            made.incrementAndGet();
            return Map.of("text", "A. Journal.");
        }));
        Fingerprints fingerprints = new Fingerprints();
        long digest = fingerprints.of(view);
        assertEquals(0, made.get());
        assertEquals(digest, fingerprints.of(Map.of("title", "A", "cite", new Deferred(7, Map::of))));
        assertNotEquals(digest, fingerprints.of(Map.of("title", "A", "cite", new Deferred(8, () -> Map.of(
                "text", "A. Journal.")))));
        assertEquals("A. Journal.", ((Map<?, ?>) view.get("cite")).get("text"));
        assertEquals(1, made.get());
    }

    @Test
    void readFromManyThreadsItIsMadeOnce() {
        AtomicInteger made = new AtomicInteger();
        Deferred cite = new Deferred(1, () -> {
            made.incrementAndGet();
            return Map.of("text", "T", "html", "H");
        });
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            List<Object> read = pool.submit(() -> IntStream.range(0, 1_000).parallel()
                    .mapToObj(i -> cite.get(i % 2 == 0 ? "text" : "html")).toList()).join();
            assertEquals(1_000, read.stream().filter(v -> v.equals("T") || v.equals("H")).count());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, made.get());
        assertEquals(Map.of("text", "T", "html", "H"), cite);
    }
}
