package dev.journal.core.preview;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.load.ContentLoader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches a site's sources, {@code jbake.properties} and the content, template and asset folders
 * (recursively, folders created later included), and reports each burst of changes once: after
 * the first event it waits until the file system has been quiet for {@link #QUIET_MS}, so that an
 * editor's save (often several events) starts one build. Editor leftovers and dot-files, which the
 * build ignores, do not count. The callback runs on the watcher's own thread, one burst at a time;
 * it gets the changed paths, or an empty set when events were lost (then everything may have changed).
 */
final class SiteWatcher implements Closeable {

    /** Quiet time that ends a burst of events. */
    static final long QUIET_MS = 10;
    /** A burst is reported after this long even if events keep coming. */
    static final long MAX_WAIT_MS = 500;

    private final Path source;
    private final Supplier<SiteConfig> config;
    private final Consumer<Set<Path>> onChange;
    private final Consumer<String> log;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    /** Set when events were lost in the current burst: the changed paths are then unknown. */
    private boolean lostTrack;
    /** Files created in the current burst: one deleted again in it (an editor's temporary file) is no change. */
    private final Set<Path> created = new HashSet<>();

    /**
     * @param source   the site's folder
     * @param config   the current configuration (folder names may change with jbake.properties)
     * @param onChange called with the paths changed in each burst
     * @param log      where to say what cannot be watched
     */
    SiteWatcher(Path source, Supplier<SiteConfig> config, Consumer<Set<Path>> onChange, Consumer<String> log)
            throws IOException {
        this.source = source;
        this.config = config;
        this.onChange = onChange;
        this.log = log;
        this.service = source.getFileSystem().newWatchService();
        register();
        this.thread = new Thread(this::run, "journal-watcher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Whether a path below the watched folders is one the build skips, as the loader decides: in
     * the asset folder dot-files count (unless {@code asset.ignore}), elsewhere they do not.
     */
    private boolean skipped(Path path) {
        SiteConfig c = config.get();
        boolean asset = path.startsWith(source.resolve(c.get("asset.folder").strip()));
        return ContentLoader.ignored(path.getFileName().toString(), asset && ContentLoader.hiddenAssets(c));
    }

    /** The folders watched recursively, from the current configuration. */
    private List<Path> folders() {
        SiteConfig c = config.get();
        return List.of(source.resolve(c.get("content.folder").strip()), source.resolve(c.get("template.folder").strip()),
                source.resolve(c.get("asset.folder").strip()));
    }

    /** Registers the source folder (not recursively) and every folder below the watched ones. */
    private void register() throws IOException {
        watch(source);
        for (Path folder : folders()) {
            if (Files.isDirectory(folder)) {
                watchTree(folder);
            }
        }
    }

    private void watch(Path dir) throws IOException {
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        keys.put(key, dir);
    }

    private void watchTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(top) && skipped(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                watch(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey first = service.take();
                Set<Path> changed = new LinkedHashSet<>();
                handle(first, changed);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
                WatchKey next;
                while (System.nanoTime() < deadline && (next = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    handle(next, changed);
                }
                if (!closed && (lostTrack || !changed.isEmpty())) {
                    onChange.accept(lostTrack ? Set.of() : Set.copyOf(changed));
                }
                lostTrack = false;
                created.clear();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Adds the paths of one key's events that matter to the build to {@code changed}. */
    private void handle(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lostTrack = true; // events were lost: rebuild everything, and look at every folder again
                reregister();
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            String name = path.getFileName().toString();
            if (dir.equals(source)) {
                if (name.equals(SiteConfig.FILE_NAME) || folders().contains(path)) {
                    changed.add(path);
                    reregister();
                }
                continue;
            }
            if (skipped(path)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && created.remove(path)) {
                changed.remove(path);
                continue;
            }
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                created.add(path);
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    watchTree(path);
                } catch (IOException e) {
                    log.accept("cannot watch " + source.relativize(path) + ": " + e.getMessage());
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private void reregister() {
        try {
            register();
        } catch (IOException e) {
            log.accept("cannot watch the site's folders: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
        thread.interrupt();
    }
}
