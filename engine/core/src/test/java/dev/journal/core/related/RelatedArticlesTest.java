package dev.journal.core.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import dev.journal.core.TestContent;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.parse.Article;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class RelatedArticlesTest {

    private static final RelatedSettings DEFAULTS = RelatedSettings.from(SiteConfig.defaults());
    private static final ForkJoinPool POOL = ForkJoinPool.commonPool();

    /** Words of a few unrelated subjects, so that document frequencies look like a real site's. */
    private static final String[] SUBJECTS = {
        "glacier permafrost tundra icebreaker arctic thaw reindeer",
        "tariff customs export import quota dumping invoice",
        "election ballot turnout campaign candidate polling coalition",
        "vaccine hospital pandemic clinic nurse epidemic outbreak",
        "satellite orbit launch rocket payload telescope booster",
        "harvest drought irrigation wheat fertiliser famine grain",
    };

    private static Article article(String slug, String date, String tags, String authors, String body,
            String extra) {
        return TestContent.article(SiteConfig.defaults(), "articles/" + slug + ".md",
                "title: Note " + slug + "\ndate: " + date + "\ntags: [" + tags + "]\nauthors: [" + authors + "]\n"
                        + extra, body);
    }

    private static Article article(String slug, String date, String tags, String body) {
        return article(slug, date, tags, "Writer " + slug, body, "");
    }

    /** Unrelated articles, one per subject, to give the text signal its background. */
    private static List<Article> background() {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < SUBJECTS.length; i++) {
            out.add(article("background-" + i, "2020-01-0" + (i + 1), "Other " + i,
                    SUBJECTS[i] + ". " + SUBJECTS[i] + " report."));
        }
        return out;
    }

    private static List<String> slugs(RelatedArticles r, Article a) {
        return r.recommendAll(POOL).getOrDefault(a.outputPath(), List.of()).stream().map(Article::slug).toList();
    }

    private static RelatedArticles index(List<Article> posts, RelatedSettings settings) {
        return RelatedArticles.index(posts, List.of(), settings, POOL);
    }

    @Test
    void similarTextAndRareSharedTagsRankFirst() {
        List<Article> posts = new ArrayList<>(background());
        Article subject = article("subject", "2024-01-01", "Shipping, Russia",
                "The shadow fleet of tankers carries crude past the price cap; insurers and flag registries look away.");
        Article close = article("close", "2023-01-01", "Shipping",
                "Tankers of the shadow fleet evade the price cap on crude with dubious insurers.");
        Article sameTagOnly = article("same-tag-only", "2024-06-01", "Russia", "A note on ballots and turnout.");
        posts.addAll(List.of(subject, close, sameTagOnly));
        List<String> got = slugs(index(posts, DEFAULTS), subject);
        assertEquals("close", got.get(0), got.toString());
        assertTrue(got.indexOf("same-tag-only") > 0, got.toString());
    }

    @Test
    void aRareSharedTagCountsMoreThanACommonOne() {
        List<Article> posts = new ArrayList<>(background());
        for (int i = 0; i < 6; i++) {
            posts.add(article("common-" + i, "2021-01-0" + (i + 1), "Common", SUBJECTS[i] + " again."));
        }
        Article subject = article("subject", "2024-01-01", "Common, Rare", "Short text.");
        Article rare = article("rare", "2022-01-01", "Rare", "Other words entirely.");
        Article common = article("common", "2023-01-01", "Common", "Other words entirely.");
        posts.addAll(List.of(subject, rare, common));
        RelatedSettings tagsOnly = DEFAULTS.withWeights(0, 1, 0).withFreshnessAndDiversity(0, 0);
        List<String> got = slugs(index(posts, tagsOnly), subject);
        assertEquals("rare", got.get(0), got.toString());
    }

    @Test
    void pinsComeFirstInTheirOrderAndCountTowardsTheBlock() {
        List<Article> posts = new ArrayList<>(background());
        Article subject = article("subject", "2024-01-01", "Arctic", "Writer subject",
                "Icebreaker convoys on the northern sea route.", "related: [background-4, background-2]");
        Article close = article("close", "2023-01-01", "Arctic", "Icebreaker convoys on the northern sea route again.");
        posts.addAll(List.of(subject, close));
        RelatedArticles r = index(posts, DEFAULTS);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        List<String> got = slugs(r, subject);
        assertEquals(List.of("background-4", "background-2", "close"), got.subList(0, 3));
        assertEquals(4, got.size());
        assertEquals(got.size(), got.stream().distinct().count(), "a pin is not ranked a second time: " + got);
        List<Recommendation> explained = r.explain(subject);
        assertTrue(explained.get(0).pinned() && explained.get(1).pinned() && !explained.get(2).pinned());

        Article many = article("many", "2024-01-02", "", "Writer many", "Text.",
                "related: [background-0, background-1, background-2, background-3, background-4]");
        posts.add(many);
        assertEquals(5, slugs(index(posts, DEFAULTS), many).size(), "every pin is shown, even beyond the count");
    }

    @Test
    void unknownAndAmbiguousPinsAreErrorsOnTheLineOfTheField() {
        List<Article> posts = new ArrayList<>(background());
        Article subject = article("subject", "2024-01-01", "Arctic", "Writer", "Text.",
                "related:\n  - no-such-article\n  - twin");
        Article twin1 = TestContent.article(SiteConfig.defaults(), "articles/2023/twin.md",
                "title: Twin\ndate: 2023-01-01", "One.");
        Article twin2 = TestContent.article(SiteConfig.defaults(), "articles/2024/twin.md",
                "title: Twin\ndate: 2024-01-01", "Two.");
        Article self = article("self", "2024-01-01", "", "Writer", "Text.", "related: [self]");
        posts.addAll(List.of(subject, twin1, twin2, self));
        List<Problem> problems = index(posts, DEFAULTS).problems();
        assertEquals(3, problems.size(), problems.toString());
        Problem unknown = problems.stream().filter(p -> p.message().contains("no-such-article")).findFirst()
                .orElseThrow();
        assertTrue(unknown.isError());
        assertEquals("content/articles/subject.md", unknown.path());
        assertEquals(6, unknown.line(), "the line of the related field");
        assertTrue(problems.stream().anyMatch(p -> p.isError() && p.message().contains("twin")
                && p.message().contains("articles/2023/twin.md") && p.message().contains("articles/2024/twin.md")));
        assertTrue(problems.stream().anyMatch(p -> !p.isError() && p.path().endsWith("self.md")
                && p.message().contains("itself")));
    }

    @Test
    void relatedFalseHidesTheBlockButTheArticleIsStillRecommended() {
        List<Article> posts = new ArrayList<>(background());
        Article quiet = article("quiet", "2024-01-01", "Arctic", "Writer", "Icebreaker convoys.", "related: false");
        Article other = article("other", "2024-02-01", "Arctic", "Icebreaker convoys again.");
        posts.addAll(List.of(quiet, other));
        RelatedArticles r = index(posts, DEFAULTS);
        assertFalse(r.recommendAll(POOL).containsKey(quiet.outputPath()));
        assertTrue(r.explain(quiet).isEmpty());
        assertEquals("quiet", slugs(r, other).get(0));
    }

    @Test
    void draftsScheduledArticlesAndTheArticleItselfAreNeverRecommended() {
        Article subject = article("subject", "2024-01-01", "Arctic", "Icebreaker convoys on the sea route.");
        Article draft = article("draft", "2024-01-02", "Arctic", "Writer", "Icebreaker convoys on the sea route.",
                "draft: true");
        Article scheduled = article("scheduled", "2031-01-01", "Arctic", "Icebreaker convoys on the sea route.");
        Article pinsDraft = article("pins-draft", "2024-01-03", "Arctic", "Writer", "Icebreaker convoys.",
                "related: [draft, scheduled]");
        List<Article> all = new ArrayList<>(background());
        all.addAll(List.of(subject, draft, scheduled, pinsDraft));
        ZonedDateTime now = ZonedDateTime.parse("2025-01-01T00:00:00Z");
        for (boolean preview : new boolean[] {false, true}) {
            SiteIndexer.Result result = new SiteIndexer(SiteConfig.defaults()).index(all, now, preview);
            assertTrue(result.problems().isEmpty(), "pins of hidden articles are no error: " + result.problems());
            SiteIndex index = result.index();
            for (Map.Entry<String, List<Article>> e : index.related().entrySet()) {
                List<String> got = e.getValue().stream().map(Article::slug).toList();
                assertFalse(got.contains("draft"), e.getKey() + " " + got);
                assertTrue(e.getValue().stream().noneMatch(r -> r.outputPath().equals(e.getKey())),
                        "itself: " + e.getKey() + " " + got);
            }
            List<String> got = index.relatedTo(subject).stream().map(Article::slug).toList();
            assertEquals(preview, got.contains("scheduled"), "scheduled only when previewing: " + got);
            assertEquals(List.of(), index.relatedTo(pinsDraft).stream().map(Article::slug)
                    .filter(s -> s.equals("draft") || !preview && s.equals("scheduled")).toList());
        }
    }

    @Test
    void theSameOutputWhateverTheInputOrderAndThreads() {
        LabelledCorpus corpus = new LabelledCorpus(5L, 4);
        List<Article> posts = new ArrayList<>(corpus.articles());
        Map<String, List<Article>> first = index(posts, DEFAULTS).recommendAll(POOL);
        assertEquals(posts.size(), first.size());
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            for (int seed = 0; seed < 3; seed++) {
                Collections.shuffle(posts, new Random(seed));
                ForkJoinPool pool = seed == 0 ? one : three;
                assertEquals(first, RelatedArticles.index(posts, List.of(), DEFAULTS, pool).recommendAll(pool));
            }
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    /**
     * A long-lived indexer's memo keeps the rankings an edit cannot change, and only those: after
     * each edit (mostly of text, now and then of tags, dates or a whole new article) its
     * recommendations are a fresh index's.
     */
    @Test
    void aMemoKeepsTheRankingsAnEditCannotChangeAndNoOther() throws java.io.IOException {
        editAndCompare((memo, replaced) -> memo, 70);
    }

    /**
     * The same through the memo's file, as from one build process to the next: written after each
     * build, read before the next, and told the last build's versions of the articles replaced since
     * (now and then not told them, or told none though one was: then it weighs every article again).
     */
    @Test
    void aMemoReadFromItsFileKeepsTheRankingsAnEditCannotChangeAndNoOther(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("related");
        int[] round = {0};
        int[] weighedAll = {0};
        editAndCompare((memo, replaced) -> {
            try {
                memo.write(file, "key");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            RelatedArticles.Memo read = RelatedArticles.Memo.read(file, "key");
            int r = round[0]++;
            read.replaced(r % 13 == 5 ? null : r % 13 == 9 && !replaced.isEmpty() ? List.of() : replaced);
            weighedAll[0] += r % 13 == 5 || r % 13 == 9 && !replaced.isEmpty() ? 1 : 0;
            return read;
        }, 60);
        assertTrue(weighedAll[0] >= 8, weighedAll[0] + " rounds without the replaced articles");
    }

    /** A file written under another key, with a byte changed, cut, or missing gives a memo to rank every article again. */
    @Test
    void aMemoFileOfAnotherKeyOrDamagedIsNotUsed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        List<Article> posts = new LabelledCorpus(9L, 20).articles();
        java.nio.file.Path file = dir.resolve("related");
        RelatedArticles.Memo memo = new RelatedArticles.Memo();
        RelatedArticles.index(posts, List.of(), DEFAULTS, POOL, memo).recommendAll(POOL);
        memo.write(file, "key");
        byte[] written = java.nio.file.Files.readAllBytes(file);
        RelatedArticles.Memo same = RelatedArticles.Memo.read(file, "key");
        RelatedArticles.index(posts, List.of(), DEFAULTS, POOL, same).recommendAll(POOL);
        assertEquals(0, same.ranked(), "the same articles under the same key: nothing ranked again");
        RelatedArticles.Memo other = RelatedArticles.Memo.read(file, "another key");
        RelatedArticles.index(posts, List.of(), DEFAULTS, POOL, other).recommendAll(POOL);
        assertEquals(posts.size(), other.ranked());
        byte[] flipped = written.clone();
        // a byte of the first article's vector digest, after the format, the key, the other digest and the count:
        // read as it is, that article would be ranked again, and only the few that scored it
        flipped[2 + "journal-related 1".length() + 2 + "key".length() + 8 + 4 + 3] ^= 0x40;
        java.nio.file.Files.write(file, flipped);
        RelatedArticles.Memo damaged = RelatedArticles.Memo.read(file, "key");
        RelatedArticles.index(posts, List.of(), DEFAULTS, POOL, damaged).recommendAll(POOL);
        assertEquals(posts.size(), damaged.ranked(), "a byte changed: the checksum fails");
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(written, written.length / 2));
        RelatedArticles.Memo cut = RelatedArticles.Memo.read(file, "key");
        RelatedArticles.index(posts, List.of(), DEFAULTS, POOL, cut).recommendAll(POOL);
        assertEquals(posts.size(), cut.ranked());
        java.nio.file.Files.delete(file);
        RelatedArticles.Memo none = RelatedArticles.Memo.read(file, "key");
        RelatedArticles.index(posts, List.of(), DEFAULTS, POOL, none).recommendAll(POOL);
        assertEquals(posts.size(), none.ranked());
    }

    /**
     * Edits the articles round after round, and after each compares a fresh index's recommendations
     * with those of one going on from the memo that {@code between} gives for the last build's
     * (the memo itself, or one read from its file), and that at least {@code byDifferenceAtLeast}
     * rounds counted document frequencies from the last build's.
     */
    private static void editAndCompare(
            java.util.function.BiFunction<RelatedArticles.Memo, List<Article>, RelatedArticles.Memo> between,
            int byDifferenceAtLeast) {
        List<Article> posts = new ArrayList<>(new LabelledCorpus(9L, 20).articles());
        RelatedArticles.Memo memo = new RelatedArticles.Memo();
        Random random = new Random(3);
        int partly = 0;
        int weighedPartly = 0;
        int byDifference = 0;
        for (int round = 0; round < 80; round++) {
            List<Article> replaced = new ArrayList<>();
            if (round > 0) {
                int victim = random.nextInt(posts.size());
                Article a = posts.get(victim);
                String other = posts.get(random.nextInt(posts.size())).text();
                int kind = random.nextInt(12);
                // the same words more often (document frequencies stay, the article's weights move), or others
                String body = switch (kind % 4) {
                    case 0 -> a.text() + "\n\n" + other.substring(0, other.length() / 3);
                    case 1 -> a.text().substring(0, a.text().length() / 2);
                    case 2 -> a.text() + "\n\n" + a.text();
                    default -> a.text() + "\n\n" + a.text().substring(0, a.text().length() / 3);
                };
                String tags = kind == 3 ? "Round " + round : String.join(", ", a.tags());
                java.time.LocalDate date = kind == 4 ? a.date().toLocalDate().minusDays(40) : a.date().toLocalDate();
                String path = kind == 5 ? "articles/new-" + round + ".md" : a.contentPath();
                Article edited = TestContent.article(SiteConfig.defaults(), path, "title: \"" + a.title()
                        + (kind == 6 ? " again" : "") + "\"\ndate: " + date + "\ntags: [" + tags + "]\nauthors: ["
                        + String.join(", ", a.authors()) + "]", body);
                if (kind == 5) {
                    posts.add(edited);
                } else {
                    posts.set(victim, edited);
                    replaced.add(a);
                }
            }
            Map<String, List<String>> fresh = paths(index(posts, DEFAULTS).recommendAll(POOL));
            memo = between.apply(memo, replaced);
            Map<String, List<String>> kept = paths(RelatedArticles.index(posts, List.of(), DEFAULTS, POOL, memo)
                    .recommendAll(POOL));
            assertEquals(fresh, kept, "round " + round);
            partly += round > 0 && memo.ranked() < posts.size() ? 1 : 0;
            weighedPartly += round > 0 && memo.weighed() < posts.size() ? 1 : 0;
            byDifference += memo.countedByDifference() ? 1 : 0;
        }
        assertTrue(weighedPartly >= 10, weighedPartly + " rounds kept some vectors");
        assertTrue(byDifference >= byDifferenceAtLeast, byDifference
                + " rounds counted document frequencies by difference");
        // this small corpus's few topic words make most edits move most vectors; some leave rankings to keep
        assertTrue(partly >= 10, partly + " rounds kept some rankings");
    }

    private static Map<String, List<String>> paths(Map<String, List<Article>> recommendations) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        recommendations.forEach((k, v) -> out.put(k, v.stream().map(Article::outputPath).toList()));
        return out;
    }

    @Test
    void explainRanksExactlyAsTheBuild() {
        LabelledCorpus corpus = new LabelledCorpus(6L, 4);
        List<Article> posts = corpus.articles();
        RelatedArticles r = index(posts, DEFAULTS);
        Map<String, List<Article>> all = r.recommendAll(POOL);
        for (Article a : posts) {
            List<Recommendation> explained = r.explain(a);
            assertEquals(all.get(a.outputPath()), explained.stream().map(Recommendation::article).toList());
            for (Recommendation rec : explained) {
                double relevance = DEFAULTS.textWeight() * rec.text() + DEFAULTS.tagsWeight() * rec.tags()
                        + DEFAULTS.authorsWeight() * rec.authors();
                assertEquals(relevance, rec.relevance(), 1e-9);
                assertEquals(rec.relevance() * (1 - DEFAULTS.freshnessWeight()
                        + DEFAULTS.freshnessWeight() * rec.freshness()), rec.score(), 1e-9);
                assertEquals(rec.score() * (1 - DEFAULTS.diversity() * rec.likeness()), rec.total(), 1e-9);
            }
            // Greedy: each pick had the best total when chosen, and totals only fall as the block fills.
            for (int i = 1; i < explained.size(); i++) {
                assertTrue(explained.get(i).total() <= explained.get(i - 1).total(), "greedy order: " + explained);
            }
        }
    }

    @Test
    void diversityKeepsNearCopiesOfOneStoryFromFillingTheBlock() {
        List<Article> posts = new ArrayList<>(background());
        String story = "The summit communique on the pipeline consortium and its arbitration clause was leaked.";
        Article subject = article("subject", "2024-01-01", "Energy, Pipelines",
                story + " Analysts weigh the gas transit fees and the consortium.");
        posts.add(subject);
        for (int i = 1; i <= 4; i++) {
            posts.add(article("copy-" + i, "2023-0" + i + "-01", "Energy, Pipelines", story + " " + story));
        }
        posts.add(article("angle-a", "2023-06-01", "Energy", "Gas transit fees are renegotiated; the consortium waits."));
        posts.add(article("angle-b", "2023-07-01", "Pipelines", "Analysts doubt the arbitration on transit fees."));
        RelatedSettings plain = DEFAULTS.withFreshnessAndDiversity(0, 0);
        List<String> without = slugs(index(posts, plain), subject);
        assertEquals(4, without.stream().filter(s -> s.startsWith("copy-")).count(), without.toString());
        List<String> with = slugs(index(posts, plain.withFreshnessAndDiversity(0, DEFAULTS.diversity())), subject);
        assertTrue(with.stream().filter(s -> s.startsWith("copy-")).count() <= 2, with.toString());
        assertTrue(with.get(0).startsWith("copy-"), "the best match still leads: " + with);
    }

    @Test
    void amongEquallyRelatedArticlesNewerComeFirstButStrongOldMatchesStay() {
        List<Article> posts = new ArrayList<>(background());
        String text = "Icebreaker convoys and permafrost ports on the northern sea route.";
        Article subject = article("subject", "2024-01-01", "Arctic", "Writer", text, "");
        Article old = article("old", "2015-01-01", "Arctic", "Writer", text, "");
        Article newer = article("newer", "2023-01-01", "Arctic", "Writer", text, "");
        Article newest = article("newest", "2023-12-31", "Arctic", "Writer", text, "");
        Article weakButFresh = article("weak-but-fresh", "2024-01-02", "Arctic", "Other", "A note on ports.", "");
        posts.addAll(List.of(subject, old, newer, newest, weakButFresh));
        RelatedSettings noDiversity = DEFAULTS.withFreshnessAndDiversity(DEFAULTS.freshnessWeight(), 0);
        List<String> got = slugs(index(posts, noDiversity), subject);
        assertEquals(List.of("newest", "newer", "old", "weak-but-fresh"), got);

        // Without freshness, equal scores fall back on date, then slug.
        Article twin = article("a-twin", "2023-12-31", "Arctic", "Writer", text, "");
        posts.add(twin);
        List<String> ties = slugs(index(posts, DEFAULTS.withFreshnessAndDiversity(0, 0)), subject);
        assertEquals(List.of("a-twin", "newest", "newer", "old"), ties);
    }

    @Test
    void noBlockWhenTheCountIsZeroOrNothingIsRelated() {
        List<Article> posts = new ArrayList<>(background());
        Article lonely = TestContent.article(SiteConfig.defaults(), "articles/lonely.md",
                "title: Zyxwv\ndate: 2024-01-01\ntags: [Nothing]", "Qwerty.");
        posts.add(lonely);
        assertTrue(index(posts, DEFAULTS.withCount(0)).recommendAll(POOL).isEmpty());
        assertTrue(slugs(index(posts, DEFAULTS), lonely).isEmpty());
    }

    @Test
    void tagsAreSuggestedFromTheArticlesWithTheMostSimilarText() {
        List<Article> posts = new ArrayList<>(background());
        posts.add(article("s1", "2024-01-01", "Shipping, Sanctions", "Tankers of the shadow fleet and the price cap."));
        posts.add(article("s2", "2024-01-02", "Shipping", "Shadow fleet tankers change flags to escape the cap."));
        posts.add(article("s3", "2024-01-03", "Sanctions", "The price cap on crude and the tankers that evade it."));
        RelatedArticles r = index(posts, DEFAULTS);
        List<RelatedArticles.TagSuggestion> got = r.suggestTags("Dark tankers",
                "How the shadow fleet of tankers evades the price cap.", 3);
        assertEquals(List.of("Sanctions", "Shipping"), got.stream().map(RelatedArticles.TagSuggestion::tag)
                .sorted().toList().subList(0, 2), got.toString());
        assertTrue(got.stream().noneMatch(s -> s.tag().startsWith("Other")), got.toString());
    }
}
