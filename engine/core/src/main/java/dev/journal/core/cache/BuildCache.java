package dev.journal.core.cache;

import dev.journal.core.internal.BackgroundSave;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The build cache folder ({@code target/journal-cache} by default; safe to delete at any time): what
 * a build keeps so that the next one does only what changed. One build at a time uses it: a build
 * that finds it locked (a preview server running beside a build, say) goes without.
 */
public final class BuildCache implements AutoCloseable {

    private final FileChannel lockFile;
    private final FileLock lock;
    private final Path dir;
    private final String key;
    private ArticleStore articles;
    private BackgroundSave ahead;

    private BuildCache(FileChannel lockFile, FileLock lock, Path dir, String key) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.dir = dir;
        this.key = key;
    }

    /** What the cache is keyed on: the engine's code and the site's configuration. */
    public String key() {
        return key;
    }

    /**
     * Opens the cache in {@code dir} for a build whose engine and configuration give {@code key};
     * null when another build holds it.
     */
    public static BuildCache open(Path dir, String key) throws IOException {
        Files.createDirectories(dir);
        BuildCache cache = locked(FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), dir, key);
        if (cache != null) {
            removeRetired(dir);
        }
        return cache;
    }

    /**
     * Files about one output folder as the engine named them until December 2026, by the hex of
     * the folder path's {@code String.hashCode} (at most 8 digits; they are now named by 16 digits
     * of a SHA-256): no build reads them any more, and each holds megabytes at archive scale.
     */
    private static final java.util.regex.Pattern RETIRED =
            java.util.regex.Pattern.compile("(?:output-[0-9a-f]{1,8}\\.manifest|(?:related|render|search|stamp)-[0-9a-f]{1,8})");

    /** Removes the {@link #RETIRED} files of {@code dir}, as well as it can (only disk space is at stake). */
    static void removeRetired(Path dir) {
        try (var files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (RETIRED.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for the next build
        }
    }

    /** The cache with its lock file {@code channel} locked; null, the channel closed, when another build holds it. */
    private static BuildCache locked(FileChannel channel, Path dir, String key) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this process's own build holds it
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        return new BuildCache(channel, lock, dir, EngineIdentity.digest() + "/" + key);
    }

    /**
     * Opens the cache a build made in {@code dir}, for a reader that writes nothing (a check):
     * nothing is created, and null is returned when there is no such cache, when a build holds it,
     * or when it cannot be locked (a folder this user may not write, say).
     */
    public static BuildCache openExisting(Path dir, String key) {
        try {
            return locked(FileChannel.open(dir.resolve("lock"), StandardOpenOption.WRITE), dir, key);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The parse cache, read when first asked for (a build with nothing to do never reads it). */
    public ArticleStore articles() throws IOException {
        return articles(null);
    }

    /**
     * The parse cache, going on from {@code last} (the store of this process's last build, which
     * {@link #keepArticles} handed out) when nothing else wrote the cache since; see
     * {@link ArticleStore#resume}.
     */
    public ArticleStore articles(ArticleStore last) throws IOException {
        if (articles == null) {
            articles = ArticleStore.resume(last, dir, key);
        } else if (last != null && last != articles) {
            last.close();
        }
        return articles;
    }

    /**
     * The parse cache as the last build left it, for a reader that keeps nothing (a check): nothing
     * in the folder is created or changed; null when the last build had another engine or
     * configuration, or there was none.
     */
    public ArticleStore articlesToRead() {
        if (articles == null) {
            articles = ArticleStore.openToRead(dir, key);
        }
        return articles;
    }

    /**
     * Hands the parse cache, after {@link #commit}, to the caller to offer to its next build (the
     * preview builds again and again), and no longer closes it; null when it cannot go on from
     * memory (it is then closed with the cache).
     */
    public ArticleStore keepArticles() {
        ArticleStore kept = articles != null && articles.resumable() ? articles : null;
        if (kept != null) {
            articles = null;
        }
        return kept;
    }

    /**
     * Starts {@link #commit} on a thread of its own, beside the rest of the build, when the parse is
     * over and the parse cache would only append to its logs: moving them to a new generation closes
     * the bodies log that rendering reads, and waits for {@link #commit} instead. What it saves is
     * this build's parse, which stays true of the sources whatever becomes of the build after it.
     * Not for a store that is handed on ({@link #keepArticles}).
     */
    public void commitAhead() {
        if (canCommitAhead()) {
            ahead = BackgroundSave.start("journal-cache-save", articles::save);
        }
    }

    /** As {@link #commitAhead()}, the save run by {@code executor}. */
    void commitAhead(java.util.concurrent.Executor executor) {
        if (canCommitAhead()) {
            ahead = BackgroundSave.start(articles::save, executor);
        }
    }

    private boolean canCommitAhead() {
        return articles != null && ahead == null && !articles.compacts();
    }

    /** Keeps what this build made, for the next one; called after a successful build. */
    public void commit() throws IOException {
        if (ahead != null) {
            ahead.await();
        } else if (articles != null) {
            articles.save();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (ahead != null) {
                try {
                    ahead.await(); // the store is not closed under its save
                } catch (IOException | RuntimeException e) {
                    // the build that started it reports it from commit, or has failed already
                }
            }
            if (articles != null) {
                articles.close();
            }
        } finally {
            lock.release();
            lockFile.close();
        }
    }
}
