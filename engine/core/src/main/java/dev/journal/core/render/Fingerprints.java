package dev.journal.core.render;

import static dev.journal.core.internal.Mix64.mix;
import static dev.journal.core.internal.Mix64.string;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * 64-bit digests of template model values, equal for equal content whatever the objects: how the
 * render stage tells that a page's inputs did not change since the previous build. Shared values
 * (an article's view, the list of all articles) are digested once and remembered by identity; the
 * memory is filled before pages are rendered in parallel and only read while they are.
 */
final class Fingerprints {

    private static final long SEED = 0x9E3779B97F4A7C15L;
    /** The digest of each class's name, worked out once per class. */
    private static final ClassValue<Long> CLASS_NAME = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            return string(type.getName());
        }
    };

    private final Map<Object, Long> memo = new IdentityHashMap<>();
    /** The card digests: as {@link #memo}, but documents' views without their text fields. */
    private final Map<Object, Long> cardMemo = new IdentityHashMap<>();
    /** The digests of tracked views as {@link #ofTracked} makes them, of the views remembered together. */
    private final Map<Object, Long> trackedMemo = new IdentityHashMap<>();
    private boolean frozen;

    /** Digests and remembers a shared value, in full and as cards; returns the full digest. */
    synchronized long remember(Object value) {
        requireOpen();
        of(value, true, true);
        return of(value, true, false);
    }

    /**
     * Remembers a shared value, as {@link #remember}, taking its digests (full, card) from the memo
     * of a long-lived renderer when the last build digested this very object, and keeping them there
     * for the next build.
     */
    synchronized void remember(Object value, RenderMemo carried) {
        long[] known = carried.digests(value);
        if (known != null) {
            requireOpen();
            memo.put(value, known[0]);
            cardMemo.put(value, known[1]);
        } else {
            remember(value);
        }
        carried.keepDigests(value, memo.get(value), cardMemo.get(value));
    }

    /**
     * Remembers many shared values, as {@link #remember(Object)} does one, digesting them on
     * {@code pool}; the values within them are not remembered, unless they were already.
     */
    synchronized void rememberAll(List<?> values, ForkJoinPool pool) {
        requireOpen();
        long[][] digests = new long[values.size()][];
        // the memory is only read meanwhile
        pool.submit(() -> IntStream.range(0, digests.length).parallel().forEach(i -> {
            Object v = values.get(i);
            digests[i] = v instanceof TrackedView view ? digests(view)
                    : new long[] {of(v, false, false), of(v, false, true)};
        })).join();
        for (int i = 0; i < digests.length; i++) {
            memo.put(values.get(i), digests[i][0]);
            cardMemo.put(values.get(i), digests[i][1]);
            if (digests[i].length > 2) {
                trackedMemo.put(values.get(i), digests[i][2]);
            }
        }
    }

    /**
     * A tracked view's digests in full, as a card and as {@link #ofTracked} (all its fields, the
     * values within them as cards), as {@link #map} makes each, in one pass over its fields.
     */
    private long[] digests(TrackedView view) {
        long full = 0x3A9L;
        long card = 0x3A9L;
        long tracked = 0x3A9L;
        int carded = 0;
        for (var e : view.all().entrySet()) {
            long key = of(e.getKey(), false, false);
            Object v = e.getValue();
            long asCard = of(v, false, true);
            full += mix(key * 31 + (sameEitherWay(v) ? asCard : of(v, false, false)));
            long term = mix(key * 31 + asCard);
            tracked += term;
            if (!view.tracks(e.getKey())) {
                card += term;
                carded++;
            }
        }
        int size = view.all().size();
        return new long[] {mix(full ^ size), mix(card ^ carded), mix(tracked ^ size)};
    }

    /** Whether a value digests alike in full and as a card: it holds no view. */
    private static boolean sameEitherWay(Object v) {
        return v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Date
                || v instanceof TemporalAccessor || v instanceof Html || v instanceof Deferred;
    }

    private void requireOpen() {
        if (frozen) {
            throw new IllegalStateException("remembered values are fixed once pages render");
        }
    }

    /** Stops remembering: from now on only read, from any thread. */
    synchronized void freeze() {
        frozen = true;
    }

    /** The digest of a value, using remembered digests of shared values within it. */
    long of(Object value) {
        return of(value, false, false);
    }

    /**
     * The digest of a value in which every tracked view counts by its card, without its tracked
     * fields (a document's text, a tag's count: {@link TrackedView}).
     */
    long ofCard(Object value) {
        return of(value, false, true);
    }

    /**
     * The digest of a tracked view as a page that read its tracked fields sees it: all its fields,
     * and the values within them as cards (their own tracked fields count for a page only where it
     * read them, which it notes apart). Anything else as {@link #of}.
     */
    long ofTracked(Object value) {
        if (!(value instanceof TrackedView view)) {
            return of(value);
        }
        Long known = trackedMemo.get(view);
        return known != null ? known : map(view.all(), null, false, true);
    }

    /** Order-free: equal maps digest alike however they were filled; without the fields {@code skip} tracks. */
    private long map(Map<?, ?> map, TrackedView skip, boolean remember, boolean card) {
        long h = 0x3A9L;
        int size = 0;
        for (var e : map.entrySet()) {
            if (skip == null || !skip.tracks(e.getKey())) {
                h += mix(of(e.getKey(), remember, card) * 31 + of(e.getValue(), remember, card));
                size++;
            }
        }
        return mix(h ^ size);
    }

    private long of(Object v, boolean remember, boolean card) {
        if (v == null) {
            return SEED;
        }
        if (v instanceof String s) {
            return string(s);
        }
        if (v instanceof Boolean b) {
            return b ? 0x51ED27L : 0xFA15EL;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return mix(CLASS_NAME.get(v.getClass()) ^ ((Number) v).longValue()); // whole numbers, by value
        }
        if (v instanceof Number n) {
            return mix(CLASS_NAME.get(n.getClass()) ^ string(n.toString()));
        }
        if (v instanceof Date d) {
            return mix(0xDA7EL ^ d.getTime());
        }
        if (v instanceof TemporalAccessor t) {
            return mix(0x7E3L ^ string(t.toString()));
        }
        Map<Object, Long> memory = card ? cardMemo : memo;
        Long known = memory.get(v);
        if (known != null) {
            return known;
        }
        long h;
        if (v instanceof Deferred deferred) {
            h = mix(0xDEFEL ^ deferred.inputs()); // what it is made from, without making it
        } else if (v instanceof OverlayMap overlay) {
            // the shared map's remembered digest and the page's few entries, rather than every entry
            h = mix(0x0E7AL ^ mix(of(overlay.base(), remember, card) * 31 + of(overlay.top(), remember, card)));
        } else if (v instanceof Map<?, ?> m) {
            // a tracked view (a document's, a tag's link): its card, or all its fields, read without
            // counting as a page's reading
            TrackedView view = m instanceof TrackedView t ? t : null;
            h = map(view != null ? view.all() : m, card ? view : null, remember, card);
        } else if (v instanceof Collection<?> list) {
            h = 0x115EL;
            for (Object o : list) {
                h = mix(h * 31 + of(o, remember, card));
            }
        } else if (v instanceof Html html) {
            h = html.fingerprint() != null ? mix(0x47A1L ^ string(html.fingerprint())) : mix(string(html.markup()));
        } else if (v instanceof JBakeModel.Data data) {
            h = mix(0xDA7AL ^ of(data.files(), remember, card));
        } else if (v instanceof JBakeModel.Database) {
            h = 0xDBL; // a page that reads db depends on every shared value (TrackingModel), digested apart
        } else if (v instanceof Object[] array) {
            h = 0xA77L;
            for (Object o : array) {
                h = mix(h * 31 + of(o, remember, card));
            }
        } else {
            // a value of an unknown kind: digested by its class and text, which is at worst a page
            // rendered again for nothing
            h = mix(CLASS_NAME.get(v.getClass()) ^ string(String.valueOf(v)));
        }
        if (remember) {
            memory.put(v, h);
        }
        return h;
    }
}
