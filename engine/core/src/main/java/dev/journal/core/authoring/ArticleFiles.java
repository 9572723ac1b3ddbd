package dev.journal.core.authoring;

import dev.journal.core.load.ContentLoader;
import dev.journal.core.parse.UrlPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Places a new article at {@code content/articles/YYYY/<slug>.md} without ever replacing a file:
 * when the name or the page it would make is taken, the next of {@code <slug>-2}, {@code <slug>-3},
 * ... is used, and the file is created only if it does not exist at that very moment.
 */
final class ArticleFiles {

    /** Gives up after this many taken names rather than look forever. */
    static final int MAX_TRIES = 100;

    private ArticleFiles() {
    }

    /**
     * A file written.
     *
     * @param file  where
     * @param slug  the slug used, which may differ from the one asked for
     * @param taken the file name asked for when it was taken, else null
     */
    record Placed(Path file, String slug, String taken) {
    }

    static Placed write(Journal journal, int year, String slug, String text) throws IOException {
        Path dir = journal.contentDir().resolve("articles").resolve(Integer.toString(year));
        UrlPolicy urls = new UrlPolicy(journal.config());
        Set<String> pages = journal.outputPaths();
        Files.createDirectories(dir);
        String takenName = null;
        for (int n = 1; n <= MAX_TRIES; n++) {
            String candidate = n == 1 ? slug : slug + "-" + n;
            String contentPath = "articles/" + year + "/" + candidate + ".md";
            if (free(dir, candidate) && !pages.contains(urls.document(contentPath, null).outputPath())) {
                Path file = dir.resolve(candidate + ".md");
                try {
                    Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    return new Placed(file, candidate, takenName);
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile by someone else: try the next name
                }
            }
            if (takenName == null) {
                takenName = candidate + ".md";
            }
        }
        throw new IOException("no free file name for '" + slug + "' in " + dir + " (tried " + MAX_TRIES + ")");
    }

    /** No document of that stem (in any of the document extensions) and no folder of that name. */
    private static boolean free(Path dir, String stem) {
        if (Files.exists(dir.resolve(stem), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (String ext : ContentLoader.DOCUMENT_EXTENSIONS) {
            if (Files.exists(dir.resolve(stem + "." + ext), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }
}
