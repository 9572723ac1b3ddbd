package dev.journal.core.load;

import dev.journal.core.Problem;
import java.util.List;

/**
 * Everything the load stage found, sorted by path.
 *
 * @param documents content files to parse (Markdown, HTML)
 * @param files     files to copy as they are (assets, and other files in the content folder)
 * @param problems  files that could not be read, links that lead out of the site, and the like
 */
public record Sources(List<SourceFile> documents, List<StaticFile> files, List<Problem> problems) {

    public Sources {
        documents = List.copyOf(documents);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
