package dev.journal.core.preview;

import dev.journal.core.BakeOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long an edit to one article takes to show in the preview of a journal of 1,000 articles:
 * from writing the file to the reload event, and to the page served with the change. Not part of
 * the test suite (its name does not end in Test); run it with
 * {@code mvn -B -q -pl engine/core test -Dtest=PreviewLatencyBenchmark -Djournal.benchmark.articles=1000}
 * (and {@code -Djournal.benchmark.output=/dev/shm/preview} to write the preview folder elsewhere).
 */
class PreviewLatencyBenchmark {

    static final int ARTICLES = Integer.getInteger("journal.benchmark.articles", 1000);
    static final int WARM_UP = 5;
    static final int EDITS = 15;

    @TempDir
    Path site;

    @Test
    void editToReload() throws Exception {
        generate(site, ARTICLES);
        List<String> stages = Collections.synchronizedList(new ArrayList<>());
        // -Djournal.benchmark.output=/dev/shm/preview puts the preview folder on another disk (tmpfs)
        Path output = Path.of(System.getProperty("journal.benchmark.output", site.resolve("target/preview").toString()));
        BakeOptions bake = new BakeOptions(site, output, true, Clock.systemUTC(),
                Runtime.getRuntime().availableProcessors(), stages::add, BakeOptions.defaultCache(site));
        long t = System.nanoTime();
        try (PreviewServer server = PreviewServer.start(new PreviewServer.Options(site, output, 0,
                Clock.systemUTC(), Runtime.getRuntime().availableProcessors(), line -> { }), SiteBuilder.baking(bake));
                Socket events = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            System.out.printf(Locale.ROOT, "%d articles: first build and start %d ms%n", ARTICLES,
                    (System.nanoTime() - t) / 1_000_000);
            events.setSoTimeout(60_000);
            events.getOutputStream().write("GET /__journal/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.getInputStream(),
                    StandardCharsets.UTF_8));
            long generation = nextGeneration(stream);
            HttpClient http = HttpClient.newHttpClient();
            int edited = ARTICLES / 2;
            String path = String.format(Locale.ROOT, "articles/%d/article-%04d", 2022 + edited % 3, edited);
            Path article = site.resolve("content/" + path + ".md");
            String original = Files.readString(article);
            List<Long> toEvent = new ArrayList<>();
            List<Long> toPage = new ArrayList<>();
            for (int i = 0; i < WARM_UP + EDITS; i++) {
                String marker = "Edited paragraph number " + i + ".";
                stages.clear();
                long start = System.nanoTime();
                Files.writeString(article, original + "\n" + marker + "\n");
                long g;
                do {
                    g = nextGeneration(stream);
                } while (g <= generation);
                generation = g;
                long event = System.nanoTime();
                String page = http.send(HttpRequest.newBuilder(URI.create(server.url() + path + "/"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                long served = System.nanoTime();
                if (!page.contains(marker)) {
                    throw new AssertionError("the page does not show edit " + i);
                }
                if (i >= WARM_UP) {
                    toEvent.add((event - start) / 1_000_000);
                    toPage.add((served - start) / 1_000_000);
                }
            }
            System.out.println("edit -> reload event, ms: " + summary(toEvent));
            System.out.println("edit -> page served with the change, ms: " + summary(toPage));
            System.out.println("stages of the last rebuild: ");
            stages.forEach(s -> System.out.println("  " + s));
        }
    }

    /** Reads the stream up to the next status event without errors, and returns its generation. */
    private static long nextGeneration(BufferedReader stream) throws IOException {
        for (String line = stream.readLine(); line != null; line = stream.readLine()) {
            if (line.startsWith("data: {") && line.contains("\"errors\":[]")) {
                return Long.parseLong(line.replaceAll(".*\"generation\":(\\d+).*", "$1"));
            }
        }
        throw new IOException("the event stream ended");
    }

    private static String summary(List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        return String.format(Locale.ROOT, "median %d, min %d, max %d (%d edits)", sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }

    /** A journal like the sample one, with {@code n} articles of about 700 words over three years. */
    static void generate(Path site, int n) throws IOException {
        Files.writeString(site.resolve("jbake.properties"), "site.host=https://example.org/\njournal.title=Benchmark\n"
                + "uri.noExtension=true\nindex.paginate=true\nindex.posts_per_page=8\nrender.tagsindex=true\n"
                + "render.sitemap=true\nrender.error404=true\narchive.file=archive/index.html\n");
        Random random = new Random(42);
        String[] words = ("policy security energy sanctions alliance treaty pipeline shipping arctic climate trade"
                + " corridor minerals diplomacy partnership investment infrastructure region government market"
                + " the of and to in a is that for on with as by at from this which").split(" ");
        String[] tags = new String[30];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = "Topic " + (char) ('A' + i % 26) + (i / 26);
        }
        for (int i = 0; i < n; i++) {
            int year = 2022 + i % 3;
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 10; p++) {
                if (p == 4) {
                    body.append("## Section ").append(p).append("\n\n");
                }
                for (int w = 0; w < 70; w++) {
                    body.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
                }
                body.append("\n\n");
            }
            String text = String.format(Locale.ROOT, "---\ntitle: \"Article %04d\"\nauthor: Author %d\ndate: %d-%02d-%02d\n"
                    + "tags: [%s, %s, %s]\n---\n\n%s", i, i % 50, year, 1 + i % 12, 1 + i % 28, tags[i % 30],
                    tags[(i * 7 + 3) % 30], tags[(i * 13 + 5) % 30], body);
            Path file = site.resolve(String.format(Locale.ROOT, "content/articles/%d/article-%04d.md",
                    year, i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
    }
}
