package dev.journal.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared word list of the build cache: numbers given once, kept by the log it writes. */
class WordsTest {

    @Test
    void hashesAreNumberedInOrderOfFirstUseAndReadBackFromTheLog() throws IOException {
        Random random = new Random(7);
        List<Long> hashes = new ArrayList<>(List.of(0L, 1L, -1L, Long.MIN_VALUE, 1L << 32, (1L << 32) | 1));
        for (int i = 0; i < 5000; i++) {
            long h = random.nextLong();
            hashes.add(h);
            hashes.add(h ^ (h << 32)); // same low word folded: lands on the same slot
        }
        ArticleCodec.Words words = new ArticleCodec.Words();
        Map<Long, Integer> expected = new LinkedHashMap<>();
        for (int round = 0; round < 2; round++) {
            for (long h : hashes) {
                expected.putIfAbsent(h, expected.size());
                assertEquals(expected.get(h), words.hashId(h), "hash " + h);
            }
        }
        ArticleCodec.Words read = ArticleCodec.Words.read(new ByteReader(words.added(), 0, words.added().length));
        for (var e : expected.entrySet()) {
            assertEquals(e.getKey(), read.hash(e.getValue()));
            assertEquals(e.getValue(), read.hashId(e.getKey()), "numbers kept after reading the log");
        }
        assertEquals(expected.size(), read.hashId(12345L) , "a new hash gets the next number");
    }

    @Test
    void termsAreNumberedOnce() throws IOException {
        ArticleCodec.Words words = new ArticleCodec.Words();
        assertEquals(0, words.termId("policy"));
        assertEquals(1, words.termId("trade"));
        assertEquals(0, words.termId("policy"));
        ArticleCodec.Words read = ArticleCodec.Words.read(new ByteReader(words.added(), 0, words.added().length));
        assertEquals("trade", read.term(1));
        assertEquals(1, read.termId("trade"));
    }
}
