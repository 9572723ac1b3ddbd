package dev.journal.core.write;

import dev.journal.core.internal.SafePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The write stage, the only one that touches the output folder.
 *
 * <p>A first build, or one that changes much, writes the whole site into a staging folder beside
 * the output folder and swaps the two. A build that changes a few files writes their new content
 * beside the output folder first, then moves each into place, journaling every move; unchanged
 * files are not touched and keep their modification times. Either way, a build that fails leaves
 * the previous site as it was, and one killed during its last few renames is rolled back (or
 * completed) by the next build before it does anything else. Every path is checked to stay inside
 * the output folder.
 */
public final class SiteWriter {

    /** Marks a folder as written by this engine; a non-empty folder without it is never replaced. */
    public static final String MARKER = ".journal-output";

    private static final String STAGING = ".staging-";
    private static final String PREVIOUS = ".previous-";
    private static final String TXN = ".txn";
    /** Above this share of changed files, a whole new folder is cheaper than moving files one by one. */
    private static final double SWAP_SHARE = 0.3;

    private final Path output;
    private final Path manifestFile;
    private Manifest previous;

    /**
     * @param output       the output folder
     * @param manifestFile where the record of written files is kept between builds (in the build
     *                     cache); null to write the whole site every time
     */
    public SiteWriter(Path output, Path manifestFile) {
        this.output = output.toAbsolutePath().normalize();
        this.manifestFile = manifestFile;
    }

    public SiteWriter(Path output) {
        this(output, null);
    }

    /** What a write did. */
    public record Outcome(int written, int kept, int deleted, boolean swapped) {
    }

