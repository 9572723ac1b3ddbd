package dev.journal.core.internal;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * A save of a build's cache running beside the rest of the build, which waits for it (and learns
 * how it failed) before it calls the cache kept.
 */
public final class BackgroundSave {

    /** What is saved. */
    public interface Task {
        void run() throws IOException;
    }

    private final FutureTask<Void> task;

    private BackgroundSave(Task save) {
        this.task = new FutureTask<>(() -> {
            save.run();
            return null;
        });
    }

    /** Starts {@code save} on a daemon thread of that name: a process that ends on an error does not wait for it. */
    public static BackgroundSave start(String name, Task save) {
        return start(save, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Starts {@code save} on {@code executor}. */
    public static BackgroundSave start(Task save, Executor executor) {
        BackgroundSave s = new BackgroundSave(save);
        executor.execute(s.task);
        return s;
    }

    /** Waits for the save, and rethrows what it failed with. */
    public void await() throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
