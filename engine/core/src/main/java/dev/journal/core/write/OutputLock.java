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
 * undo them. The lock is a hidden file beside the output folder, {@code .<folder>.journal-lock},
 * kept there: a lock file deleted as its build ends could be taken by two builds at once, and one
 * in the temporary folder could be planted or cleaned away by others. A build that finds it taken
 * waits for the other to end, and says so.
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

    /** The lock file of an output folder: beside it (its real place: two spellings of one folder share it). */
    public static Path file(Path output) throws IOException {
        Path out = OutputFolderGuard.real(output);
        return out.resolveSibling("." + out.getFileName() + ".journal-lock");
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
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    Object opened = key(file);
                    FileLock lock = channel.tryLock();
                    if (lock == null) {
                        if (!said) {
                            log.accept("waiting for another build, which is writing " + output);
                            said = true;
                        }
                        lock = channel.lock();
                    }
                    // the engine never deletes it; someone else may have, while this build waited: then
                    // the lock is on a file no longer at the path, and it is taken again. (Looked at by
                    // its attributes: opening it again and closing it would release the lock, which the
                    // system holds per process and file.)
                    if (opened != null && opened.equals(key(file))) {
                        return new OutputLock(own, channel, lock);
                    }
                    lock.release();
                } catch (IOException | RuntimeException | Error e) {
                    channel.close();
                    throw e;
                }
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            own.unlock();
            throw e;
        }
    }

    /** The file's identity on its file system (device and inode), or null when it is not there. */
    private static Object key(Path file) throws IOException {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
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
