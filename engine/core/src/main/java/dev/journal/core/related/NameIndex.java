package dev.journal.core.related;

import dev.journal.core.internal.Mix64;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tags or authors, by key ({@link Slugs#key}, so spellings that differ only by case or spaces are
 * one name), numbered in article order: each article's names, and each name's candidate articles.
 */
final class NameIndex {

    private final Map<String, Integer> ids = new HashMap<>();
    /** Ids by exact spelling, so that the key (a Unicode normalisation) is worked out once per spelling. */
    private final Map<String, Integer> bySpelling = new HashMap<>();
    private final String[] display;
    /** How many indexed articles have each name. */
    final int[] frequency;
    /** Each name's candidate articles, in article order (newest first). */
    final int[][] articles;
    private final int[] flat;
    private final int[] start;

    NameIndex(Article[] docs, boolean[] candidate, Function<Article, List<String>> namesOf) {
        List<String> names = new ArrayList<>();
        start = new int[docs.length + 1];
        int[] all = new int[16];
        for (int i = 0; i < docs.length; i++) {
            List<String> own = namesOf.apply(docs[i]);
            int at = start[i];
            if (at + own.size() > all.length) {
                all = Arrays.copyOf(all, Math.max(all.length * 2, at + own.size()));
            }
            for (String name : own) {
                Integer id = bySpelling.get(name);
                if (id == null) {
                    String key = Slugs.key(name);
                    id = ids.get(key);
                    if (id == null) {
                        id = names.size();
                        ids.put(key, id);
                        names.add(name);
                    }
                    bySpelling.put(name, id);
                }
                names.set(id, name); // articles go newest first, so the oldest spelling stays, as on the tag pages
                all[at++] = id;
            }
            Arrays.sort(all, start[i], at);
            start[i + 1] = at;
        }
        flat = Arrays.copyOf(all, start[docs.length]);
        display = names.toArray(String[]::new);
        frequency = new int[display.length];
        for (int id : flat) {
            frequency[id]++;
        }
        int[] candidates = new int[display.length];
        for (int i = 0; i < docs.length; i++) {
            for (int p = start[i]; candidate[i] && p < start[i + 1]; p++) {
                candidates[flat[p]]++;
            }
        }
        articles = new int[display.length][];
        for (int id = 0; id < display.length; id++) {
            articles[id] = new int[candidates[id]];
            candidates[id] = 0;
        }
        for (int i = 0; i < docs.length; i++) {
            for (int p = start[i]; candidate[i] && p < start[i + 1]; p++) {
                articles[flat[p]][candidates[flat[p]]++] = i;
            }
        }
    }

    int size() {
        return display.length;
    }

    /** A 64-bit digest of every article's names as numbered here: equal when they are the same in another index. */
    long digest() {
        long h = 0x4A3EL;
        for (int v : start) {
            h = Mix64.mix(h * 31 + v);
        }
        for (int v : flat) {
            h = Mix64.mix(h * 31 + v);
        }
        return Mix64.mix(h ^ start.length);
    }

    /** The name as the oldest article writes it (the spelling the site shows). */
    String display(int id) {
        return display[id];
    }

    /** A name's number, or null when no indexed article has it. */
    Integer id(String name) {
        return ids.get(Slugs.key(name));
    }

    /** Article {@code i}'s names, ascending. */
    int[] of(int i) {
        return Arrays.copyOfRange(flat, start[i], start[i + 1]);
    }

    int count(int i) {
        return start[i + 1] - start[i];
    }

    /** The numbers of names as an article not indexed writes them; unknown names are left out. */
    int[] idsOf(List<String> names) {
        return names.stream().map(this::id).filter(id -> id != null).mapToInt(Integer::intValue).distinct().sorted()
                .toArray();
    }

    /** How many names {@code a} (ascending) shares with article {@code e}. */
    int shared(int[] a, int e) {
        int shared = 0;
        int i = 0;
        int j = start[e];
        while (i < a.length && j < start[e + 1]) {
            int x = a[i];
            int y = flat[j];
            shared += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return shared;
    }

    /** The sum of {@code weight[name]} over the names {@code a} (ascending) shares with article {@code e}. */
    double sharedWeight(int[] a, int e, double[] weight) {
        double sum = 0;
        int i = 0;
        int j = start[e];
        while (i < a.length && j < start[e + 1]) {
            int x = a[i];
            int y = flat[j];
            if (x == y) {
                sum += weight[x];
            }
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return sum;
    }
}
