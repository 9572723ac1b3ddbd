package dev.journal.core;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How far a long stage has got, said every few seconds while it runs, so that a build of tens of
 * thousands of articles shows it is alive; a stage that ends sooner says nothing. Lines go where the
 * stage lines go, so a quiet build stays quiet.
 */
final class Progress implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> task;
    private final AtomicInteger done = new AtomicInteger();

    /**
     * Starts reporting.
     *
     * @param stage  the stage's name, as its own line gives it
     * @param total  how many items the stage has; negative when not known beforehand
     * @param unit   what the items are ("documents", "pages")
     * @param every  milliseconds between lines, the first after one interval
     */
    Progress(String stage, int total, String unit, Consumer<String> log, long every) {
        long start = System.nanoTime();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-progress");
            t.setDaemon(true);
            return t;
        });
        this.task = timer.scheduleAtFixedRate(() -> {
            int n = done.get();
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            log.accept(total < 0
                    ? String.format(Locale.ROOT, "%-7s %6s     %,d %s after %d s", stage, "...", n, unit, seconds)
                    : String.format(Locale.ROOT, "%-7s %6s     %,d of %,d %s (%d%%) after %d s", stage, "...", n, total,
                            unit, total == 0 ? 100 : (int) (100L * n / total), seconds));
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** One more item done; thread-safe. */
    void step() {
        done.incrementAndGet();
    }

    /** Stops reporting; a line being said when the stage ends is finished first, so none comes after. */
    @Override
    public void close() {
        task.cancel(false);
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
