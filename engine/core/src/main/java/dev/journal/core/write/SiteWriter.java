package dev.journal.core.write;

import dev.journal.core.internal.FileVersion;
import dev.journal.core.internal.SafePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The write stage, the only one that touches the output folder.
 *
 * <p>Files are handed to a {@link Session} as the render stage makes them, so the site is never
 * held in memory as a whole. A first build, or one that changes nearly everything, writes the whole
 * site into a staging folder beside the output folder and swaps the two when it commits. A rebuild
 * writes only the files whose bytes changed, beside the output folder, and at commit moves each into
 * place, journaling every move; unchanged files are not touched and keep their modification times.
 * Nothing in the output folder changes before the commit, so a build that fails leaves the previous
 * site as it was, and one killed during its last renames is rolled back (or completed) by the next
 * build before it does anything else. Every path is checked to stay inside the output folder.
 */
public final class SiteWriter {

    /** Marks a folder as written by this engine; a non-empty folder without it is never replaced. */
    public static final String MARKER = ".journal-output";

    private static final String STAGING = ".staging-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREVIOUS = ".previous-";
    private static final String TXN = ".txn";
    /** In the transaction folder: the moves of an update, written before the first of them. */
    private static final String JOURNAL = "journal";

    private final Path output;
    private final Path manifestFile;
    private Manifest previous;
    private Object previousVersion;

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
    public record Outcome(int written, int kept, int deleted, boolean swapped, List<String> leftBehind) {
        public Outcome {
            leftBehind = List.copyOf(leftBehind);
        }
    }

