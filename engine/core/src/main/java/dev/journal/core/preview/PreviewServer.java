package dev.journal.core.preview;

import com.sun.net.httpserver.HttpServer;
import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.ContentException;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The preview: builds the site with drafts and scheduled articles shown into a preview folder,
 * serves that folder on 127.0.0.1, rebuilds when the sources change, and makes open pages reload
 * themselves (or show the errors of a failed build over the last good one).
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver}; {@link SiteHandler} decides what may
 * be served. Builds run one at a time on the watcher's thread through a {@link SiteBuilder}; a
 * failed build leaves the preview folder as it was, so the last good site stays served.
 */
public final class PreviewServer implements Closeable {

    /**
     * How to preview.
     *
     * @param source  the site's folder
     * @param output  the preview folder (replaced by every good build)
     * @param port    the port on 127.0.0.1; 0 for any free one; negative for {@code server.port}
     * @param clock   "now", which decides which articles are scheduled
     * @param threads threads for parsing and rendering
     * @param log     where to say what happens: builds, errors, the address
     */
    public record Options(Path source, Path output, int port, Clock clock, int threads, Consumer<String> log) {
        public Options {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(log, "log");
        }
    }

    private final Path source;
    private final Path output;
    private final Consumer<String> log;
    private final SiteBuilder builder;
    private final HttpServer http;
    private final ExecutorService pool;
    private final LiveReload live = new LiveReload();
    private final Object buildLock = new Object();
    private volatile boolean building;
    private volatile SiteConfig config;
    private List<Problem> lastWarnings = List.of();
    private SiteWatcher watcher;

    private PreviewServer(Options options, SiteBuilder builder, HttpServer http) throws IOException {
        this.source = options.source().toAbsolutePath().normalize();
        this.output = options.output().toAbsolutePath().normalize();
        this.log = options.log();
        this.builder = builder;
        this.http = http;
        this.config = ConfigLoader.load(source);
        this.pool = Executors.newFixedThreadPool(LiveReload.MAX_LISTENERS + 8, r -> {
            Thread t = new Thread(r, "journal-preview-http");
            t.setDaemon(true);
            return t;
        });
        SiteHandler.Builds builds = new SiteHandler.Builds() {
            @Override
            public boolean running() {
                return building;
            }

            @Override
            public void awaitIdle(long millis) throws InterruptedException {
                long end = System.currentTimeMillis() + millis;
                synchronized (buildLock) {
                    long left;
                    while (building && (left = end - System.currentTimeMillis()) > 0) {
                        buildLock.wait(left);
                    }
                }
            }
        };
        http.createContext("/", new SiteHandler(options.output(), live, () -> config.get("error404.file"), builds,
                log));
        http.setExecutor(pool);
    }

    /**
     * Binds the port, builds the site once, starts serving and watching. A build that fails is
     * reported and the server starts anyway, showing the errors.
     *
     * @throws BindException when the port is taken, with a message saying what to do
     */
    public static PreviewServer start(Options options) throws IOException {
        BakeOptions bake = new BakeOptions(options.source(), options.output(), true, options.clock(),
                Math.max(1, options.threads()), line -> { }, BakeOptions.defaultCache(options.source()));
        return start(options, SiteBuilder.baking(bake));
    }

    /** As {@link #start(Options)}, building with {@code builder} (for an incremental build). */
    public static PreviewServer start(Options options, SiteBuilder builder) throws IOException {
        Path source = options.source().toAbsolutePath().normalize();
        int port = options.port() >= 0 ? options.port() : ConfigLoader.load(source).number("server.port");
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port),
                    64);
        } catch (BindException e) {
            throw new BindException("port " + port + " on 127.0.0.1 is taken (is another preview running?);"
                    + " choose another with --port, or server.port in jbake.properties");
        }
        PreviewServer server;
        try {
            server = new PreviewServer(options, builder, http);
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e;
        }
        try {
            server.rebuild(Set.of());
            http.start();
            server.watcher = new SiteWatcher(source, () -> server.config, server::rebuild, server.log);
            server.watcher.start();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The port served. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The address to open in a browser. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Where the preview stands. */
    public BuildStatus status() {
        return live.status();
    }

    /** Builds the site and tells the open pages; one build at a time. */
    void rebuild(Set<Path> changed) {
        synchronized (buildLock) {
            building = true;
        }
        BuildStatus before = live.status();
        String why = changed.isEmpty() ? "" : describe(changed) + " changed: ";
        long start = System.nanoTime();
        BuildStatus after;
        try {
            config = ConfigLoader.load(source);
            BakeResult result = builder.build(changed);
            long ms = (System.nanoTime() - start) / 1_000_000;
            after = new BuildStatus(before.generation() + 1, false, List.of(), result.warnings());
            log.accept(String.format(Locale.ROOT, "%s%s %d pages in %d ms%s", why,
                    before.generation() == 0 ? "built" : "rebuilt", result.pages(), ms,
                    before.failed() ? "; the errors are fixed" : ""));
            if (!result.warnings().equals(lastWarnings)) {
                result.warnings().forEach(p -> log.accept(p.toString()));
                lastWarnings = result.warnings();
            }
        } catch (ContentException e) {
            after = failed(before, e.errors(), why);
        } catch (IOException e) {
            after = failed(before, List.of(Problem.error(output.toString(), 0,
                    "the build failed: " + IoMessage.of(e, source))), why);
        } catch (RuntimeException e) {
            after = failed(before, List.of(Problem.error(output.toString(), 0,
                    "the build failed: " + e.getClass().getSimpleName() + ": " + e.getMessage())), why);
        }
        synchronized (buildLock) {
            building = false;
            buildLock.notifyAll();
        }
        live.publish(after);
    }

    private BuildStatus failed(BuildStatus before, List<Problem> errors, String why) {
        log.accept(why + "the build failed; " + (before.generation() == 0 ? "nothing to serve yet"
                : "still serving the last good build") + ". Fix and save:");
        errors.forEach(p -> log.accept("  " + p));
        return new BuildStatus(before.generation(), false, errors, before.warnings());
    }

    private String describe(Set<Path> changed) {
        List<String> names = changed.stream().map(p -> source.relativize(p).toString().replace('\\', '/')).sorted()
                .toList();
        return names.size() <= 3 ? String.join(", ", names) : names.get(0) + " and " + (names.size() - 1) + " more";
    }

    /** Stops watching and serving; open pages are disconnected. */
    @Override
    public void close() {
        live.closeAll();
        http.stop(0);
        pool.shutdownNow();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.accept("stopping the watcher: " + e.getMessage());
            }
        }
        try {
            builder.close();
        } catch (IOException e) {
            log.accept("closing the build cache: " + e.getMessage());
        }
    }

}
