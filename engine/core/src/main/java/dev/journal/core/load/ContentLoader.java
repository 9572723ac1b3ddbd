package dev.journal.core.load;

import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The load stage: walks the content and asset folders and reads the content files.
 *
 * <p>Symbolic links are followed only while they stay inside the site's source folder; loops are
 * detected and skipped. Dot-files and dot-folders ({@code .git}, {@code .svn}, ...), editor
 * leftovers ({@code *~}, {@code .#*}, {@code #*#}, {@code *.swp}) and folders holding JBake's
 * {@code .jbakeignore} marker are ignored; in the asset folder, as in JBake, dot-files and
 * dot-folders are copied unless {@code asset.ignore} is true ({@code .nojekyll}, {@code .htaccess},
 * {@code .well-known/}), but for version-control folders and {@code .DS_Store}.
 */
public final class ContentLoader {

    /** JBake's AsciiDoc extensions. */
    public static final Set<String> ASCIIDOC_EXTENSIONS = Set.of("ad", "adoc", "asciidoc");

    /** File extensions read as documents (Markdown, HTML, AsciiDoc); everything else in the content folder is copied. */
    public static final Set<String> DOCUMENT_EXTENSIONS = Set.of("md", "markdown", "html", "htm", "ad", "adoc",
            "asciidoc");

    /** Larger content files are refused rather than risk the build's memory. */
    static final long MAX_DOCUMENT_BYTES = 32L * 1024 * 1024;

    /**
     * Dot-names never copied from the asset folder, whatever {@code asset.ignore} says: version
     * control, Finder's files, and the marker of an output folder, which only the writer writes
     * (at the root it would fail the build; deeper it would make a folder of the site look like
     * an output folder to a later build pointed at it).
     */
    private static final Set<String> NEVER_ASSETS = Set.of(".git", ".svn", ".hg", ".bzr", ".DS_Store",
            dev.journal.core.write.SiteWriter.MARKER);

    private final SiteConfig config;
    private final Path root;

    public ContentLoader(Path sourceDir, SiteConfig config) throws IOException {
        this.root = sourceDir.toRealPath();
        this.config = config;
    }

    /** Walks the folders; never throws for one bad file, reports it instead. */
    public Sources load() throws IOException {
        return load(SourceStamps.NONE);
    }

    /**
     * Walks the folders, reading no content file: the parse reads each when it comes to it. A
     * document's digest is given when {@code known} says it is unchanged since an earlier build.
     */
    public Sources load(SourceStamps known) throws IOException {
        List<SourceFile> documents = new ArrayList<>();
        List<StaticFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path content = root.resolve(config.get("content.folder").trim());
        if (Files.isDirectory(content)) {
            Walk walk = walked(content, false, true);
            problems.addAll(walk.problems());
            for (Found found : walk.files()) {
                Taken t = take(found, content, known);
                if (t.problem() != null) {
                    problems.add(t.problem());
                }
                if (t.document() != null) {
                    documents.add(t.document());
                }
                if (t.file() != null) {
                    files.add(t.file());
                }
            }
        } else {
            problems.add(Problem.warning(config.get("content.folder"), 0, "there is no content folder"));
        }
        Path assets = root.resolve(config.get("asset.folder").trim());
        if (Files.isDirectory(assets)) {
            Walk walk = walked(assets, hiddenAssets(config), true);
            problems.addAll(walk.problems());
            for (Found found : walk.files()) {
                files.add(staticFile(found, relative(assets, found.file())));
            }
        }
        documents.sort(Comparator.comparing(SourceFile::path));
        files.sort(Comparator.comparing(StaticFile::target));
        return new Sources(documents, files, problems);
    }

    /**
     * A digest of what the sources are without reading them: the path, size and modification time
     * of every file the loader would take from the content, asset, template and data folders. Equal
     * digests mean nothing was added, removed or saved since (a change that keeps size and time, as
     * only a deliberate tool makes, goes unseen; delete the build cache then). A {@link #load}
     * after it on the same loader takes the files and their attributes from the same walk.
     */
    public Stamp stamp() throws IOException {
        StringBuilder sb = new StringBuilder(1 << 16);
        long newest = Long.MIN_VALUE;
        for (String key : List.of("content.folder", "asset.folder", "template.folder", "data.folder")) {
            Path folder = root.resolve(config.get(key).strip());
            sb.append(key).append('\n');
            if (!Files.isDirectory(folder)) {
                continue;
            }
            // the data files are read in folders holding .jbakeignore too (DataFiles), so they are looked at there
            for (Found found : walked(folder, key.equals("asset.folder") && hiddenAssets(config),
                    !key.equals("data.folder")).files()) {
                BasicFileAttributes a = found.attrs();
                sb.append(relative(root, found.file())).append('\t').append(a.size()).append('\t')
                        .append(a.lastModifiedTime().toMillis()).append('\n');
                newest = Math.max(newest, a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
        }
        return new Stamp(dev.journal.core.internal.Digests.sha256(sb.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), newest);
    }

    /**
     * What the sources are, without reading them.
     *
     * @param digest of the path, size and time of every file
     * @param newest the latest modification time among them, in nanoseconds since the epoch
     */
    public record Stamp(String digest, long newest) {
    }

    /** Whether the asset folder's dot-files and dot-folders are copied ({@code asset.ignore=false}). */
    public static boolean hiddenAssets(SiteConfig config) {
        return !config.flag("asset.ignore");
    }

    /**
     * Whether a file or folder name is one the loader skips; with {@code hiddenToo} (the asset
     * folder's, unless {@code asset.ignore}) dot-files and dot-folders are taken but for
     * version control's, editor leftovers and the few never copied.
     */
    public static boolean ignored(String name, boolean hiddenToo) {
        // ._name: the resource forks macOS writes beside files on other file systems
        if (hiddenToo && name.startsWith(".") && !name.startsWith(".#") && !name.startsWith("._")
                && !NEVER_ASSETS.contains(name)) {
            return leftover(name);
        }
        return ignored(name);
    }

    /** Whether a file or folder name is one the loader skips. */
    public static boolean ignored(String name) {
        return name.startsWith(".") || leftover(name);
    }

    /** Editors' backups and swap files, and the files operating systems leave in folders. */
    private static boolean leftover(String name) {
        return name.endsWith("~") || name.startsWith("#") && name.endsWith("#")
                || name.endsWith(".swp") || name.endsWith(".swo") || name.endsWith(".swx")
                || name.endsWith(".tmp") || name.equals("Thumbs.db") || name.equals("desktop.ini");
    }

    /** A file a walk found, with its attributes as the walk read them (a link's target's). */
    private record Found(Path file, BasicFileAttributes attrs) {
    }

    /** The files of a folder, by name, and what the walk had to skip. */
    private record Walk(List<Found> files, List<Problem> problems) {
    }

    /** Each folder's walk, made once per loader: a stamp and then a load stat every file once. */
    private final Map<List<Object>, Walk> walks = new HashMap<>();

    /** @param hiddenToo whether dot-files and dot-folders are taken (the asset folder's, by default) */
    private Walk walked(Path folder, boolean hiddenToo, boolean jbakeIgnore) throws IOException {
        List<Object> key = List.of(folder, hiddenToo, jbakeIgnore);
        Walk walk = walks.get(key);
        if (walk == null) {
            List<Problem> problems = new ArrayList<>();
            List<Found> files = walk(folder, hiddenToo, jbakeIgnore, problems);
            walk = new Walk(List.copyOf(files), List.copyOf(problems));
            walks.put(key, walk);
        }
        return walk;
    }

    private List<Found> walk(Path start, boolean hiddenToo, boolean jbakeIgnore, List<Problem> problems)
            throws IOException {
        List<Found> found = new ArrayList<>();
        Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (!dir.equals(start) && ignored(dir.getFileName().toString(), hiddenToo)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (Files.isSymbolicLink(dir) && !insideRoot(dir)) {
                            problems.add(Problem.warning(relative(root, dir), 0,
                                    "skipped: a symbolic link to a folder outside the site"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (Files.isSymbolicLink(dir) && holdsOrCaches(dir, start)) {
                            // the site's folder (or the content's, from the assets) would be published
                            // whole: its sources, its templates, the build cache with drafts' text
                            problems.add(Problem.warning(relative(root, dir), 0, "skipped: a symbolic link to a"
                                    + " folder that holds this one, or to the build cache: it would publish the site's"
                                    + " sources"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (jbakeIgnore && Files.exists(dir.resolve(".jbakeignore"), LinkOption.NOFOLLOW_LINKS)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (ignored(file.getFileName().toString(), hiddenToo)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isSymbolicLink()) {
                            // followed, a link has its target's attributes: these are a link's that leads nowhere
                            problems.add(Problem.warning(relative(root, file), 0, "skipped: a symbolic link to "
                                    + Problem.quote(String.valueOf(readLink(file))) + ", which leads to no file or folder"));
                            return FileVisitResult.CONTINUE;
                        }
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        // a file in a folder that is inside the site is too, unless it is a link itself
                        if (Files.isSymbolicLink(file) && !insideRoot(file)) {
                            problems.add(Problem.warning(relative(root, file), 0,
                                    "skipped: a symbolic link to a file outside the site"));
                            return FileVisitResult.CONTINUE;
                        }
                        found.add(new Found(file, attrs));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        String why = e instanceof FileSystemLoopException
                                ? "skipped: a symbolic link that loops back to a folder above it"
                                : "skipped: cannot be read (" + IoMessage.reason(e) + ")";
                        problems.add(Problem.warning(relative(root, file), 0, why));
                        return FileVisitResult.CONTINUE;
                    }
                });
        found.sort(Comparator.comparing(Found::file));
        return found;
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return link.getFileName();
        }
    }

    /** Whether a linked folder holds the folder walked ({@code start}), or lies in the build cache. */
    private boolean holdsOrCaches(Path link, Path start) {
        try {
            Path real = link.toRealPath();
            return start.toRealPath().startsWith(real)
                    || real.startsWith(root.resolve("target").resolve("journal-cache"));
        } catch (IOException e) {
            return false; // said as a link that cannot be followed
        }
    }

    private boolean insideRoot(Path path) {
        try {
            return path.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    /** What the load makes of one file of the content folder: a document or a file to copy, and a problem. */
    private record Taken(SourceFile document, StaticFile file, Problem problem) {
    }

    private Taken take(Found found, Path content, SourceStamps known) {
        Path file = found.file();
        String contentPath = relative(content, file);
        String path = relative(root, file);
        String ext = extension(file);
        if (DOCUMENT_EXTENSIONS.contains(ext)) {
            return document(found, path, contentPath, known);
        }
        return new Taken(null, staticFile(found, contentPath), null);
    }

    /**
     * A content file, left unread: the parse reads it, so that no file's bytes are held longer than
     * its own parse needs them (at 10,000 articles the sources are 100 MB). Its digest is given
     * when {@code known} says it is unchanged since an earlier build.
     */
    private static Taken document(Found found, String path, String contentPath, SourceStamps known) {
        BasicFileAttributes attrs = found.attrs();
        long size = attrs.size();
        if (size > MAX_DOCUMENT_BYTES) {
            return new Taken(null, null, Problem.error(path, 0, "the file is " + size / (1024 * 1024)
                    + " MB; content files may be at most " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB"));
        }
        long modified = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String key = String.valueOf(attrs.fileKey());
        return new Taken(new SourceFile(path, contentPath, null, new SourceFile.Origin(found.file(), key, size,
                modified, known.unchanged(path, key, size, modified))), null, null);
    }

    private static StaticFile staticFile(Found found, String target) {
        BasicFileAttributes attrs = found.attrs();
        return new StaticFile(found.file(), target, attrs.size(), attrs.lastModifiedTime().toMillis());
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A path relative to {@code base} with {@code /} separators; a backslash in a Unix file name stays one. */
    static String relative(Path base, Path file) {
        String separator = file.getFileSystem().getSeparator();
        String rel = base.relativize(file).toString();
        return separator.equals("/") ? rel : rel.replace(separator, "/");
    }
}
