package dev.journal.core.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses output folders that a build must never replace: the file system's root, the home
 * folder, the site's source folder or any folder above it, and the site's content, template and
 * asset folders or anything inside them; and an existing folder that holds files but was not
 * written by this engine (it has no {@link SiteWriter#MARKER}).
 */
public final class OutputFolderGuard {

    private OutputFolderGuard() {
    }

    /**
     * Why {@code output} may not be used, or empty when it may.
     *
     * @param protectedFolders the site's source folder and its content, template and asset folders
     */
    public static Optional<String> check(Path output, Path sourceDir, List<Path> protectedFolders) throws IOException {
        return check(output, sourceDir, protectedFolders, null);
    }

    /**
     * As {@link #check(Path, Path, List)}, and the build cache's folder {@code cache} (null: none)
     * may neither hold nor be inside the output folder: the cache keeps every document's text,
     * drafts' too, and would be published with the site.
     */
    public static Optional<String> check(Path output, Path sourceDir, List<Path> protectedFolders, Path cache)
            throws IOException {
        if (cache != null) {
            Path out = real(output);
            Path kept = real(cache);
            if (kept.startsWith(out) || out.startsWith(kept)) {
                return Optional.of("the output folder " + output + " overlaps the build cache " + cache
                        + ", which holds every document's text, drafts' too, and would be published with the site;"
                        + " choose another output folder");
            }
        }
        Path out = real(output);
        if (out.getParent() == null) {
            return Optional.of("the output folder " + output + " is the root of the file system");
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && out.equals(real(Path.of(home)))) {
            return Optional.of("the output folder " + output + " is the home folder");
        }
        Path source = real(sourceDir);
        if (source.startsWith(out)) {
            return Optional.of("the output folder " + output + " holds the site's sources (" + sourceDir + ")");
        }
        List<Path> folders = new ArrayList<>(protectedFolders);
        for (Path p : folders) {
            Path folder = real(p);
            if (out.startsWith(folder) || folder.startsWith(out)) {
                return Optional.of("the output folder " + output + " overlaps the site's folder " + p);
            }
        }
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSymbolicLink(output) || !Files.isDirectory(output)) {
                return Optional.of("the output path " + output + " exists and is not a folder");
            }
            boolean empty;
            try (var entries = Files.list(output)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(output.resolve(SiteWriter.MARKER))) {
                return Optional.of("the output folder " + output + " holds files that this engine did not write"
                        + " (no " + SiteWriter.MARKER + "); empty it or choose another folder");
            }
        }
        return Optional.empty();
    }

    /** The real path of a folder, or of its nearest existing parent with the rest appended. */
    static Path real(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path real = existing.toRealPath();
        for (Path part : rest) {
            real = real.resolve(part);
        }
        return real;
    }
}
