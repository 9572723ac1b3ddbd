package dev.journal.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.ParseCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse cache keeps articles whole, and gives them back only for the same file and the same key. */
class ArticleStoreTest {

    @TempDir
    Path dir;

    private static final ContentParser PARSER = new ContentParser(SiteConfig.defaults(),
            new MarkdownRenderer(MarkdownOptions.site(true)));

    private static SourceFile file(String name, String text) {
        return new SourceFile("content/" + name, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String RICH = """
            ---
            title: "A \\"quoted\\" title — with Ünïcödé"
            authors: [Anna Lindqvist, Daniel Okafor]
            date: 2024-06-28T09:15:00+09:00
            updated: 2024-07-01
            tags: [Arctic, Россия, Việt Nam]
            slug: rich-one
            image: pic.png
            lang: de
            related: [other, third]
            series: {name: Arctic, part: 2, tags: [a, b], flag: true}
            nothing: ~
            ---
            Intro with a link to [the other](other.md#x) and a [missing](gone.md) one, an ![image](pic.png).

            ## Section one

            Text[^1] with *emphasis*, "quotes" and a table:

            | a | b |
            | - | - |
            | 1 | 2 |

            [^1]: A note.
            """;

    @Test
    void anArticleComesBackAsItWasParsed() throws Exception {
        Article original;
        String html;
        String text;
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            ContentParser.Parsed parsed = PARSER.parse(List.of(file("a/rich.md", RICH),
                    file("a/other.md", "---\ntitle: Other\ndate: 2024-01-01\n---\nOther.\n")), ForkJoinPool.commonPool(),
                    store);
            original = parsed.articles().stream().filter(a -> a.slug().equals("rich-one")).findFirst().orElseThrow();
            html = original.bodyHtml();
            text = original.text();
            store.save();
        }
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            ParseCache.Entry e = store.find("content/a/rich.md", original.hash()).orElseThrow();
            Article back = e.article();
            assertEquals(original.title(), back.title());
            assertEquals(original.authors(), back.authors());
            assertEquals(original.date(), back.date());
            assertEquals(original.updated(), back.updated());
            assertEquals(original.tags(), back.tags());
            assertEquals(original.summary(), back.summary());
            assertEquals(original.outputPath(), back.outputPath());
            assertEquals(original.uri(), back.uri());
            assertEquals(original.image(), back.image());
            assertEquals(original.lang(), back.lang());
            assertEquals(original.related(), back.related());
            assertEquals(original.meta(), back.meta());
            assertEquals(html, back.bodyHtml());
            assertEquals(text, back.text());
            assertTrue(html.contains("<table>") && html.contains("footnote"), html);
            assertEquals(original.headings(), back.headings());
            assertEquals(original.words(), back.words());
            assertEquals(original.references(), back.references());
            assertEquals(original.lines(), back.lines());
            assertArrayEquals(original.terms().hashes(), back.terms().hashes());
            assertArrayEquals(original.terms().counts(), back.terms().counts());
            assertEquals(original.terms().length(), back.terms().length());
            assertArrayEquals(original.search().terms(), back.search().terms());
            assertArrayEquals(original.search().packed(), back.search().packed());
            assertArrayEquals(original.search().length(), back.search().length());
            assertEquals(Map.of("a/other.md", "a/other.html", "a/gone.md", "", "a/pic.png", ""), e.linked(),
                    "the content files its links named, with their URIs then");
        }
    }

    @Test
    void anotherKeyOrAnotherFileFindsNothing() throws Exception {
        String hash;
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            hash = PARSER.parse(List.of(file("x.md", "---\ntitle: X\ndate: 2024-01-01\n---\nX.\n")),
                    ForkJoinPool.commonPool(), store).articles().get(0).hash();
            store.save();
        }
        try (ArticleStore store = ArticleStore.open(dir, "other key")) {
            assertTrue(store.find("content/x.md", hash).isEmpty(), "another engine or configuration");
        }
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            assertTrue(store.find("content/x.md", "0".repeat(64)).isEmpty(), "the file changed");
            assertTrue(store.find("content/x.md", hash).isPresent());
        }
    }

    @Test
    void aCachedArticleIsParsedAgainWhenALinkedPageMoves() throws Exception {
        String linking = "---\ntitle: L\ndate: 2024-01-01\n---\nSee [t](t.md).\n";
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            PARSER.parse(List.of(file("l.md", linking), file("t.md", "---\ntitle: T\ndate: 2024-01-01\n---\nT.\n")),
                    ForkJoinPool.commonPool(), store);
            store.save();
        }
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            ContentParser.Parsed p = PARSER.parse(List.of(file("l.md", linking),
                    file("t.md", "---\ntitle: T\ndate: 2024-01-01\nslug: moved\n---\nT.\n")), ForkJoinPool.commonPool(),
                    store);
            Article l = p.articles().stream().filter(a -> a.slug().equals("l")).findFirst().orElseThrow();
            assertTrue(l.bodyHtml().contains("href=\"moved.html\""), l.bodyHtml());
            assertTrue(p.problems().stream().noneMatch(Problem::isError), p.problems().toString());
        }
    }
}
