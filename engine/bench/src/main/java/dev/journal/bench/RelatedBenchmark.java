package dev.journal.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.journal.core.Problem;
import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Body;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.UrlPolicy;
import dev.journal.core.related.RelatedArticles;
import dev.journal.core.related.RelatedSettings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code related}: times the recommender (index stage's {@link RelatedArticles}: tokenising every
 * article, building the indexes, ranking every article's block) on a synthetic journal, and
 * measures the heap it needs.
 *
 * <p>The articles are made by {@link CorpusGenerator} and parsed by the engine's own parser, as in
 * a build; only what the recommender reads is kept (the body HTML is dropped), so the heap figures
 * are the recommender's and not the renderer's. The first run in a JVM is the one a build pays
 * (cold: the JIT has not compiled anything yet); later runs show the warm speed.
 */
@Command(name = "related", mixinStandardHelpOptions = true,
        description = "Times the recommender on a synthetic journal and measures its heap.")
final class RelatedBenchmark implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "N", defaultValue = "10000",
            description = "How many articles (default: 10000).")
    int articles;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "3",
            description = "How many times to run the recommender; the first is cold (default: 3).")
    int runs;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: one per core).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed of the corpus (default: 42).")
    long seed;

    @Option(names = "--bytes", paramLabel = "B", defaultValue = "10000",
            description = "Approximate size of each article in bytes (default: 10000).")
    int bytes;

    @Override
    public Integer call() throws Exception {
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(cores);
        try {
            return run(pool, cores);
        } finally {
            pool.shutdown();
        }
    }

    private int run(ForkJoinPool pool, int cores) throws Exception {
        CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.Spec.of(articles).withSeed(seed)
                .withArticleBytes(bytes));
        SiteConfig config = ConfigLoader.parse(generator.properties());
        long t = System.nanoTime();
        Article[] parsed = parse(generator, config, pool);
        long parseMs = (System.nanoTime() - t) / 1_000_000;
        List<Article> posts = new ArrayList<>();
        List<Article> hidden = new ArrayList<>();
        long chars = 0;
        Map<String, Integer> topicOf = new HashMap<>();
        for (int i = 0; i < parsed.length; i++) {
            Article a = parsed[i];
            (a.draft() ? hidden : posts).add(a);
            chars += a.text().length() + a.title().length() + a.summary().length();
            topicOf.put(a.outputPath(), generator.article(i).topic());
        }
        RelatedSettings settings = RelatedSettings.from(config);
        System.out.printf(Locale.ROOT, "corpus: %d articles (%d drafts), %.1f M characters of text, parsed in %d ms;"
                + " %d threads, max heap %d MB, %s%n", parsed.length, hidden.size(), chars / 1e6, parseMs, cores,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));

        HeapWatch watch = new HeapWatch();
        System.gc();
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use with the corpus loaded: %d MB%n", watch.used() >> 20);
        Map<String, List<Article>> related = null;
        for (int run = 1; run <= runs; run++) {
            related = null;
            System.gc();
            System.gc();
            Thread.sleep(200); // notifications of those collections arrive late; let them pass
            long base = watch.used();
            watch.start();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            RelatedArticles model = RelatedArticles.index(posts, hidden, settings, pool);
            long t1 = System.nanoTime();
            long cpu1 = cpuNanos();
            related = model.recommendAll(pool);
            long t2 = System.nanoTime();
            long cpu = cpuNanos() - cpu0;
            long end = watch.used();
            Thread.sleep(200);
            watch.stop();
            System.gc();
            System.gc();
            long retained = watch.used() - base;
            String live = watch.collections == 0 ? "no collection during the run"
                    : (Math.max(0, watch.peakAfter - base) >> 20) + " MB live at most after "
                    + watch.collections + (watch.collections == 1 ? " collection" : " collections");
            System.out.printf(Locale.ROOT, "run %d%s: %5d ms wall (index %d ms, rank %d ms), %d ms CPU (%d + %d);"
                    + " heap above the corpus: peak %d MB in use (garbage included), %s, %d MB retained%n",
                    run, run == 1 ? " (cold)" : "", (t2 - t0) / 1_000_000, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, cpu / 1_000_000, (cpu1 - cpu0) / 1_000_000, (cpu0 + cpu - cpu1) / 1_000_000,
                    Math.max(0, Math.max(watch.peakBefore, end) - base) >> 20, live, retained >> 20);
            if (model.problems().stream().anyMatch(Problem::isError)) {
                System.out.println("pin problems: " + model.problems());
            }
        }
        System.out.println(quality(related, topicOf, posts, settings.count()));
        return 0;
    }

    /** CPU time of the whole process (every thread, the JIT and the collector included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Generates and parses every article in parallel, keeping only what the recommender reads. */
    private static Article[] parse(CorpusGenerator generator, SiteConfig config, ForkJoinPool pool) {
        int n = generator.spec().articles();
        UrlPolicy urls = new UrlPolicy(config);
        Map<String, String> uris = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String path = generator.contentPath(i);
            uris.put(path, urls.document(path, null).uri());
        }
        ContentParser parser = new ContentParser(config, new MarkdownRenderer(MarkdownOptions.site(true)));
        List<Problem> problems = new ArrayList<>();
        Article[] out = pool.submit(() -> IntStream.range(0, n).parallel().mapToObj(i -> {
            CorpusGenerator.GeneratedArticle g = generator.article(i);
            ContentParser.Parsed p = parser.parseOne(new SourceFile("content/" + g.contentPath(), g.contentPath(),
                    g.markdown().getBytes(StandardCharsets.UTF_8)), uris);
            if (!p.problems().isEmpty()) {
                synchronized (problems) {
                    problems.addAll(p.problems());
                }
            }
            return p.articles().isEmpty() ? null : slim(p.articles().get(0));
        }).toArray(Article[]::new)).join();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.size() + " problems in the corpus, first: " + problems.get(0));
        }
        return out;
    }

    private static Article slim(Article a) {
        return new Article(a.sourcePath(), a.contentPath(), a.type(), a.draft(), a.title(), a.authors(), a.date(),
                a.updated(), a.tags(), a.summary(), a.slug(), a.outputPath(), a.uri(), a.image(), a.lang(),
                a.related(), Map.of(), Body.of("", a.text()), List.of(), a.words(), List.of(), a.hash(), a.sha1(), a.lines(),
                a.entryLines(), null, null);
    }

    /** Precision at k against the generator's hidden topics: a check that speed did not cost quality. */
    private static String quality(Map<String, List<Article>> related, Map<String, Integer> topicOf,
            List<Article> posts, int k) {
        double sum = 0;
        long blocks = 0;
        long shown = 0;
        for (Article a : posts) {
            List<Article> list = related.getOrDefault(a.outputPath(), List.of());
            int topic = topicOf.get(a.outputPath());
            sum += (double) list.stream().filter(r -> topicOf.get(r.outputPath()) == topic).count() / k;
            blocks += list.isEmpty() ? 0 : 1;
            shown += list.size();
        }
        return String.format(Locale.ROOT, "blocks: %d of %d articles, %.2f recommendations on average;"
                + " precision@%d against the hidden topic %.3f", blocks, posts.size(), (double) shown / posts.size(), k,
                sum / posts.size());
    }

    /** The heap in use, and its high-water marks before and after each collection while started. */
    private static final class HeapWatch implements NotificationListener {
        volatile boolean on;
        volatile long peakBefore;
        volatile long peakAfter;
        volatile int collections;

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        void start() {
            peakBefore = 0;
            peakAfter = 0;
            collections = 0;
            on = true;
        }

        void stop() {
            on = false;
        }

        @Override
        public synchronized void handleNotification(Notification n, Object handback) {
            if (!on || !n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            long before = sum(info.getGcInfo().getMemoryUsageBeforeGc());
            long after = sum(info.getGcInfo().getMemoryUsageAfterGc());
            peakBefore = Math.max(peakBefore, before);
            peakAfter = Math.max(peakAfter, after);
            collections++;
        }

        private static long sum(Map<String, MemoryUsage> pools) {
            long total = 0;
            for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
                if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains(
                        "Compressed Class")) {
                    total += e.getValue().getUsed();
                }
            }
            return total;
        }
    }
}
