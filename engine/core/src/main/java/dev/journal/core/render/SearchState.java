package dev.journal.core.render;

import dev.journal.core.analysis.SearchCounts;
import dev.journal.core.parse.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search index's memo carried from one build process to the next in a file of the build cache,
 * as the preview's renderer keeps it in memory ({@link RenderMemo}): after an edit the index is
 * made by weighing again only the documents the edit can have changed, rather than every one. The
 * file holds the dictionary's terms with their postings as the index writes them and each
 * document's key; the documents that changed or went since are taken out with the counts the
 * article store kept of them. The file is read when the search index is first made (on a thread
 * of its own, beside the pages) and written as soon as it is made. The memo only saves work: the
 * index is the one a build without it makes, byte for byte. One build at a time.
 */
public final class SearchState {

    private final Path file;
    private final String key;
    private final Map<String, SearchCounts> replaced;
    private SearchIndexGenerator.Memo memo;

    /**
     * @param file     where the memo is kept
     * @param key      what else the memo depends on (the engine, the configuration): a file
     *                 written with another key is not used
     * @param replaced the articles of the last build whose files changed or went since, as that
     *                 build parsed them; null when not known, and then the file is not read
     */
    public SearchState(Path file, String key, List<Article> replaced) {
        this.file = file;
        this.key = key;
        if (replaced == null) {
            this.replaced = null;
        } else {
            this.replaced = new HashMap<>();
            for (Article a : replaced) {
                if (a.search() != null) {
                    this.replaced.put(SearchIndexGenerator.key(a), a.search());
                }
            }
        }
    }

    /** The memo, read from the file the first time it is asked for. */
    synchronized SearchIndexGenerator.Memo memo() {
        if (memo == null) {
            if (replaced == null) {
                memo = SearchIndexGenerator.Memo.read(file, ""); // no key matches: a memo that weighs everything
            } else {
                memo = SearchIndexGenerator.Memo.read(file, key);
                memo.replaced(replaced);
            }
        }
        return memo;
    }

    /**
     * Keeps what the search index was just made from in the file for the next build, and lets the
     * memo go. The memo is written as soon as the index is made, beside the pages, rather than after
     * the site: it holds documents as they were weighed, whatever becomes of this build, and the
     * next build goes on from any such state to the same index. A file that cannot be written is
     * removed, which only costs the next build the time of weighing every document.
     */
    synchronized void keep() {
        SearchIndexGenerator.Memo made = memo;
        memo = null;
        if (made == null) {
            return;
        }
        try {
            made.write(file, key);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a file left as an earlier build wrote it is as good a start
            }
        }
    }
}
