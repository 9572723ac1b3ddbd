package dev.journal.core.related;

/**
 * One thread's scratch space while ranking: an estimate of each candidate's score, added up from
 * the inverted indexes, and which candidates were touched, so that starting over costs only what
 * the last article touched.
 */
final class Candidates {

    /** The estimate of each article touched since {@link #start}; 0 for the others. */
    private final float[] estimate;
    private final int[] touched;
    private int touchedCount;

    Candidates(int n) {
        estimate = new float[n];
        touched = new int[n];
    }

    void start() {
        for (int t = 0; t < touchedCount; t++) {
            estimate[touched[t]] = 0;
        }
        touchedCount = 0;
    }

    /** Adds a positive amount (the sums only grow, so 0 means untouched). */
    void add(int e, float v) {
        float old = estimate[e];
        if (old == 0) {
            if (v == 0) {
                return;
            }
            touched[touchedCount++] = e;
        }
        estimate[e] = old + v;
    }

    /** Keeps an article out of {@link #top}. */
    void exclude(int e) {
        if (estimate[e] == 0) {
            touched[touchedCount++] = e;
        }
        estimate[e] = Float.NEGATIVE_INFINITY;
    }

    /** The best {@code max} touched articles by estimate, best first, ties to the lower number. */
    int[] top(int max) {
        int[] heap = new int[Math.min(max, touchedCount)];
        int size = 0;
        for (int t = 0; t < touchedCount; t++) {
            int e = touched[t];
            if (estimate[e] <= 0) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = e;
                siftUp(heap, size++);
            } else if (better(e, heap[0])) {
                heap[0] = e;
                siftDown(heap, size);
            }
        }
        // Emptying the heap gives the kept ones worst first.
        int[] out = new int[size];
        for (int s = size - 1; s >= 0; s--) {
            out[s] = heap[0];
            heap[0] = heap[s];
            siftDown(heap, s);
        }
        return out;
    }

    private boolean better(int a, int b) {
        return estimate[a] > estimate[b] || estimate[a] == estimate[b] && a < b;
    }

    /** Min-heap on "better": the root is the worst kept. */
    private void siftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i])) {
                break;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private void siftDown(int[] heap, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int worst = i;
            if (l < size && better(heap[worst], heap[l])) {
                worst = l;
            }
            if (l + 1 < size && better(heap[worst], heap[l + 1])) {
                worst = l + 1;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
