package dev.journal.core.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

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
        Set<String> seen = new HashSet<>();
        Map<String, String> origins = new HashMap<>();
        for (OutputFile f : files) {
            checkPath(f.path());
            String folded = f.path().toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(folded)) {
                throw new UnsafePathException(f.origin() + " and " + origins.get(folded) + " both write "
                        + f.path());
            }
            origins.put(folded, f.origin());
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
                    Path target = stagingReal.resolve(f.path()).normalize();
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
    static void checkPath(String path) throws UnsafePathException {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || path.contains("//") || path.length() > 4096) {
            throw new UnsafePathException("unusable output path: " + path);
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new UnsafePathException("unusable output path: " + path);
            }
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7f || path.charAt(i) == ':' && i == 1) {
                throw new UnsafePathException("unusable output path: " + path);
            }
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
        Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        if (previous != null) {
            deleteTree(previous);
        }
    }

    /**
     * Finishes what an interrupted build left: if the output folder is missing while a previous
     * site waits beside it, that site is put back; stale staging folders are removed.
     */
    private void recover() throws IOException {
        Path parent = output.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String name = output.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, name + ".*")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.startsWith(name + PREVIOUS)) {
                    if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(p, output, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        deleteTree(p);
                    }
                } else if (n.startsWith(name + STAGING)) {
                    deleteTree(p);
                }
            }
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
