package dev.journal.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to bake and how.
 *
 * @param source  the site's folder: {@code jbake.properties}, {@code content/}, optionally
 *                {@code templates/} and {@code assets/}
 * @param output  the folder to (re)place the site in
 * @param preview show drafts and scheduled articles (the preview server); never for a real build
 * @param clock   "now", which decides which articles are scheduled for later
 * @param threads how many threads parse and render
 * @param log     where progress lines go; ignored when quiet
 */
public record BakeOptions(Path source, Path output, boolean preview, Clock clock, int threads,
        Consumer<String> log) {

    public BakeOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** A real build of {@code source} into {@code output}, on every core, quietly. */
    public static BakeOptions of(Path source, Path output) {
        return new BakeOptions(source, output, false, Clock.systemUTC(), Runtime.getRuntime().availableProcessors(),
                line -> { });
    }

    public BakeOptions withPreview(boolean preview) {
        return new BakeOptions(source, output, preview, clock, threads, log);
    }

    public BakeOptions withClock(Clock clock) {
        return new BakeOptions(source, output, preview, clock, threads, log);
    }

    public BakeOptions withThreads(int threads) {
        return new BakeOptions(source, output, preview, clock, threads, log);
    }

    public BakeOptions withLog(Consumer<String> log) {
        return new BakeOptions(source, output, preview, clock, threads, log);
    }
}