    /** A path that would leave the output folder, or is otherwise unusable as a file name. */
    public static final class UnsafePathException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafePathException(String message) {
            super(message);
        }
    }

    /**
     * The files of the output folder that are exactly as the previous build wrote them (same size and
     * modification time as recorded), with their digests; a build may skip rendering these.
     * Completes or rolls back an interrupted build first.
     */
    public Map<String, String> intact() throws IOException {
        recover();
        Manifest m = previousManifest();
        Map<String, String> intact = new HashMap<>();
        if (!Files.isRegularFile(output.resolve(MARKER))) {
            return intact;
        }
        for (var e : m.entries().entrySet()) {
            try {
                BasicFileAttributes a = Files.readAttributes(output.resolve(e.getKey()), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.size() == e.getValue().size()
                        && a.lastModifiedTime().toMillis() == e.getValue().modified()) {
                    intact.put(e.getKey(), e.getValue().digest());
                }
            } catch (NoSuchFileException ex) {
                // deleted by hand: written again
            }
        }
        return intact;
    }

    /**
     * Makes {@code files} the content of the output folder.
     *
     * @throws UnsafePathException when a path is unsafe or two files claim the same path; nothing is
     *                             changed then
     */
    public Outcome write(List<OutputFile> files, ForkJoinPool pool) throws IOException {
        checkAll(files);
        Map<String, String> intact = intact();
        boolean canUpdate = manifestFile != null && Files.isDirectory(output) && !intact.isEmpty();
        List<Change> changes = new ArrayList<>();
        Map<String, Manifest.Entry> next = new HashMap<>();
        if (canUpdate) {
            Set<String> present = new HashSet<>();
            pool.submit(() -> files.parallelStream().map(f -> compare(f, intact)).toList()).join()
                    .forEach(c -> {
                        if (c.file != null) {
                            changes.add(c);
                        } else {
                            next.put(c.path, c.entry);
                        }
                    });
            for (OutputFile f : files) {
                present.add(f.path());
            }
            for (String old : previous.entries().keySet()) {
                if (!present.contains(old)) {
                    changes.add(new Change(old, null, null));
                }
            }
        }
        int total = files.size();
        if (!canUpdate || changes.size() > Math.max(200, total * SWAP_SHARE)) {
            for (OutputFile f : files) {
                if (f.isKept()) {
                    throw new IllegalStateException("a kept file needs its previous build: " + f.path());
                }
            }
            Map<String, Manifest.Entry> entries = swapIn(files, pool);
            save(new Manifest(entries));
            return new Outcome(files.size(), 0, 0, true);
        }
        int deleted = update(changes, next, pool);
        save(new Manifest(next));
        return new Outcome(changes.size() - deleted, total - (changes.size() - deleted), deleted, false);
    }

    /** A file to write or (with no file) to delete, with its digest once known. */
    private record Change(String path, OutputFile file, Manifest.Entry entry) {
    }

    /** Whether a file differs from what the previous build wrote. */
    private Change compare(OutputFile f, Map<String, String> intact) {
        Manifest.Entry old = previous.entries().get(f.path());
        boolean there = intact.containsKey(f.path());
        if (f.isKept()) {
            if (!there) {
                throw new IllegalStateException("a kept file is not intact in the output: " + f.path());
            }
            return new Change(f.path(), null, old);
        }
        if (f.bytes() != null) {
            String digest = digest(f.bytes());
            if (there && digest.equals(old.digest())) {
                return new Change(f.path(), null, old);
            }
            return new Change(f.path(), f, null);
        }
        try {
            BasicFileAttributes a = Files.readAttributes(f.source(), BasicFileAttributes.class);
            if (there && a.size() == old.size() && a.lastModifiedTime().toMillis() == old.modified()) {
                return new Change(f.path(), null, old);
            }
        } catch (IOException e) {
            // copied below, where the failure is reported
        }
        return new Change(f.path(), f, null);
    }

    private void checkAll(List<OutputFile> files) throws UnsafePathException {
        Map<String, String> origins = new HashMap<>();
        for (OutputFile f : files) {
            checkPath(f.path(), f.origin());
            if (f.path().equals(MARKER)) {
                throw new UnsafePathException(f.origin() + " would overwrite " + MARKER);
            }
            String other = origins.putIfAbsent(SafePaths.fold(f.path()), f.origin());
            if (other != null) {
                throw new UnsafePathException(f.origin() + " and " + other + " both write " + f.path());
            }
        }
    }

    /** The whole site into a new folder, then swapped with the old one. */
    private Map<String, Manifest.Entry> swapIn(List<OutputFile> files, ForkJoinPool pool) throws IOException {
        Path parent = output.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, output.getFileName() + STAGING);
        try {
            Path root = staging.toRealPath();
            Map<String, Manifest.Entry> entries = writeAll(root, files, pool);
            Files.writeString(staging.resolve(MARKER), "Written by Journal; replaced as a whole by each build.\n");
            swap(staging);
            return entries;
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /**
     * Writes files under {@code root} in parallel; every file is attempted, so that no task is still
     * writing when a failure is handled. Returns what was written, for the manifest.
     */
    private static Map<String, Manifest.Entry> writeAll(Path root, List<OutputFile> files, ForkJoinPool pool)
            throws IOException {
        record Done(String path, Manifest.Entry entry, IOException failure) {
        }
        List<Done> done = pool.submit(() -> files.parallelStream().map(f -> {
            try {
                Path target;
                try {
                    target = root.resolve(f.path()).normalize();
                } catch (InvalidPathException e) {
                    return new Done(f.path(), null, new UnsafePathException(f.origin() + " cannot be written as "
                            + f.path() + ": the file system's encoding (sun.jnu.encoding="
                            + System.getProperty("sun.jnu.encoding") + ") cannot spell the name;"
                            + " run with a UTF-8 locale such as LANG=C.UTF-8"));
                }
                if (!target.startsWith(root)) {
                    return new Done(f.path(), null, new UnsafePathException(f.origin()
                            + " would write outside the output folder: " + f.path()));
                }
                Files.createDirectories(target.getParent());
                String digest = "";
                if (f.bytes() != null) {
                    Files.write(target, f.bytes());
                    digest = digest(f.bytes());
                } else {
                    Files.copy(f.source(), target, StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
                return new Done(f.path(), new Manifest.Entry(a.size(), a.lastModifiedTime().toMillis(), digest), null);
            } catch (IOException e) {
                return new Done(f.path(), null, e);
            }
        }).toList()).join();
        Map<String, Manifest.Entry> entries = new HashMap<>();
        for (Done d : done) {
            if (d.failure() != null) {
                throw d.failure();
            }
            entries.put(d.path(), d.entry());
        }
        return entries;
    }

    /**
     * Changes a few files in place: new contents are written beside the output folder, the moves are
     * journaled, then each file is moved into place (the old one kept aside until the end).
     */
    private int update(List<Change> changes, Map<String, Manifest.Entry> next, ForkJoinPool pool) throws IOException {
        Path txn = output.resolveSibling(output.getFileName() + TXN);
        deleteTree(txn);
        Path fresh = Files.createDirectories(txn.resolve("new")).toRealPath();
        Path aside = Files.createDirectories(txn.resolve("old")).toRealPath();
        List<OutputFile> writes = changes.stream().map(Change::file).filter(Objects::nonNull).toList();
        try {
            next.putAll(writeAll(fresh, writes, pool));
        } catch (IOException | RuntimeException e) {
            deleteTree(txn);
            throw e;
        }
        StringBuilder journal = new StringBuilder();
        for (Change c : changes) {
            journal.append(c.file() != null ? "W\t" : "D\t").append(c.path()).append('\n');
        }
        Files.writeString(txn.resolve("journal"), journal, StandardCharsets.UTF_8);
        int deleted = 0;
        Path out = output.toRealPath();
        for (Change c : changes) {
            Path target = out.resolve(c.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path old = aside.resolve(c.path());
                Files.createDirectories(old.getParent());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            if (c.file() != null) {
                Files.createDirectories(target.getParent());
                Files.move(fresh.resolve(c.path()), target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleted++;
                pruneEmptyFolders(target.getParent(), out);
            }
        }
        Files.writeString(txn.resolve("done"), "");
        deleteTree(txn);
        return deleted;
    }

    private static void pruneEmptyFolders(Path dir, Path root) throws IOException {
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                if (s.iterator().hasNext()) {
                    return;
                }
            }
            Files.delete(dir);
            dir = dir.getParent();
        }
    }

    private Manifest previousManifest() throws IOException {
        if (previous == null) {
            previous = manifestFile == null ? Manifest.empty() : Manifest.read(manifestFile);
        }
        return previous;
    }

    private void save(Manifest manifest) throws IOException {
        if (manifestFile != null) {
            manifest.write(manifestFile);
        }
        previous = manifest;
    }

    /** Rejects paths that could leave the output folder or name no file everywhere ({@link SafePaths}). */
    static void checkPath(String path, String origin) throws UnsafePathException {
        Optional<String> why = SafePaths.problem(path);
        if (why.isPresent()) {
            throw new UnsafePathException(origin + " cannot be written as " + path + ": " + why.get());
        }
    }

    /** Replaces the output folder by the staging folder: two renames, the old site deleted last. */
    private void swap(Path staging) throws IOException {
        Path old = null;
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            String id = staging.getFileName().toString();
            old = output.resolveSibling(output.getFileName() + PREVIOUS + id.substring(id.lastIndexOf('-') + 1));
            Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, output, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /**
     * Puts the previous site back when a build was killed between the two renames of its swap (the
     * output folder is missing while the old site waits beside it). Cheap; every build calls it
     * first, so that even a build that then fails leaves the site in place.
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

    /**
     * Finishes what an interrupted build left: a swap cut short is undone, moves of files into place
     * are rolled back (or kept, once all were done), stale staging and old sites are removed.
     */
    private void recover() throws IOException {
        Path txn = output.resolveSibling(output.getFileName() + TXN);
        if (Files.isDirectory(txn)) {
            if (!Files.exists(txn.resolve("done")) && Files.isRegularFile(txn.resolve("journal"))) {
                rollBack(txn);
            }
            deleteTree(txn);
            previous = Manifest.empty(); // the manifest may describe the half-applied build: verify all again
            if (manifestFile != null) {
                Files.deleteIfExists(manifestFile);
            }
        }
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

    /** Undoes the moves of an update that did not finish, newest first. */
    private void rollBack(Path txn) throws IOException {
        List<String> lines = Files.readAllLines(txn.resolve("journal"), StandardCharsets.UTF_8);
        Path aside = txn.resolve("old");
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] op = lines.get(i).split("\t", 2);
            if (op.length != 2) {
                continue;
            }
            checkPath(op[1], "the journal of an interrupted build");
            Path target = output.resolve(op[1]);
            Path old = aside.resolve(op[1]);
            if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target.getParent());
                Files.move(old, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (op[0].equals("W") && !Files.exists(txn.resolve("new").resolve(op[1]))) {
                Files.deleteIfExists(target); // created by the update: not part of the previous site
            }
        }
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
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
