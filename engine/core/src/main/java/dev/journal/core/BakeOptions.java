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
 * @param cache   the build cache folder, kept between builds so that the next one does only what
 *                changed; null for none (every build then starts from scratch)
 */
public record BakeOptions(Path source, Path output, boolean preview, Clock clock, int threads,
        Consumer<String> log, Path cache) {

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
                line -> { }, null);
    }

    /** The usual place of the build cache: {@code target/journal-cache} in the site's folder. */
    public static Path defaultCache(Path source) {
        return source.resolve("target").resolve("journal-cache");
    }

    public BakeOptions withPreview(boolean preview) {
        return new BakeOptions(source, output, preview, clock, threads, log, cache);
    }

    public BakeOptions withClock(Clock clock) {
        return new BakeOptions(source, output, preview, clock, threads, log, cache);
    }

    public BakeOptions withThreads(int threads) {
        return new BakeOptions(source, output, preview, clock, threads, log, cache);
    }

    public BakeOptions withLog(Consumer<String> log) {
        return new BakeOptions(source, output, preview, clock, threads, log, cache);
    }

    public BakeOptions withCache(Path cache) {
        return new BakeOptions(source, output, preview, clock, threads, log, cache);
    }
}
