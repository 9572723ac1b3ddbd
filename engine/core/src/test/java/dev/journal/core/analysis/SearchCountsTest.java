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
                assertEquals(expected.keySet(), new java.util.TreeSet<>(List.of(counts.terms())),
                        language + " document " + doc);
                assertEquals(expected.size(), counts.terms().length, "each term once");
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

    /**
     * The words of a text as the search script reads them, the plain way: the whole text decomposed
     * and lower-cased at once, then split. {@link SearchTerms} prepares it a run at a time instead.
     */
    private static List<String> plainTerms(SearchTerms terms, String text) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
                .toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        Runnable end = () -> {
            if (word.codePointCount(0, word.length()) >= 2) {
                String t = terms.term(word.toString());
                if (t != null) {
                    out.add(t);
                }
            }
            word.setLength(0);
        };
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (cp < 0x80 ? cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9'
                    : Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER) {
                word.appendCodePoint(cp);
            } else if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                end.run();
            }
        });
        end.run();
        return out;
    }

    @Test
    void preparingTextARunAtATimeGivesTheTermsOfPreparingItWhole() {
        String alphabet = "aZ09 \n\t.,'’\u00a0\u2009ΣσςΟΔΟΣ İıIßẞﬁ\u0301\u0308e\u0327ǅ①Ⅻ½東京한국어\uD835\uDC00-–—«»";
        Random random = new Random(11);
        SearchTerms terms = new SearchTerms("en");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(24);
            for (int k = 0; k < n; k++) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                sb.append(c);
                if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                    sb.append(alphabet.charAt(at + 1));
                } else if (Character.isLowSurrogate(c)) {
                    sb.setLength(sb.length() - 1);
                }
            }
            String text = sb.toString();
            assertEquals(plainTerms(terms, text), terms.terms(text), () -> "terms of \"" + text + "\" "
                    + text.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }
}
