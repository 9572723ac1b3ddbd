package dev.journal.core.parse;

import dev.journal.core.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the parse stage keeps between builds: each file's article, found again by the file's path
 * and content digest, so that a rebuild parses only the files that changed. An article is reused
 * only if the pages its links lead to are still where they were.
 */
public interface ParseCache {

    /**
     * An article parsed in an earlier build.
     *
     * @param article  the article
     * @param problems the file's own problems (warnings) from that parse
     * @param linked   every content file its links named, with the URI it had then ({@code ""} for none)
     */
    record Entry(Article article, List<Problem> problems, Map<String, String> linked) {
    }

    /** The entry for a file with this path and content digest, if an earlier build kept one. */
    Optional<Entry> find(String path, String digest);

    /** Keeps an article (new, or found again) for the next build; thread-safe. */
    void keep(Entry entry);

    /** Where a new article's body goes; thread-safe. */
    Body body(String html, String text);

    /** No cache: bodies in memory, nothing kept. */
    ParseCache NONE = new ParseCache() {
        @Override
        public Optional<Entry> find(String path, String digest) {
            return Optional.empty();
        }

        @Override
        public void keep(Entry entry) {
            // nothing kept
        }

        @Override
        public Body body(String html, String text) {
            return Body.of(html, text);
        }
    };
}
