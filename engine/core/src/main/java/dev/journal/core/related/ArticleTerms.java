package dev.journal.core.related;

/**
 * An article's terms as the recommender counts them (title, summary and body, function words left
 * out), worked out once when the article is parsed, so that the index stage never reads the text
 * again: term hashes in no particular order, their weighted counts, and the total.
 *
 * @param hashes the terms, by hash
 * @param counts each term's count, the title's and summary's weighted up
 * @param length the sum of the counts
 */
public record ArticleTerms(long[] hashes, float[] counts, double length) {

    /** Counts an article's terms; thread-safe. */
    public static ArticleTerms of(String title, String summary, String text, boolean english) {
        Tokenizer tokenizer = english ? ENGLISH : OTHER;
        TermCounts counts = new TermCounts(1024);
        tokenizer.tokenize(title, TextIndex.TITLE_WEIGHT, counts, null);
        if (summary != null) {
            tokenizer.tokenize(summary, TextIndex.SUMMARY_WEIGHT, counts, null);
        }
        tokenizer.tokenize(text, 1, counts, null);
        return TextIndex.raw(tokenizer, counts);
    }

    private static final Tokenizer ENGLISH = new Tokenizer(true);
    private static final Tokenizer OTHER = new Tokenizer(false);
}