    /**
     * Folders beside the output folder that the writer failed to remove (an old site it replaced, a
     * staging folder an interrupted build left), each with why: the site is written all the same.
     */
    private final List<String> leftBehind = java.util.Collections.synchronizedList(new ArrayList<>());

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
        if (previous != null && manifestFile != null && !FileVersion.of(manifestFile).equals(previousVersion)) {
            previous = null; // another build wrote it since this writer last did
        }
        Manifest m = previousManifest();
        if (!Files.isRegularFile(output.resolve(MARKER))) {
            return new HashMap<>();
        }
        // one stat per file, tens of thousands of them: on all cores, each core taking a run of
        // paths in their order, so that the files of one folder are looked at one after another
        List<Map.Entry<String, Manifest.Entry>> entries = new ArrayList<>(m.entries().entrySet());
        entries.sort(Map.Entry.comparingByKey());
        Map<String, String> intact = new ConcurrentHashMap<>(entries.size() * 2);
        List<IOException> failures = entries.parallelStream().map(e -> {
            try {
                BasicFileAttributes a = Files.readAttributes(output.resolve(e.getKey()), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.size() == e.getValue().size()
                        && a.lastModifiedTime().toMillis() == e.getValue().modified()) {
                    intact.put(e.getKey(), e.getValue().digest());
                }
                return null;
            } catch (NoSuchFileException | InvalidPathException ex) {
                return null; // deleted by hand, or a name no file can have: written again
            } catch (IOException ex) {
                return ex;
            }
        }).filter(java.util.Objects::nonNull).toList();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new HashMap<>(intact);
    }

    /** Whether the output folder holds exactly what the previous build wrote (and it wrote something). */
    public boolean upToDate() throws IOException {
        Map<String, String> intact = intact();
        return !intact.isEmpty() && intact.size() == previousManifest().entries().size();
    }

    /**
     * Starts writing a new version of the site.
     *
     * @param wholeSite the caller expects nearly every file to change (a first build, new templates):
     *                  write a new folder and swap, rather than move files one by one
     */
    public Session open(boolean wholeSite) throws IOException {
        return open(wholeSite, intact());
    }

    /**
     * As {@link #open(boolean)}, with what {@link #intact} found just before (say beside the parse,
     * as long as nothing wrote to the output folder since).
     */
    public Session open(boolean wholeSite, Map<String, String> intact) throws IOException {
        return open(wholeSite, intact, System.currentTimeMillis());
    }

    /**
     * As {@link #open(boolean, Map)}, for a build that began reading its sources at {@code readFrom}
     * (milliseconds since the epoch, by the earlier of the computer's and the file system's clocks):
     * a copied file's source is later trusted by its size and time only when that time is well
     * before the moment it was read (see {@link #sameSource}).
     */
    public Session open(boolean wholeSite, Map<String, String> intact, long readFrom) throws IOException {
        boolean update = !wholeSite && manifestFile != null && Files.isDirectory(output) && !intact.isEmpty();
        Files.createDirectories(output.getParent());
        return new Session(update, intact, Math.min(readFrom, System.currentTimeMillis()));
    }

    /** Makes {@code files} the content of the output folder, as one session. */
    public Outcome write(List<OutputFile> files, ForkJoinPool pool) throws IOException {
        Session session = open(false);
        try {
            List<IOException> failures = pool.submit(() -> files.parallelStream().map(f -> {
                try {
                    session.put(f);
                    return null;
                } catch (IOException e) {
                    return e;
                }
            }).filter(e -> e != null).toList()).join();
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            return session.commit();
        } catch (IOException | RuntimeException e) {
            session.abort();
            throw e;
        }
    }

    /**
     * One version of the site being written: {@link #put} from any thread, then {@link #commit} (or
     * {@link #abort}). The output folder itself is only touched by {@code commit}.
     */
    public final class Session {
        private final boolean update;
        private final Map<String, String> intact;
        private final Path root;
        private final Path realRoot;
        private final Map<String, Manifest.Entry> entries = new ConcurrentHashMap<>();
        private final Map<String, String> origins = new ConcurrentHashMap<>();
        /** Each path written, with its staged file's name when the session updates in place. */
        private final Map<String, String> written = new ConcurrentHashMap<>();
        /** Names the staged files of an update: one flat folder, rather than a copy of the site's folders. */
        private final java.util.concurrent.atomic.AtomicInteger staged = new java.util.concurrent.atomic.AtomicInteger();
        /** The folders this session asked for under its root: each is asked for once, not once per file in it. */
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();

        /** When this build began reading its sources, in milliseconds: kept with each copied file. */
        private final long readFrom;

        private Session(boolean update, Map<String, String> intact, long readFrom) throws IOException {
            this.update = update;
            this.readFrom = readFrom;
            this.intact = intact;
            if (update) {
                Path txn = output.resolveSibling(output.getFileName() + TXN);
                deleteTree(txn);
                this.root = Files.createDirectories(txn.resolve("new"));
            } else {
                this.root = stagingFolder();
            }
            this.realRoot = root.toRealPath();
        }

        /**
         * A new, empty folder beside the output, which becomes the output on {@link #commit}. Made as
         * any other folder of the site is, with the permissions the process's umask gives, so that a
         * web server running as another user can read the site: {@code Files.createTempDirectory}
         * would make it readable by its owner only.
         */
        private Path stagingFolder() throws IOException {
            String prefix = output.getFileName() + STAGING;
            for (int attempt = 0;; attempt++) {
                Path candidate = output.resolveSibling(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException e) {
                    if (attempt == 100) {
                        throw e;
                    }
                }
            }
        }

        /** Whether this session changes files in place (a rebuild) rather than swapping folders. */
        public boolean updatesInPlace() {
            return update;
        }

        /** The output files exactly as the previous build wrote them, when this session updates in place. */
        public Set<String> intact() {
            return update ? Collections.unmodifiableSet(intact.keySet()) : Set.of();
        }

        /** Adds a file; generated bytes are written at once (or not at all when they did not change). */
        public void put(OutputFile f) throws IOException {
            checkPath(f.path(), f.origin());
            if (f.path().equals(MARKER)) {
                throw new UnsafePathException(f.origin() + " would overwrite " + MARKER);
            }
            String other = origins.putIfAbsent(SafePaths.fold(f.path()), f.origin());
            if (other != null) {
                throw new UnsafePathException(f.origin() + " and " + other + " both write " + f.path());
            }
            Manifest.Entry old = previousManifest().entries().get(f.path());
            boolean there = update && intact.containsKey(f.path());
            if (f.isKept()) {
                if (!there) {
                    throw new IllegalStateException("a kept file is not intact in the output: " + f.path());
                }
                entries.put(f.path(), old);
                return;
            }
            String digest = f.bytes() != null ? digest(f.bytes()) : READ_AT + readFrom;
            if (there && (f.bytes() != null ? digest.equals(old.digest()) : sameSource(f.source(), old))) {
                entries.put(f.path(), old);
                return;
            }
            if (there && f.bytes() == null) {
                // the same bytes under another time (saved again unchanged, touched): the output keeps its
                // time, and the manifest the source's, so that the next build does not compare them again.
                // The time is taken first: a save during the comparison gives the source a later one.
                long sourceTime = Files.getLastModifiedTime(f.source()).toMillis();
                if (sameBytes(f.source(), output.resolve(f.path()), old)) {
                    entries.put(f.path(), new Manifest.Entry(old.size(), old.modified(), SOURCE_TIME + sourceTime
                            + " " + READ_AT + readFrom));
                    return;
                }
            }
            Path target = target(f);
            if (update) {
                // staged flat, by number: a rebuild that writes a thousand pages, each in its own
                // folder, then makes no folders but those the site lacks
                target = realRoot.resolve(Integer.toString(staged.incrementAndGet()));
            } else if (!folders.contains(target.getParent())) {
                Files.createDirectories(target.getParent());
                folders.add(target.getParent());
            }
            if (f.bytes() != null) {
                Files.write(target, f.bytes());
            } else {
                Files.copy(f.source(), target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            }
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
            entries.put(f.path(), new Manifest.Entry(a.size(), a.lastModifiedTime().toMillis(), digest));
            written.put(f.path(), update ? target.getFileName().toString() : "");
        }

        /** The paths added so far, with what produced each. */
        public Map<String, String> origins() {
            return Map.copyOf(origins);
        }

        private Path target(OutputFile f) throws UnsafePathException {
            Path target;
            try {
                target = realRoot.resolve(f.path()).normalize();
            } catch (InvalidPathException e) {
                throw new UnsafePathException(f.origin() + " cannot be written as " + f.path()
                        + ": the file system's encoding (sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding")
                        + ") cannot spell the name; run with a UTF-8 locale such as LANG=C.UTF-8");
            }
            if (!target.startsWith(realRoot)) {
                throw new UnsafePathException(f.origin() + " would write outside the output folder: " + f.path());
            }
            return target;
        }

        /** Makes what was put the site: the swap, or the journaled moves and deletions. */
        public Outcome commit() throws IOException {
            Map<String, Manifest.Entry> next = new HashMap<>(entries);
            clashes(origins.keySet());
            if (!update) {
                Files.writeString(root.resolve(MARKER), "Written by Journal; replaced as a whole by each build.\n");
                swap(root);
                save(new Manifest(next));
                return new Outcome(next.size(), 0, 0, true, takeLeftBehind());
            }
            List<String> deletions = new ArrayList<>();
            for (String old : previousManifest().entries().keySet()) {
                if (!next.containsKey(old)) {
                    deletions.add(old);
                }
            }
            List<String> writes = new ArrayList<>(written.keySet());
            writes.sort(null);
            deletions.sort(null);
            apply(root.getParent(), writes, written, deletions);
            save(new Manifest(next));
            return new Outcome(writes.size(), next.size() - writes.size(), deletions.size(), false, takeLeftBehind());
        }

        /**
         * Refuses a site in which one path is a file and also a folder of others ({@code folded}: the
         * paths put, as {@link SafePaths#fold} compares them), before anything in the output folder
         * moves, whichever way the site is written: staged flat, an update would only meet the clash
         * half-way through its moves.
         */
        private static void clashes(Set<String> folded) throws UnsafePathException {
            for (String p : folded) {
                for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                    if (folded.contains(p.substring(0, slash))) {
                        throw new UnsafePathException(p.substring(0, slash) + " would be both a file and a folder of "
                                + "the site");
                    }
                }
            }
        }

        /**
         * Removes what was written; the output folder was never touched, or its update was rolled
         * back. Only an update whose rollback failed leaves its journal, and then the transaction
         * folder stays as it is, for the next build to roll back.
         */
        public void abort() throws IOException {
            if (!update) {
                deleteTree(root);
            } else if (!Files.exists(root.getParent().resolve(JOURNAL))) {
                deleteTree(root.getParent());
            }
        }
    }

    private static boolean sameSource(Path source, Manifest.Entry old) {
        try {
            BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
            long time = a.lastModifiedTime().toMillis();
            // a time close to when the source was read is not trusted: on a file system whose clock
            // ticks in seconds, a second save in the same tick keeps size and time (SourceStamps)
            return a.size() == old.size() && time == sourceTime(old) && time + SETTLED_MILLIS < readAt(old);
        } catch (IOException e) {
            return false; // copied, where the failure is reported
        }
    }

    /**
     * In a copied file's manifest entry, in place of a digest: the time of its source when that
     * differs from the copy's, because the source got another time with the same bytes.
     */
    private static final String SOURCE_TIME = "source-time ";

    /** In a copied file's manifest entry: when the build that copied (or compared) it began reading its sources. */
    private static final String READ_AT = "read-at ";

    /** How long before its reading a source's time must be for the time to tell it apart from a later save. */
    private static final long SETTLED_MILLIS = dev.journal.core.internal.FileVersion.SETTLED_NANOS / 1_000_000;

    /** The time of the source a copied file was made from: the copy's own, unless the entry says otherwise. */
    private static long sourceTime(Manifest.Entry copied) {
        String d = copied.digest();
        if (!d.startsWith(SOURCE_TIME)) {
            return copied.modified();
        }
        int end = d.indexOf(' ', SOURCE_TIME.length());
        return Long.parseLong(d.substring(SOURCE_TIME.length(), end < 0 ? d.length() : end));
    }

    /** When the source of a copied file was read; the earliest time when the entry does not say. */
    private static long readAt(Manifest.Entry copied) {
        String d = copied.digest();
        int at = d.indexOf(READ_AT);
        return at < 0 ? Long.MIN_VALUE : Long.parseLong(d.substring(at + READ_AT.length()));
    }

    /** Whether a source holds the very bytes of the copy an earlier build made of it. */
    private static boolean sameBytes(Path source, Path copy, Manifest.Entry old) {
        try {
            return Files.size(source) == old.size() && Files.mismatch(source, copy) == -1L;
        } catch (IOException e) {
            return false; // copied, where the failure is reported
        }
    }

    /**
     * Moves new files into place and old ones aside (journaled first, so that the next build can roll
     * back a run that was cut short), then removes what was set aside. A journal line is the move's
     * kind, the name of the staged and the set-aside file (both in flat folders) and the site's path.
     * The journal appears whole or not at all (written beside, then renamed), and a move that fails is
     * rolled back here and now; should the rollback fail too, the journal stays for the next build's.
     *
     * @param staged each written path's staged file in {@code txn/new}
     */
    private void apply(Path txn, List<String> writes, Map<String, String> staged, List<String> deletions)
            throws IOException {
        Path fresh = txn.resolve("new");
        Path aside = Files.createDirectories(txn.resolve("old"));
        StringBuilder journal = new StringBuilder();
        writes.forEach(p -> journal.append("W\t").append(staged.get(p)).append('\t').append(p).append('\n'));
        for (int i = 0; i < deletions.size(); i++) {
            journal.append("D\td").append(i).append('\t').append(deletions.get(i)).append('\n');
        }
        Path out = output.toRealPath();
        Set<Path> ownFolders = new java.util.HashSet<>();
        for (String path : writes) {
            noLinkOnTheWay(out, path, ownFolders);
        }
        for (String path : deletions) {
            noLinkOnTheWay(out, path, ownFolders);
        }
        Path part = Files.writeString(txn.resolve(JOURNAL + ".part"), journal, StandardCharsets.UTF_8);
        Files.move(part, txn.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
        String current = null;
        try {
            Set<Path> folders = new java.util.HashSet<>();
            for (String path : writes) {
                current = path;
                Path target = out.resolve(path);
                String name = staged.get(path);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(target, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                } else if (folders.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                Files.move(fresh.resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
            }
            for (int i = 0; i < deletions.size(); i++) {
                current = deletions.get(i);
                Path target = out.resolve(current);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(target, aside.resolve("d" + i), StandardCopyOption.ATOMIC_MOVE);
                }
                pruneEmptyFolders(target.getParent(), out);
            }
        } catch (IOException | RuntimeException e) {
            String after;
            try {
                rollBack(txn);
                Files.delete(txn.resolve(JOURNAL)); // rolled back: the session's abort may remove the rest
                after = "the output folder is back as the previous build left it";
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
                after = "the next build puts the previous site back first";
            }
            if (e instanceof IOException io) {
                String why = io instanceof FileAlreadyExistsException taken
                        ? taken.getFile() + " is in the way (a file where the site needs a folder, put there by hand?)"
                        : io.toString();
                throw new IOException("could not update " + current + " in " + out + ": " + why + "; " + after, io);
            }
            throw e;
        }
        Files.writeString(txn.resolve("done"), "");
        deleteTree(txn);
    }

    /**
     * Refuses to move a file through a symbolic link to a folder inside the output folder (put there
     * by hand): the move would write, or delete, a file outside the site. {@code checked} holds the
     * folders found to be the output's own, with all their parents, so that each is looked at once.
     */
    private static void noLinkOnTheWay(Path out, String path, Set<Path> checked) throws UnsafePathException {
        for (Path dir = out.resolve(path).getParent(); dir != null && dir.startsWith(out) && !dir.equals(out)
                && checked.add(dir); dir = dir.getParent()) {
            if (Files.isSymbolicLink(dir)) {
                throw new UnsafePathException(out.relativize(dir) + " in the output folder " + out + " is a symbolic "
                        + "link, and " + path + " would be written through it, outside the site; remove the link "
                        + "(the next build writes the folder itself)");
            }
        }
    }

    private static void pruneEmptyFolders(Path dir, Path root) throws IOException {
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                if (s.iterator().hasNext()) {
                    return;
                }
            } catch (NoSuchFileException e) {
                // already gone
            }
            Files.deleteIfExists(dir);
            dir = dir.getParent();
        }
    }

    /**
     * The manifest of the previous build: read once, then kept in memory for a writer that writes
     * again (the preview's) as long as the file is the one this writer wrote last (see {@link #intact}).
     */
    private Manifest previousManifest() throws IOException {
        if (previous == null) {
            // the version first: a file replaced while it is read is then read again next time
            previousVersion = manifestFile == null ? null : FileVersion.of(manifestFile);
            previous = manifestFile == null ? Manifest.empty() : Manifest.read(manifestFile);
        }
        return previous;
    }

    private void save(Manifest manifest) throws IOException {
        if (manifestFile != null) {
            previousVersion = manifest.write(manifestFile);
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
            removeBeside(old); // the new site is in place: failing to delete the old one fails nothing
        }
    }

    /** Deletes a folder beside the output folder, or notes why it could not. */
    private void removeBeside(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            leftBehind.add(folder + " (" + dev.journal.core.IoMessage.reason(e) + ")");
        }
    }

    private List<String> takeLeftBehind() {
        synchronized (leftBehind) {
            List<String> taken = List.copyOf(leftBehind);
            leftBehind.clear();
            return taken;
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
            if (!Files.exists(txn.resolve("done")) && Files.isRegularFile(txn.resolve(JOURNAL))) {
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
            removeBeside(p);
        }
        for (Path p : siblings(STAGING)) {
            removeBeside(p);
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
        // decoded leniently: a damaged line names no file of the site, and is skipped below
        List<String> lines = new String(Files.readAllBytes(txn.resolve(JOURNAL)), StandardCharsets.UTF_8)
                .lines().toList();
        Path aside = txn.resolve("old");
        Set<Path> ownFolders = new java.util.HashSet<>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] op = lines.get(i).split("\t", 3);
            if (op.length != 3 || !op[1].matches("d?[0-9]+")) {
                continue; // not a line this engine writes: the manifest is dropped, and all compared again
            }
            checkPath(op[2], "the journal of an interrupted build");
            noLinkOnTheWay(output, op[2], ownFolders);
            Path target = output.resolve(op[2]);
            Path old = aside.resolve(op[1]);
            if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target.getParent());
                Files.move(old, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (op[0].equals("W") && !Files.exists(txn.resolve("new").resolve(op[1]))) {
                // created by the update, maybe with its folders: not part of the previous site
                if (Files.deleteIfExists(target)) {
                    pruneEmptyFolders(target.getParent(), output);
                }
            }
        }
    }

    static String digest(byte[] bytes) {
        return dev.journal.core.internal.Digests.sha256(bytes);
    }

    /** Deletes a folder and everything in it (links themselves, never what they point to); nothing if absent. */
    public static void deleteTree(Path root) throws IOException {
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
