package dev.journal.core.index;

import dev.journal.core.parse.Article;
import dev.journal.core.parse.UrlPolicy;
import java.util.List;

/**
 * A tag or an author: a name as displayed, the identity all its spellings share, a URL slug, and
 * its published articles, newest first.
 *
 * @param key      identity: case, Unicode form and white space folded ({@link dev.journal.core.parse.Slugs#key})
 * @param name     the display spelling: an author's profile's, else the one its earliest article uses
 * @param slug     the URL slug
 * @param target   where its page goes
 * @param articles its published articles, newest first
 * @param profile  an author's profile, when the site has one; null for tags and authors without
 */
public record Taxon(String key, String name, String slug, UrlPolicy.Target target, List<Article> articles,
        AuthorProfile profile) {

    public Taxon {
        articles = List.copyOf(articles);
    }

    /** A taxon without a profile. */
    public Taxon(String key, String name, String slug, UrlPolicy.Target target, List<Article> articles) {
        this(key, name, slug, target, articles, null);
    }

    public int count() {
        return articles.size();
    }
}
