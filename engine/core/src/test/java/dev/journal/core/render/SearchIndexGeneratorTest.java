package dev.journal.core.render;

import dev.journal.core.analysis.SearchTerms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.journal.core.TestContent;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.internal.SafeText;
import dev.journal.core.parse.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexGeneratorTest {

    static final SiteConfig CONFIG = SiteConfig.of(Map.of("uri.noExtension", "true"));

    @Test
    void termsAreFoldedSplitStemmedAndStopped() {
        SearchTerms en = new SearchTerms("en");
        assertEquals(List.of("viet", "nam", "policy", "crise", "2024", "analysis", "gas", "sanction"),
                en.terms("Việt Nam\u2019s policies \u2014 the Crises of 2024; U.S. analysis, gas SANCTIONS."));
        assertEquals(List.of("россия", "санкции", "the", "policies"),
                new SearchTerms("ru").terms("Россия: санкции; the policies"));
        assertEquals("policy", SearchTerms.stem("policies"));
        assertEquals("sanction", SearchTerms.stem("sanctions"));
        assertEquals("crisis", SearchTerms.stem("crisis"));
        assertEquals("glass", SearchTerms.stem("glass"));
        assertEquals("gas", SearchTerms.stem("gas"));
    }

    @Test
    void aDocumentInAnotherLanguageThanTheSitesCarriesItForTheResultsLang() throws IOException {
        List<Article> docs = List.of(
                TestContent.article(CONFIG, "articles/fr.md", "title: La route\ndate: 2024-03-02\nlang: fr", "Texte."),
                TestContent.article(CONFIG, "articles/en.md", "title: The road\ndate: 2024-03-01\nlang: en", "Text."),
                TestContent.article(CONFIG, "articles/site.md", "title: A road\ndate: 2024-02-01", "Text."));
        SiteIndex site = site(docs);
        String json = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), new Names(site),
                SearchIndexGenerator.BODY_POSTINGS);
        var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("docs");
        assertEquals(3, written.size());
        assertEquals("La route", written.get(0).get(1).asText());
        assertEquals(7, written.get(0).size());
        assertEquals("fr", written.get(0).get(6).asText());
        assertEquals(6, written.get(1).size(), "English, as the site: nothing to mark");
        assertEquals(6, written.get(2).size());
    }

    @Test
    void numbersRoundTripThroughTheBase64Encoding() {
        for (int v : new int[] {0, 1, 31, 32, 33, 1023, 1024, 123456, 9_999_999, Integer.MAX_VALUE}) {
            byte[] out = new byte[7];
            int length = SearchIndexGenerator.number(out, 0, v);
            int[] pos = {0};
            assertEquals(v, number(new String(out, 0, length, java.nio.charset.StandardCharsets.US_ASCII), pos));
            assertEquals(length, pos[0]);
        }
    }

    @Test
    void postingsHoldEveryDocumentOfATermWithItsWeight() throws IOException {
        List<Article> docs = List.of(
                post("a", "2024-03-01", "Arctic Shipping", "Ice and routes. The Arctic is warming."),
                post("b", "2024-02-01", "Baltic Cables", "Undersea cables in the Baltic; no ice here."),
                post("c", "2024-01-01", "Ports", "Ports, ports and more ports."));
        Index index = build(docs);
        assertEquals(3, index.docs);
        assertEquals(new ArrayList<>(new TreeMap<>(index.postings).keySet()), new ArrayList<>(index.postings.keySet()),
                "terms are sorted");
        Map<Integer, Integer> ice = index.postings.get("ice");
        assertEquals(2, index.df.get("ice"));
        assertEquals(List.of(0, 1), new ArrayList<>(ice.keySet()), "newest article first");
        Map<Integer, Integer> arctic = index.postings.get("arctic");
        assertTrue(arctic.get(0) > ice.get(0), "a title word weighs more than a body word: " + arctic + " " + ice);
        assertTrue(index.postings.get("port").get(2) > 0, "plural reduced: ports -> port");
        assertTrue(!index.postings.containsKey("the") && !index.postings.containsKey("and"), "stop words");
    }

    @Test
    void largeJournalsKeepTheMostDistinctiveBodyTermsSmallOnesEveryWord() throws IOException {
        StringBuilder body = new StringBuilder();
        int words = SearchIndexGenerator.MIN_BODY_TERMS + 40;
        for (int i = 0; i < words; i++) {
            body.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        List<Article> docs = List.of(post("long", "2024-01-01", "Title", body.toString()),
                post("short", "2023-01-01", "Other", "wordaa"));
        // title, author (two words), tag and summary are always indexed
        int always = 5;
        Index tight = build(docs, 2 * SearchIndexGenerator.MIN_BODY_TERMS);
        assertEquals(always + SearchIndexGenerator.MIN_BODY_TERMS, termsOf(tight, 0), "body cut to its share");
        assertEquals(2, tight.df.get("wordaa"), "document frequency counts every document");
        Index roomy = build(docs, SearchIndexGenerator.BODY_POSTINGS);
        assertEquals(always + words, termsOf(roomy, 0), "every body word");
    }

    @Test
    void theBodyTermsKeptAreTheMostDistinctiveThenTheFirstInTheArticle() throws IOException {
        List<String> words = new java.util.ArrayList<>();
        int distinct = SearchIndexGenerator.MIN_BODY_TERMS + 40;
        String letters = "abcdefghijklmnopqrtuvwxyz"; // no s: the stemmer would take it off
        for (int i = distinct - 1; i >= 0; i--) { // written against the alphabet: order of appearance counts
            words.add("word" + letters.charAt(i / letters.length()) + letters.charAt(i % letters.length()));
        }
        // three words near the end of the article made frequent: kept before all the others
        List<String> frequent = words.subList(distinct - 3, distinct);
        StringBuilder body = new StringBuilder(String.join(" ", words));
        for (int r = 0; r < 3; r++) {
            body.append(' ').append(String.join(" ", frequent));
        }
        List<Article> docs = List.of(post("long", "2024-01-01", "Title", body.toString()),
                post("short", "2023-01-01", "Other", "Nothing alike"));
        Index index = build(docs, 2 * SearchIndexGenerator.MIN_BODY_TERMS);
        java.util.Set<String> expected = new java.util.TreeSet<>(frequent);
        words.stream().filter(w -> !frequent.contains(w))
                .limit(SearchIndexGenerator.MIN_BODY_TERMS - frequent.size()).forEach(expected::add);
        java.util.Set<String> kept = new java.util.TreeSet<>();
        index.postings.forEach((term, p) -> {
            if (term.startsWith("word") && p.containsKey(0)) {
                kept.add(term);
            }
        });
        assertEquals(expected, kept);
    }

    @Test
    void selectFindsTheValueThatSortingPutsAtAPlace() {
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 2000; round++) {
            double[] values = new double[1 + random.nextInt(60)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(5) == 0 ? 1.5 : random.nextInt(12) / 4.0; // many ties
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int k = random.nextInt(values.length);
            assertEquals(sorted[k], SearchIndexGenerator.select(values.clone(), k), java.util.Arrays.toString(values));
        }
    }

    private static long termsOf(Index index, int doc) {
        return index.postings.values().stream().filter(p -> p.containsKey(doc)).count();
    }

    static Article post(String slug, String date, String title, String body) {
        return TestContent.article(CONFIG, "articles/" + slug + ".md",
                "title: " + title + "\ndate: " + date + "\nauthor: Ann Lee\ntags: [Topic]\nsummary: Short", body);
    }

    record Index(int docs, Map<String, Map<Integer, Integer>> postings, Map<String, Integer> df) {
    }

    static Index build(List<Article> articles) throws IOException {
        return build(articles, SearchIndexGenerator.BODY_POSTINGS);
    }

    static Index build(List<Article> articles, int bodyPostings) throws IOException {
        SiteIndex site = new SiteIndexer(CONFIG).index(articles, ZonedDateTime.parse("2030-01-01T00:00:00Z"), false)
                .index();
        String json = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), new Names(site),
                bodyPostings);
        List<String> terms = new ArrayList<>();
        List<String> postings = new ArrayList<>();
        int docs = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("terms") || field.equals("postings")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        (field.equals("terms") ? terms : postings).add(p.getText());
                    }
                } else if (field.equals("docs")) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        docs++;
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        Map<String, Map<Integer, Integer>> decoded = new LinkedHashMap<>();
        Map<String, Integer> df = new LinkedHashMap<>();
        for (int t = 0; t < terms.size(); t++) {
            String s = postings.get(t);
            int[] pos = {0};
            df.put(terms.get(t), number(s, pos));
            Map<Integer, Integer> docWeights = new LinkedHashMap<>();
            int doc = -1;
            while (pos[0] < s.length()) {
                doc += number(s, pos) + 1;
                docWeights.put(doc, SearchIndexGenerator.DIGITS.indexOf(s.charAt(pos[0]++)));
            }
            decoded.put(terms.get(t), docWeights);
        }
        return new Index(docs, decoded, df);
    }

    /** The decoder of js/search.js, in Java. */
    static int number(String s, int[] pos) {
        int v = 0;
        int shift = 0;
        int d;
        do {
            d = SearchIndexGenerator.DIGITS.indexOf(s.charAt(pos[0]++));
            v |= (d & 31) << shift;
            shift += 5;
        } while (d >= 32);
        return v;
    }

    @Test
    void aLongSummaryIsCutAtAWordWithoutDanglingPunctuation() {
        String words = "Sanctions, shipping; and the Arctic: a review \u2013 of routes. ".repeat(4);
        String cut = SafeText.shorten(words, SearchIndexGenerator.SUMMARY_LENGTH);
        assertTrue(cut.length() <= SearchIndexGenerator.SUMMARY_LENGTH, cut);
        assertTrue(cut.endsWith("\u2026") && !cut.matches("(?s).*[\\s,;:.\u2013\u2014-]\u2026"), cut);
        assertEquals("Short.", SafeText.shorten("  Short.  ", SearchIndexGenerator.SUMMARY_LENGTH));
        // as the pattern [\s,;:.\u2013\u2014-]+$ trims, for any text
        java.util.Random random = new java.util.Random(3);
        String alphabet = "ab .,;:-\u2013\u2014\t\u00A0";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 150 + random.nextInt(60); i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString().strip().replace('\t', ' ').replaceAll(" +", " ");
            if (s.length() <= SearchIndexGenerator.SUMMARY_LENGTH) {
                continue;
            }
            int space = s.lastIndexOf(' ', SearchIndexGenerator.SUMMARY_LENGTH - 1);
            String head = s.substring(0, space > SearchIndexGenerator.SUMMARY_LENGTH / 2 ? space
                    : SearchIndexGenerator.SUMMARY_LENGTH - 1);
            assertEquals(head.replaceAll("[\\s,;:.\u2013\u2014-]+$", "") + "\u2026",
                    SafeText.shorten(s, SearchIndexGenerator.SUMMARY_LENGTH));
        }
    }

    /** A long-lived renderer's memo only saves work: each build's index is a fresh build's, byte for byte. */
    @Test
    void aMemoGivesTheIndexAFreshWriteGives() {
        java.util.Random random = new java.util.Random(11);
        SearchIndexGenerator.Memo memo = new SearchIndexGenerator.Memo();
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            articles.add(post("a" + i, "2024-01-0" + (i + 1), "Article " + i, words(random, 40)));
        }
        for (int round = 0; round < 12; round++) {
            int victim = random.nextInt(articles.size());
            switch (round % 4) {
                case 0 -> articles.set(victim, post("a" + victim, "2024-01-0" + (victim + 1), "Edited " + round,
                        words(random, 40)));
                // thousands of words that the round after next drops: the memo's dictionary is pruned
                case 1 -> articles.add(post("n" + round, "2024-02-01", "Long " + round, words(random, 12_000)));
                case 2 -> articles.set(victim, post("a" + victim, "2024-01-0" + (victim + 1), "Again " + round,
                        words(random, 30)));
                default -> articles.remove(articles.size() - 1);
            }
            SiteIndex site = new SiteIndexer(CONFIG).index(articles, ZonedDateTime.parse("2030-01-01T00:00:00Z"), false)
                    .index();
            Names names = new Names(site);
            String fresh = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), names, 500);
            String memoized = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), names, 500, memo);
            assertEquals(fresh, memoized, "round " + round);
        }
    }

    /**
     * Edits in place (the case a long-lived memo weighs only in part) among documents that share a
     * skewed vocabulary and must choose among their body terms, so that one edit's change of a
     * document frequency moves other documents' choices; now and then an addition, a removal or a
     * new date that moves documents, and an edit that moves the average lengths.
     */
    @Test
    void aMemoWeighingOnlyWhatAnEditTouchesGivesTheIndexAFreshWriteGives() {
        java.util.Random random = new java.util.Random(5);
        String[] vocabulary = vocabulary();
        SearchIndexGenerator.Memo memo = new SearchIndexGenerator.Memo();
        List<Article> articles = corpus(random, vocabulary);
        int partly = 0;
        int others = 0;
        for (int round = 0; round < 160; round++) {
            edit(random, vocabulary, articles, round);
            SiteIndex site = site(articles);
            Names names = new Names(site);
            String fresh = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), names, 24 * 30);
            String memoized = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), names, 24 * 30, memo);
            assertEquals(fresh, memoized, "round " + round);
            if (!memo.weighedAll()) {
                partly++;
                others += memo.weighed() > 1 ? 1 : 0;
            }
        }
        // the rounds above go the memo's short way often, and there weigh other documents than the edited one
        assertTrue(partly > 80, partly + " rounds weighed in part");
        assertTrue(others > 20, others + " rounds weighed other documents");
    }

    /**
     * One random change to a journal of articles sharing a skewed vocabulary: mostly a few words
     * more or less in one article, now and then an addition, a removal, a new date, a longer body,
     * or thousands of words no other article has.
     */
    private static void edit(java.util.Random random, String[] vocabulary, List<Article> articles, int round) {
        int victim = random.nextInt(articles.size());
        Article a = articles.get(victim);
        String slug = a.sourcePath().replaceAll(".*/|\\.md$", "");
        String date = a.date().toLocalDate().toString();
        int kind = random.nextInt(20);
        if (kind == 0) {
            articles.add(post("n" + round, day(random.nextInt(60)), "New " + round, skewed(random, vocabulary, 120)));
        } else if (kind == 1 && articles.size() > 4) {
            articles.remove(victim);
        } else if (kind == 2) {
            articles.set(victim, post(slug, day(random.nextInt(60)), a.title(), skewed(random, vocabulary, 120)));
        } else if (kind == 3) {
            articles.set(victim, post(slug, date, a.title(), skewed(random, vocabulary, 900)));
        } else if (kind == 5) {
            // thousands of words no other article has, dropped at the article's next edit: the
            // dictionary is pruned, and words come back, while the memo weighs in part
            articles.set(victim, post(slug, date, a.title(), a.text() + " " + words(random, 5_000)));
        } else {
            // a few words more or less: some new to the journal, some common, some from the end of the tail
            String body = a.text();
            String extra = vocabulary[random.nextInt(vocabulary.length)] + " " + vocabulary[random.nextInt(8)]
                    + (random.nextBoolean() ? " fresh" + round : "");
            articles.set(victim, post(slug, date, kind == 4 ? a.title() + " again" : a.title(),
                    random.nextBoolean() ? body + " " + extra : body.substring(0, body.length() / 2) + " " + extra));
        }
    }

    /** Words of one vocabulary, as the tests of the memo use them. */
    private static String[] vocabulary() {
        String[] vocabulary = new String[400];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + Integer.toString(i, 26).replace('0', 'q') + (char) ('a' + i % 26) + "x";
        }
        return vocabulary;
    }

    /**
     * The memo carried in a file from one build process to the next (the build cache's), with the
     * earlier counts of the articles whose files changed or went, as the article store hands them
     * over: each round's index is a fresh build's, byte for byte, and most rounds weigh only part
     * of the documents. Now and then the earlier counts are not known, or the file is damaged or
     * keyed otherwise: the memo then weighs everything, to the same index.
     */
    @Test
    void aMemoCarriedInAFileGivesTheIndexAFreshWriteGives(@TempDir Path dir) throws IOException {
        java.util.Random random = new java.util.Random(7);
        String[] vocabulary = vocabulary();
        List<Article> articles = corpus(random, vocabulary);
        Path file = dir.resolve("search");
        List<Article> before = List.of();
        int partly = 0;
        int whole = 0;
        for (int round = 0; round < 160; round++) {
            edit(random, vocabulary, articles, round);
            SiteIndex site = site(articles);
            Names names = new Names(site);
            String fresh = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), names, 24 * 30);
            java.util.Set<String> now = new java.util.HashSet<>();
            site.posts().forEach(a -> now.add(SearchIndexGenerator.key(a)));
            List<Article> replaced = before.stream().filter(a -> !now.contains(SearchIndexGenerator.key(a))).toList();
            int odd = round % 23;
            if (odd == 5) {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length / 2] ^= 0x20;
                Files.write(file, bytes);
            }
            SearchState state = new SearchState(file, odd == 11 ? "another" : "key", odd == 17 ? null : replaced);
            SearchIndexGenerator.Memo memo = state.memo();
            String carried = new SearchIndexGenerator().write(site.posts(), new SearchTerms("en"), names, 24 * 30, memo);
            assertEquals(fresh, carried, "round " + round);
            if (memo.weighedAll()) {
                whole++;
            } else {
                partly++;
            }
            state.keep();
            assertTrue(Files.isRegularFile(file));
            before = site.posts();
        }
        assertTrue(partly > 80, partly + " rounds weighed in part");
        assertTrue(whole >= 20, whole + " rounds weighed everything");
    }

    private static String day(int i) {
        return java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString();
    }

    /** Words of a vocabulary, the first ones far more often than the last (Zipf's law). */
    private static String skewed(java.util.Random random, String[] vocabulary, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int k = (int) Math.min(vocabulary.length - 1, Math.floor(Math.exp(random.nextDouble()
                    * Math.log(vocabulary.length + 1)) - 1));
            sb.append(vocabulary[k]).append(i % 15 == 14 ? ".\n\n" : " ");
        }
        return sb.toString();
    }

    /** Random words of random letters: most of them new to the journal. */
    private static String words(java.util.Random random, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3 + random.nextInt(6); c++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            sb.append(i % 12 == 11 ? ".\n\n" : " ");
        }
        return sb.toString();
    }

    /** 24 articles of words drawn from {@code vocabulary}, a few of them often. */
    private static List<Article> corpus(java.util.Random random, String[] vocabulary) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            articles.add(post("a" + i, day(i), "Article " + i, skewed(random, vocabulary, 120)));
        }
        return articles;
    }

    private static SiteIndex site(List<Article> articles) {
        return new SiteIndexer(CONFIG).index(articles, ZonedDateTime.parse("2030-01-01T00:00:00Z"), false).index();
    }
}
