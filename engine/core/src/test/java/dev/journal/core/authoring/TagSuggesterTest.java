package dev.journal.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.TestContent;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagSuggesterTest {

    private static Article article(String slug, String tags, String text) {
        return TestContent.article(SiteConfig.defaults(), "articles/2024/" + slug + ".md",
                "title: " + slug + "\ndate: 2024-01-01\ntags: [" + tags + "]", text);
    }

    static final List<Article> JOURNAL = List.of(
            article("gas", "Energy, Russia", "Gas pipelines, LNG terminals and gas prices in Europe after Russian"
                    + " supplies were cut; pipeline transit and storage."),
            article("oil", "Energy, Sanctions", "The oil price cap, tankers, crude exports and sanctions"
                    + " enforcement against the shadow fleet of oil tankers."),
            article("arctic", "Arctic, Climate", "Sea ice is melting; the Arctic shipping routes open and the"
                    + " Arctic Council is paused. Permafrost and climate change."),
            article("korea", "North Korea, Russia", "Pyongyang and Moscow signed a treaty; North Korean munitions"
                    + " for Russian technology. The Korean peninsula and its missiles."));

    @Test
    void suggestsTheTagsOfSimilarArticlesFromTheVocabulary() {
        TagSuggester s = new TagSuggester(JOURNAL);
        assertEquals(List.of("Energy", "Russia", "Sanctions", "Arctic", "Climate", "North Korea"),
                s.vocabulary());
        List<String> gas = s.suggest("New LNG terminals and pipelines will change gas prices and transit.", 2);
        assertEquals("Energy", gas.get(0), gas::toString);
        List<String> korea = s.suggest("The treaty between Moscow and Pyongyang: missiles, munitions and the"
                + " peninsula. North Korea gains.", 3);
        assertEquals("North Korea", korea.get(0), korea::toString);
        assertTrue(korea.contains("Russia"), korea::toString);
        assertTrue(!korea.contains("Arctic"), korea::toString);
    }

    @Test
    void unrelatedTextGetsNoSuggestions() {
        assertEquals(List.of(), new TagSuggester(JOURNAL).suggest("Cooking pasta with basil and tomatoes.", 5));
        assertEquals(List.of(), new TagSuggester(List.of()).suggest("Anything at all.", 5));
    }
}
