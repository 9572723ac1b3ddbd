package dev.journal.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A document's counts are exactly what counting {@link SearchTerms#forEach}'s terms one by one
 * gives (the search script reads text the same way): over random text of many scripts, accents,
 * marks, stop words, plurals and long documents that make the word table grow.
 */
class SearchCountsTest {

    private static final String[] PIECES = {"Policy", "policies", "sanctions", "the", "and", "The", "crisis", "gas",
        "Übergang", "übergang", "café", "CAFÉ", "e\u0301te\u0301", "İstanbul", "Россия", "России", "Việt", "Nam",
        "东京都", "日本語の文章", "x", "é", "42", "2024", "a1", "it's", "co-operation", "e-mail", "ﬁnance", "Ⅻ",
        "\uD835\uDC00\uD835\uDC01", "ᾈ", "straße", "STRASSE", "K", "ǅemal", "—", ",", ";", "  ", "\n", "naïve", "über"};

    @Test
    void countsEqualTheTermsCountedOneByOne() {
        Random random = new Random(7);
        for (String language : List.of("en", "de")) {
            SearchTerms terms = new SearchTerms(language);
            for (int doc = 0; doc < 300; doc++) {
                String[] fields = new String[SearchCounts.FIELDS];
                for (int f = 0; f < fields.length; f++) {
                    int words = f == SearchCounts.BODY ? random.nextInt(doc % 10 == 0 ? 20_000 : 400) : random.nextInt(8);
                    StringBuilder sb = new StringBuilder();
                    for (int w = 0; w < words; w++) {
                        sb.append(random.nextInt(5) == 0 ? "word" + random.nextInt(3000) : PIECES[random.nextInt(
                                PIECES.length)]).append(random.nextInt(4) == 0 ? "" : " ");
                    }
                    fields[f] = sb.toString();
                }
                List<String> authors = List.of(fields[1], "Anna Lindqvist");
                List<String> tags = List.of(fields[2]);
                SearchCounts counts = SearchCounts.of(terms, fields[0], authors, tags, fields[3], fields[4]);
                String[] expectedFields = {fields[0], String.join(" ; ", authors), String.join(" ; ", tags), fields[3],
                    fields[4]};
                Map<String, int[]> expected = new TreeMap<>();
                int[] length = new int[SearchCounts.FIELDS];
                for (int f = 0; f < SearchCounts.FIELDS; f++) {
                    int field = f;
                    terms.forEach(expectedFields[f], t -> {
                        expected.computeIfAbsent(t, k -> new int[SearchCounts.FIELDS])[field]++;
                        length[field]++;
                    });
                }
                assertArrayEquals(new ArrayList<>(expected.keySet()).toArray(String[]::new), counts.terms(),
                        language + " document " + doc);
                assertArrayEquals(length, counts.length(), language + " document " + doc);
                for (int k = 0; k < counts.terms().length; k++) {
                    int[] tf = expected.get(counts.terms()[k]);
                    for (int f = 0; f < SearchCounts.FIELDS; f++) {
                        assertEquals(Math.min(tf[f], f == SearchCounts.BODY ? 0xffff : 0xf), counts.tf(k, f),
                                counts.terms()[k] + " in field " + f);
                    }
                }
            }
        }
    }

    @Test
    void termsAreLowerCasedWithoutAccentsStopWordsOrPlurals() {
        SearchTerms english = new SearchTerms("en");
        assertEquals(List.of("policy", "sanction", "cafe", "etude", "россия", "東京都"),
                english.terms("The policies of sanctions: Café, Étude; РОССИЯ and 東京都 a"));
        assertEquals(List.of("policies", "the", "sanctions"), new SearchTerms("fr").terms("Policies the sanctions"));
    }
}
