package dev.journal.core.authoring;

import dev.journal.core.ContentException;
import dev.journal.core.Problem;
import dev.journal.core.config.ConfigLoader;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.ContentLoader;
import dev.journal.core.load.Sources;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * A journal as it is now, read through the build's load and parse stages: what the authoring
 * tools need to add to it (free file names, the tags and authors in use). Files that do not parse
 * are left out; reporting them is the check's job.
 *
 * @param source   the site's folder
 * @param config   its configuration
 * @param articles every document that parses, drafts included
 */
record Journal(Path source, SiteConfig config, List<Article> articles) {

    static Journal load(Path sourceDir) throws IOException, ContentException {
        Path source = sourceDir.toAbsolutePath().normalize();
        SiteConfig config = ConfigLoader.load(source);
        // a content or template folder not made yet is no obstacle to writing the first article
        // (new makes the content folder; neither command reads the templates)
        List<Problem> problems = config.problems().stream().filter(p -> !config.folderNotMadeYet(p)).toList();
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new ContentException(problems);
        }
        Sources sources = new ContentLoader(source, config).load();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            ContentParser parser = new ContentParser(config, new MarkdownRenderer(MarkdownOptions.site(false)));
            return new Journal(source, config, parser.parse(sources.documents(), pool).articles());
        } finally {
            pool.shutdown();
        }
    }

    Path contentDir() {
        return source.resolve(config.get("content.folder").strip());
    }

    /** Where the journal's pages are written, relative to the output folder. */
    Set<String> outputPaths() {
        Set<String> paths = new HashSet<>();
        articles.forEach(a -> paths.add(a.outputPath()));
        return paths;
    }
}
