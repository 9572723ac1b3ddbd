package dev.journal.core.related;

import dev.journal.core.config.SiteConfig;
import java.util.Locale;

/**
 * How recommendations are ranked: the {@code journal.related.*} keys of {@code jbake.properties}.
 *
 * @param count            recommendations per article (pins included); 0 for none
 * @param textWeight       weight of the similarity of title, summary and body
 * @param tagsWeight       weight of shared tags, each counting by its rarity
 * @param authorsWeight    weight of shared authors
 * @param freshnessWeight  share of the score (0 to 1) that depends on how recent the candidate is
 * @param halfLifeDays     age, counted back from the newest article, at which freshness halves
 * @param diversity        how much (0 to 1) a candidate's likeness to those already chosen lowers it
 * @param english          whether the site is in English (the plural stemmer)
 */
public record RelatedSettings(int count, double textWeight, double tagsWeight, double authorsWeight,
        double freshnessWeight, double halfLifeDays, double diversity, boolean english) {

    public RelatedSettings {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        check("textWeight", textWeight, Double.MAX_VALUE);
        check("tagsWeight", tagsWeight, Double.MAX_VALUE);
        check("authorsWeight", authorsWeight, Double.MAX_VALUE);
        check("freshnessWeight", freshnessWeight, 1);
        check("diversity", diversity, 1);
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("halfLifeDays must be above 0");
        }
    }

    /** The settings of a site's configuration (validated there; see {@code ConfigKeys}). */
    public static RelatedSettings from(SiteConfig config) {
        return new RelatedSettings(config.number("journal.related.count"),
                config.decimal("journal.related.weight.text"),
                config.decimal("journal.related.weight.tags"),
                config.decimal("journal.related.weight.authors"),
                config.decimal("journal.related.weight.freshness"),
                config.decimal("journal.related.freshness.halflife"),
                config.decimal("journal.related.diversity"),
                config.locale().getLanguage().equals(Locale.ENGLISH.getLanguage()));
    }

    /** The same settings with another count. */
    public RelatedSettings withCount(int count) {
        return new RelatedSettings(count, textWeight, tagsWeight, authorsWeight, freshnessWeight, halfLifeDays,
                diversity, english);
    }

    /** The same settings with other weights of the relevance signals. */
    public RelatedSettings withWeights(double text, double tags, double authors) {
        return new RelatedSettings(count, text, tags, authors, freshnessWeight, halfLifeDays, diversity, english);
    }

    /** The same settings with another freshness weight and diversity. */
    public RelatedSettings withFreshnessAndDiversity(double freshness, double diversity) {
        return new RelatedSettings(count, textWeight, tagsWeight, authorsWeight, freshness, halfLifeDays, diversity,
                english);
    }

    double relevanceWeights() {
        return textWeight + tagsWeight + authorsWeight;
    }

    private static void check(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max + ", not " + value);
        }
    }
}
