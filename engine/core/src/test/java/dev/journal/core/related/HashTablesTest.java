package dev.journal.core.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The recommender's primitive hash tables agree with a HashMap, across growth and reuse. */
class HashTablesTest {

    @Test
    void frequencyTableCountsEveryHashThroughGrowth() {
        SplittableRandom random = new SplittableRandom(7);
        long[] hashes = new long[20_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextLong() | 1;
        }
        FrequencyTable table = new FrequencyTable(16);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            long h = hashes[(int) Math.min(hashes.length - 1, Math.abs(random.nextGaussian()) * 3000)];
            table.increment(h);
            expected.merge(h, 1, Integer::sum);
        }
        for (long h : hashes) {
            assertEquals(expected.getOrDefault(h, 0), table.get(h), Long.toHexString(h));
        }
    }

    @Test
    void aCopiedFrequencyTableCountsDownAndUpAloneAndRefusesWhatItCannotTake() {
        SplittableRandom random = new SplittableRandom(11);
        FrequencyTable table = new FrequencyTable(16);
        Map<Long, Integer> expected = new HashMap<>();
        long[] hashes = new long[3_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextLong() | 1;
            for (int k = random.nextInt(4); k > 0; k--) {
                table.increment(hashes[i]);
                expected.merge(hashes[i], 1, Integer::sum);
            }
        }
        FrequencyTable copy = table.copy();
        Map<Long, Integer> copied = new HashMap<>(expected);
        for (int i = 0; i < 20_000; i++) {
            long h = hashes[random.nextInt(hashes.length)];
            if (random.nextBoolean()) {
                copy.increment(h);
                copied.merge(h, 1, Integer::sum);
            } else {
                assertEquals(copied.getOrDefault(h, 0) > 0, copy.decrement(h), "decrement of a count of "
                        + copied.getOrDefault(h, 0));
                copied.computeIfPresent(h, (k, v) -> v > 0 ? v - 1 : 0);
            }
        }
        for (long h : hashes) {
            assertEquals(copied.getOrDefault(h, 0), copy.get(h), "the copy, " + Long.toHexString(h));
            assertEquals(expected.getOrDefault(h, 0), table.get(h), "the original, " + Long.toHexString(h));
        }
        assertEquals(false, copy.decrement(random.nextLong() | 1), "a term never counted");
        long often = hashes[0];
        for (int i = 0; i < 600_000; i++) {
            copy.increment(often);
        }
        int stopped = copy.get(often);
        assertEquals(false, copy.decrement(often), "a count that stopped growing cannot be counted down");
        assertEquals(stopped, copy.get(often));
    }

    @Test
    void aFrequencyTableMadeFromItsCountedSlotsGivesTheSameCounts() {
        SplittableRandom random = new SplittableRandom(11);
        FrequencyTable table = new FrequencyTable(16);
        long[] hashes = new long[3_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextLong();
            for (int k = random.nextInt(4); k >= 0; k--) {
                table.increment(hashes[i]);
            }
        }
        for (int i = 0; i < hashes.length; i += 3) {
            while (table.decrement(hashes[i])) {
                // down to none: a slot that holds no count is not carried
            }
        }
        long[] counted = table.counted();
        FrequencyTable again = FrequencyTable.of(counted);
        for (long h : hashes) {
            assertEquals(table.get(h), again.get(h));
        }
        assertEquals(0, again.get(random.nextLong()));
        assertEquals(hashes.length - (hashes.length + 2) / 3, counted.length);
        long[] twice = java.util.Arrays.copyOf(counted, counted.length + 1);
        twice[counted.length] = counted[0];
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FrequencyTable.of(twice));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FrequencyTable.of(new long[] {counted[0] & ~((1L << 19) - 1)}));
    }

    @Test
    void termCountsAddDrainAndClear() {
        TermCounts counts = new TermCounts(4);
        Map<Long, Float> expected = new HashMap<>();
        for (long h = 1; h <= 5000; h++) {
            long key = h * 0x9E3779B97F4A7C15L;
            counts.add(key, 1);
            counts.add(key, h % 3);
            expected.put(key, 1f + h % 3);
        }
        assertEquals(expected.size(), counts.size());
        int n = counts.drain(k -> expected.get(k) > 2);
        assertEquals(expected.values().stream().filter(v -> v > 2).count(), n);
        for (int j = 0; j < n; j++) {
            assertEquals(expected.get(counts.drainedKeys()[j]), counts.drainedValues()[j]);
        }
        counts.clear(4);
        assertEquals(0, counts.size());
        assertEquals(0f, counts.get(1 * 0x9E3779B97F4A7C15L));
        counts.add(42, 2);
        assertEquals(2f, counts.get(42));
    }

    @Test
    void termIdsNumberAndCount() {
        TermIds ids = new TermIds(2);
        for (long h = 1; h <= 1000; h++) {
            assertEquals((int) h - 1, ids.putIfAbsent(h * 31, (int) h - 1));
        }
        assertEquals(1000, ids.size());
        assertEquals(41, ids.putIfAbsent(42 * 31, 999), "an existing key keeps its value");
        assertEquals(-1, ids.get(5, -1));
        assertEquals(3, ids.add(7, 3));
        assertEquals(5, ids.add(7, 2));
    }
}
