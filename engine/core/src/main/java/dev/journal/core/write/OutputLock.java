package dev.journal.core.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One build at a time writes an output folder: two at once (a save in the editor while CI runs, a
 * second terminal) would each take the other's half-moved files for an interrupted build's and
 * undo them. The lock is a small file in the user's temporary folder, named after the output
 * folder's real path, kept there (a lock file deleted as its build ends could be taken by two
 * builds at once); a build that finds it taken waits for the other to end, and says so.
 */
public final class OutputLock implements AutoCloseable {

    /** Builds of this process: a file lock is the process's, so its threads take turns here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock own;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(ReentrantLock own, FileChannel channel, FileLock lock) {
        this.own = own;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock file of an output folder: in {@code journal-locks-<user>} of the temporary folder,
     * named by a digest of the folder's real path (its nearest existing parent's, and the rest).
     */
    public static Path file(Path output) throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"),
                "journal-locks-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
        Files.createDirectories(folder);
        String name = dev.journal.core.internal.Digests.sha256(real(output).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
        return folder.resolve(name + ".lock");
    }

    /** The real path of a folder that may not exist yet: its nearest existing parent's, with the rest. */
    private static Path real(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        java.util.Deque<Path> rest = new java.util.ArrayDeque<>();
        while (existing != null && !Files.exists(existing)) {
            rest.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? abs.getRoot() : existing.toRealPath();
        while (!rest.isEmpty()) {
            real = real.resolve(rest.pop());
        }
        return real;
    }

    /** Takes the output folder's lock, waiting (and saying so once) while another build holds it. */
    public static OutputLock take(Path output, Consumer<String> log) throws IOException {
        Path file = file(output);
        ReentrantLock own = IN_PROCESS.computeIfAbsent(file, k -> new ReentrantLock());
        boolean said = false;
        if (!own.tryLock()) {
            log.accept("waiting for another build of this process, which is writing " + output);
            said = true;
            own.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!said) {
                    log.accept("waiting for another build, which is writing " + output);
                }
                lock = channel.lock();
            }
            return new OutputLock(own, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            own.unlock();
            throw e;
        }
    }

    /** Lets the next build go; the file stays. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            own.unlock();
        }
    }
}
