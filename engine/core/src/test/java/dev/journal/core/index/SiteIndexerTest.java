package dev.journal.core.index;

import static dev.journal.core.TestContent.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.TestContent;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Article;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiteIndexerTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2025-01-01T00:00:00Z");

    private static SiteIndex index(List<Article> articles) {
        SiteIndexer.Result r = new SiteIndexer(SiteConfig.defaults()).index(articles, NOW, false);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        return r.index();
    }

    @Test
    void newestFirstWithTiesBrokenBySlug() {
        List<Article> in = new ArrayList<>(List.of(post("b", "2024-03-01", "", ""), post("a", "2024-03-01", "", ""),
                post("c", "2024-05-01", "", ""), post("d", "2023-01-01", "", "")));
        SiteIndex first = index(in);
        assertEquals(List.of("c", "a", "b", "d"), first.posts().stream().map(Article::slug).toList());
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(in, new Random(seed));
            assertEquals(first.posts(), index(in).posts(), "order must not depend on input order");
        }
    }

    @Test
    void draftsAndScheduledArticlesAreLeftOut() {
        Article draft = TestContent.article(SiteConfig.defaults(), "articles/d.md",
                "title: D\ndate: 2024-01-01\ndraft: true\ntags: [Secret]", "x");
        Article later = post("later", "2025-06-01", "Secret", "Ghost");
        Article shown = post("shown", "2024-06-01", "Open", "Writer");
        SiteIndex i = index(List.of(draft, later, shown));
        assertEquals(List.of("shown"), i.posts().stream().map(Article::slug).toList());
        assertEquals(2, i.hidden().size());
        assertEquals(List.of("Open"), i.tags().stream().map(Taxon::name).toList());
        assertEquals(List.of("Writer"), i.authors().stream().map(Taxon::name).toList());
        assertEquals(1, i.archive().size());

        SiteIndex preview = new SiteIndexer(SiteConfig.defaults()).index(List.of(draft, later, shown), NOW, true)
                .index();
        assertEquals(3, preview.posts().size());
        assertEquals(List.of("Open", "Secret"), preview.tags().stream().map(Taxon::name).toList());
    }

    @Test
    void tagSpellingsMergeAndTheEarliestSpellingIsShown() {
        SiteIndex i = index(List.of(post("new", "2024-05-01", "ENERGY", ""), post("old", "2023-05-01", "Energy", ""),
                post("mid", "2024-01-01", " energy ", "")));
        assertEquals(1, i.tags().size());
        Taxon t = i.tags().get(0);
        assertEquals("Energy", t.name());
        assertEquals("energy", t.slug());
        assertEquals(List.of("new", "mid", "old"), t.articles().stream().map(Article::slug).toList());
    }

    @Test
    void coAuthoredArticlesAppearUnderEachAuthor() {
        SiteIndex i = index(List.of(post("joint", "2024-05-01", "", "Katrin Vogel, Daniel Okafor"),
                post("solo", "2024-04-01", "", "Katrin Vogel")));
        assertEquals(List.of("Daniel Okafor", "Katrin Vogel"), i.authors().stream().map(Taxon::name).toList());
        assertEquals(2, i.authors().get(1).count());
        assertEquals(1, i.authors().get(0).count());
    }

    @Test
    void unicodeTagsGetReadableSlugs() {
        SiteIndex i = index(List.of(post("a", "2024-05-01", "Россия, Việt Nam, 한반도", "")));
        assertEquals(List.of("việt-nam", "россия", "한반도"),
                i.tags().stream().map(Taxon::slug).sorted().toList());
        assertTrue(i.tags().stream().allMatch(t -> t.target().uri().matches("tags/[A-Za-z0-9%-]+\\.html")),
                i.tags().toString());
    }

    @Test
    void twoTagsOnOneUrlAreAnErrorNamingBoth() {
        var r = new SiteIndexer(SiteConfig.defaults()).index(
                List.of(post("a", "2024-05-01", "C++", ""), post("b", "2024-06-01", "C#", "")), NOW, false);
        assertEquals(1, r.problems().size(), r.problems().toString());
        String m = r.problems().get(0).message();
        assertTrue(m.contains("C++") && m.contains("C#") && m.contains("tags/c.html"), m);
        assertEquals(4, r.problems().get(0).line(), "the line of the tags field");
    }

    @Test
    void neighboursAndArchive() {
        SiteIndex i = index(List.of(post("a", "2023-12-01", "", ""), post("b", "2024-01-15", "", ""),
                post("c", "2024-01-20", "", "")));
        Article b = i.posts().get(1);
        assertEquals("a", i.neighboursOf(b).orElseThrow().older().slug());
        assertEquals("c", i.neighboursOf(b).orElseThrow().newer().slug());
        assertNull(i.neighboursOf(i.posts().get(0)).orElseThrow().newer());
        assertEquals(List.of(2024, 2023), i.archive().stream().map(ArchiveYear::year).toList());
        assertEquals(2, i.archive().get(0).months().get(0).articles().size());
    }
    @Test
    void newestFirstSortsAsTheComparatorDoes() {
        List<Article> docs = new ArrayList<>();
        String[] dates = {"2024-01-15", "2024-01-15T10:00:00+02:00", "2024-01-15T08:00:00Z", "2024-01-15T09:00:00+01:00",
            "2023-12-31T23:59:59.5Z", "2023-12-31T23:59:59.25Z", "2025-06-01",
            "2024-01-15T00:00:00Z"}; // the first's instant and local time in another zone (Z, not the site's UTC)
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            docs.add(post("s" + random.nextInt(8), dates[random.nextInt(dates.length)], "", ""));
        }
        for (int i = 0; i < 3; i++) {
            docs.add(TestContent.article(SiteConfig.defaults(), "pages/p" + i + ".md", "title: P" + i + "\ntype: page",
                    "Text."));
        }
        Collections.shuffle(docs, random);
        List<Article> expected = new ArrayList<>(docs);
        expected.sort(SiteIndexer.NEWEST_FIRST);
        assertEquals(expected, SiteIndexer.newestFirst(docs));
        assertTrue(docs.stream().anyMatch(a -> a.date() == null), "some documents have no date");
        assertTrue(docs.stream().map(Article::date).filter(d -> d != null).map(d -> d.getZone().getId())
                .distinct().count() >= 3, "equal instants in zones of other ids");
    }
}
