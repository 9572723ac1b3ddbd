package dev.journal.core.index;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Article;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the site is made of, ordered and cross-referenced once: the index stage's output and
 * the render stage's only input. Immutable; lists are in a stable order (ties broken by slug and
 * path), so output never depends on thread timing.
 *
 * @param config     the configuration
 * @param now        the build's "now", which decides what is scheduled for later
 * @param preview    whether drafts and scheduled articles are shown (the preview server)
 * @param posts      articles to show, newest first
 * @param pages      static pages to show, by path
 * @param documents  every document to render (posts, pages, custom types), by path
 * @param hidden     drafts and scheduled articles left out of this build, by path
 * @param tags       tags of the shown articles, by name in the site's locale
 * @param authors    authors of the shown articles, by name in the site's locale
 * @param archive    the shown articles by year and month, newest first
 * @param neighbours each article's older and newer neighbour, by output path
 * @param related    each article's recommended articles, best first, by output path
 */
public record SiteIndex(
        SiteConfig config,
        ZonedDateTime now,
        boolean preview,
        List<Article> posts,
        List<Article> pages,
        List<Article> documents,
        List<Article> hidden,
        List<Taxon> tags,
        List<Taxon> authors,
        List<ArchiveYear> archive,
        Map<String, Neighbours> neighbours,
        Map<String, List<Article>> related) {

    /** The articles before and after one article in time. */
    public record Neighbours(Article older, Article newer) {
    }

    public SiteIndex {
        posts = List.copyOf(posts);
        pages = List.copyOf(pages);
        documents = List.copyOf(documents);
        hidden = List.copyOf(hidden);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        archive = List.copyOf(archive);
        neighbours = Map.copyOf(neighbours);
        related = Map.copyOf(related);
    }

    public Optional<Neighbours> neighboursOf(Article article) {
        return Optional.ofNullable(neighbours.get(article.outputPath()));
    }

    public List<Article> relatedTo(Article article) {
        return related.getOrDefault(article.outputPath(), List.of());
    }
}
