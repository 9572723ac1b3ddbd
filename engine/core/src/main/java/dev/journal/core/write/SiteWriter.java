package dev.journal.core.write;

import dev.journal.core.internal.SafePaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The write stage, the only one that touches the output folder. Writes the whole site into a
 * staging folder beside the output folder, then swaps the two, so a build that fails or is killed
 * leaves the previous site as it was. A swap cut short between its two renames is completed or
 * undone by the next build. Every path is checked to stay inside the staging folder.
 */
public final class SiteWriter {

    /** Marks a folder as written by this engine; a non-empty folder without it is never replaced. */
    public static final String MARKER = ".journal-output";

    private static final String STAGING = ".staging-";
    private static final String PREVIOUS = ".previous-";

    private final Path output;

    public SiteWriter(Path output) {
        this.output = output.toAbsolutePath().normalize();
    }

    /** A path that would leave the output folder, or is otherwise unusable as a file name. */
    public static final class UnsafePathException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafePathException(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code files} as the new content of the output folder.
     *
     * @throws UnsafePathException when a path is unsafe or two files claim the same path; nothing is
     *                             changed then
     */
    public void write(List<OutputFile> files, ForkJoinPool pool) throws IOException {
        Map<String, String> origins = new HashMap<>();
        for (OutputFile f : files) {
            checkPath(f.path(), f.origin());
            String other = origins.putIfAbsent(SafePaths.fold(f.path()), f.origin());
            if (other != null) {
                throw new UnsafePathException(f.origin() + " and " + other + " both write " + f.path());
            }
        }
        recover();
        Path parent = output.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, output.getFileName() + STAGING);
        try {
            Path stagingReal = staging.toRealPath();
            // Every file is attempted, so that no task is still writing when a failure is handled.
            List<IOException> failures = pool.submit(() -> files.parallelStream().map(f -> {
                try {
                    Path target;
                    try {
                        target = stagingReal.resolve(f.path()).normalize();
                    } catch (InvalidPathException e) {
                        return (IOException) new UnsafePathException(f.origin() + " cannot be written as " + f.path()
                                + ": the file system's encoding (sun.jnu.encoding="
                                + System.getProperty("sun.jnu.encoding") + ") cannot spell the name;"
                                + " run with a UTF-8 locale such as LANG=C.UTF-8");
                    }
                    if (!target.startsWith(stagingReal)) {
                        return (IOException) new UnsafePathException(f.origin()
                                + " would write outside the output folder: " + f.path());
                    }
                    Files.createDirectories(target.getParent());
                    if (f.bytes() != null) {
                        Files.write(target, f.bytes());
                    } else {
                        Files.copy(f.source(), target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return null;
                } catch (IOException e) {
                    return e;
                }
            }).filter(java.util.Objects::nonNull).toList()).join();
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            Files.writeString(staging.resolve(MARKER), "Written by Journal; replaced as a whole by each build.\n");
            swap(staging);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /** Rejects absolute paths, {@code ..}, empty segments, backslashes and control characters. */
    static void checkPath(String path, String origin) throws UnsafePathException {
        Optional<String> why = SafePaths.problem(path);
        if (why.isPresent()) {
            throw new UnsafePathException(origin + " cannot be written as " + path + ": " + why.get());
        }
    }

    /** Replaces the output folder by the staging folder: two renames, the old site deleted last. */
    private void swap(Path staging) throws IOException {
        Path previous = null;
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            previous = output.resolveSibling(output.getFileName() + PREVIOUS + staging.getFileName().toString()
                    .substring(staging.getFileName().toString().lastIndexOf('-') + 1));
            Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                Files.move(previous, output, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (previous != null) {
            deleteTree(previous);
        }
    }

    /**
     * Puts the previous site back when a build was killed between the two renames of its swap
     * (the output folder is missing while the old site waits beside it). Cheap; every build calls
     * it first, so that even a build that then fails leaves the site in place.
     */
    public void restore() throws IOException {
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Path p : siblings(PREVIOUS)) {
            if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, output, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Finishes what an interrupted build left: the previous site put back, stale staging and old sites removed. */
    private void recover() throws IOException {
        restore();
        for (Path p : siblings(PREVIOUS)) {
            deleteTree(p);
        }
        for (Path p : siblings(STAGING)) {
            deleteTree(p);
        }
    }

    /** The output folder's siblings named after it with {@code infix} (compared as text, not as a glob). */
    private List<Path> siblings(String infix) throws IOException {
        Path parent = output.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = output.getFileName().toString() + infix;
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
