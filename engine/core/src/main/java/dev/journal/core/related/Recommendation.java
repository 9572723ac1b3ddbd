package dev.journal.core.related;

import dev.journal.core.parse.Article;
import java.util.List;

/**
 * One recommended article with the score of each signal, as {@link RelatedArticles#explain}
 * reports it. Every signal is between 0 and 1 before its weight applies.
 *
 * @param article       the recommended article
 * @param pinned        named by the front matter's {@code related} list (ranked first whatever its scores)
 * @param text          cosine similarity of title, summary and body (BM25-weighted terms)
 * @param tags          cosine similarity of the tags, each weighted by its rarity
 * @param authors       share of authors in common
 * @param relevance     the weighted sum of the three signals above
 * @param freshness     0.5 to the power of the article's age in half-lives, counted from the newest
 * @param score         relevance scaled by freshness: {@code relevance * (1 - wf + wf * freshness)}
 * @param likeness      the highest likeness (0 to 1) to an article ranked above it, which diversity
 *                      penalises
 * @param total         the score the ranking used: {@code score * (1 - diversity * likeness)}
 * @param sharedTags    the tags in common, rarest first
 * @param sharedAuthors the authors in common
 * @param sharedTerms   the terms that contribute most to the text signal, strongest first
 */
public record Recommendation(Article article, boolean pinned, double text, double tags, double authors,
        double relevance, double freshness, double score, double likeness, double total, List<String> sharedTags,
        List<String> sharedAuthors, List<String> sharedTerms) {

    public Recommendation {
        sharedTags = List.copyOf(sharedTags);
        sharedAuthors = List.copyOf(sharedAuthors);
        sharedTerms = List.copyOf(sharedTerms);
    }
}
