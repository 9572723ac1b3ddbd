package dev.journal.bench;

import dev.journal.core.preview.PreviewServer;
import dev.journal.core.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code preview}: how long an author waits, with the preview server running, from saving an
 * article to seeing the change in the browser. The server runs as {@code journal serve} runs it
 * (file watching, rebuild with the build cache, the live-reload event stream); this benchmark is
 * the browser: it listens to the event stream, saves an edit, and on the event fetches the page
 * and checks that it shows the edit.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Times the preview server from saving an edited article to the page showing it.")
final class PreviewBenchmark implements Callable<Integer> {

    private static final Pattern GENERATION = Pattern.compile("\"generation\":(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Option(names = "--articles", paramLabel = "N", defaultValue = "1000",
            description = "Articles of the synthetic journal written for the run (default: 1000).")
    int articles;

    @Option(names = "--source", paramLabel = "DIR",
            description = "A journal to preview instead (one of `corpus`'s, for example); its articles are "
                    + "edited and restored.")
    Path source;

    @Option(names = "--edits", paramLabel = "N", defaultValue = "20", description = "Timed edits (default: 20).")
    int edits;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed edits first, as an author's session has had (default: 10).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("journal-preview-bench");
        Path site = source;
        if (site == null) {
            site = work.resolve("site");
            new CorpusGenerator(CorpusGenerator.Spec.of(articles)).write(site);
        }
        site = site.toAbsolutePath().normalize();
        List<Path> victims = articlesOf(site);
        Path victim = victims.get(victims.size() / 2);
        byte[] original = Files.readAllBytes(victim);
        List<String> log = new ArrayList<>();
        long t = System.nanoTime();
        try (PreviewServer server = PreviewServer.start(new PreviewServer.Options(site, work.resolve("preview"), 0,
                Clock.systemUTC(), Runtime.getRuntime().availableProcessors(), log::add))) {
            System.out.printf(Locale.ROOT, "preview of %d documents: first build in %d ms%n", victims.size(),
                    (System.nanoTime() - t) / 1_000_000);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Events events = new Events(http, server.url().resolve("/__journal/events"));
            long generation = events.next(-1);
            // the page the edited article is on, found by an untimed edit
            String marker = "Benchmark edit zero " + System.nanoTime();
            Files.write(victim, edited(original, marker));
            generation = events.next(generation);
            URI page = server.url().resolve(pageOf(work.resolve("preview"), marker));
            long[] event = new long[edits];
            long[] shown = new long[edits];
            for (int i = -warmup; i < edits; i++) {
                marker = "Benchmark edit " + i + " " + System.nanoTime();
                long start = System.nanoTime();
                Files.write(victim, edited(original, marker));
                generation = events.next(generation);
                long evented = System.nanoTime();
                String body = http.send(HttpRequest.newBuilder(page).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
                long done = System.nanoTime();
                if (!body.contains(marker)) {
                    throw new IllegalStateException("the page " + page + " does not show the edit after its build");
                }
                if (i >= 0) {
                    event[i] = evented - start;
                    shown[i] = done - start;
                }
            }
            events.close();
            System.out.printf(Locale.ROOT, "preview, %d documents: an edit shown in %d ms (median of %d; 90th "
                    + "percentile %d ms, worst %d ms); rebuilt and announced in %d ms (median)%n", victims.size(),
                    millis(median(shown)), edits, millis(percentile(shown, 0.9)), millis(percentile(shown, 1.0)),
                    millis(median(event)));
            String last = log.isEmpty() ? "" : log.get(log.size() - 1);
            System.out.println("the server's last line: " + last);
        } finally {
            Files.write(victim, original);
            SiteWriter.deleteTree(work); // the preview, and the generated journal if there is one
        }
        return 0;
    }

    private static byte[] edited(byte[] original, String marker) {
        byte[] tail = ("\n\n" + marker + ".\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(original, original.length + tail.length);
        System.arraycopy(tail, 0, out, original.length, tail.length);
        return out;
    }

    private static List<Path> articlesOf(Path site) throws IOException {
        try (Stream<Path> s = Files.walk(site.resolve("content"))) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no Markdown articles under " + site.resolve("content"));
            }
            return all;
        }
    }

    /** The path, from the site's root, of the page that holds {@code marker}. */
    private static String pageOf(Path output, String marker) throws IOException {
        try (Stream<Path> s = Files.walk(output)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                if (Files.readString(p, StandardCharsets.UTF_8).contains(marker)) {
                    return "/" + output.relativize(p).toString().replace('\\', '/');
                }
            }
        }
        throw new IllegalStateException("no page shows the edited article's text");
    }

    private static long median(long[] values) {
        return percentile(values, 0.5);
    }

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    /** The live-reload event stream, read as a browser tab reads it: the generation of each build. */
    private static final class Events implements AutoCloseable {
        private final LinkedBlockingQueue<Long> generations = new LinkedBlockingQueue<>();
        private final Thread reader;

        Events(HttpClient http, URI uri) {
            reader = new Thread(() -> {
                try {
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofLines()).body()
                            .forEach(line -> {
                                Matcher m = GENERATION.matcher(line);
                                if (line.startsWith("data:") && line.contains("\"errors\":[{")) {
                                    generations.add(-3L);
                                } else if (line.startsWith("data:") && m.find()) {
                                    generations.add(Long.parseLong(m.group(1)));
                                }
                            });
                } catch (IOException | UncheckedIOException e) {
                    generations.add(-2L); // the server went away (or, at the end, was closed)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "benchmark-events");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for a status of a generation newer than {@code after}; fails on a failed build. */
        long next(long after) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Long g = generations.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (g == null || g == -2L) {
                    throw new IllegalStateException("no build was announced within " + WAIT.toSeconds() + " s");
                }
                if (g == -3L) {
                    throw new IllegalStateException("the preview's build failed; see its errors with `journal serve`");
                }
                if (g > after) {
                    return g;
                }
            }
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }
}
