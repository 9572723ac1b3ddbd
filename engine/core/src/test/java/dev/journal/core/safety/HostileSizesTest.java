package dev.journal.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.BakeOptions;
import dev.journal.core.Baker;
import dev.journal.core.ContentException;
import dev.journal.core.Problem;
import dev.journal.core.TestContent;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile sizes: big articles build, pathological syntax neither crashes nor takes minutes. The
 * inputs are large enough that quadratic work would take minutes, so the generous timeouts only
 * guard against that; nothing here measures speed.
 */
class HostileSizesTest {

    private static final int N = 50_000;
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(MarkdownOptions.site(true));

    @TempDir
    Path dir;

    /** About 5 MB of varied prose, with raw HTML so that the sanitiser sees it all too. */
    static String bigArticle() {
        StringBuilder sb = new StringBuilder(5_300_000);
        sb.append("---\ntitle: A very long report\ndate: 2024-01-01\ntags: [Energy]\n---\n");
        for (int i = 0; sb.length() < 5_000_000; i++) {
            sb.append("## Section ").append(i).append("\n\n")
                    .append("The \"price cap\" -- introduced in *December 2022* -- was meant to keep **oil** flowing")
                    .append(" while cutting revenue[^n").append(i).append("]; see [the note](#n) and ")
                    .append("<https://example.org/").append(i).append(">... It's `code` and ~~struck~~ text.\n\n")
                    .append("> A quoted paragraph with <abbr title=\"European Union\">EU</abbr> markup.\n\n")
                    .append("- one\n- two\n  - nested\n\n")
                    .append("| year | value |\n|---:|:---|\n| 2023 | ").append(i).append(" |\n\n")
                    .append("```\nfor (int i = 0; i < n; i++) {}\n```\n\n")
                    .append("[^n").append(i).append("]: Footnote ").append(i).append(".\n\n");
        }
        return sb.toString();
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFiveMegabyteArticleBuilds() throws Exception {
        Path site = dir.resolve("site");
        String text = bigArticle();
        assertTrue(text.length() >= 5_000_000);
        TestContent.write(site, "content/articles/big.md", text);
        new Baker(BakeOptions.of(site, dir.resolve("out")).withClock(HostileSitesTest.CLOCK)).bake();
        String page = Files.readString(dir.resolve("out/articles/big.html"));
        assertTrue(page.length() > 5_000_000, "the whole body is on the page");
        assertTrue(page.contains("<h2 id=\"section-9000\">Section 9000</h2>"), "headings keep their ids");
        assertTrue(page.contains("<abbr title=\"European Union\">EU</abbr>"), "raw HTML sanitised, not dropped");
    }

    static Stream<Arguments> pathological() {
        return Stream.of(
                Arguments.of("nested quotes", (Supplier<String>) () -> "> ".repeat(N) + "x"),
                Arguments.of("nested lists", (Supplier<String>) () -> "- ".repeat(N) + "x"),
                Arguments.of("nested ordered lists", (Supplier<String>) () -> "1. ".repeat(N) + "x"),
                Arguments.of("quotes in lists", (Supplier<String>) () -> "- > ".repeat(N) + "x"),
                Arguments.of("indented lists", (Supplier<String>) HostileSizesTest::indentedLists),
                Arguments.of("open emphasis", (Supplier<String>) () -> "*a ".repeat(N)),
                Arguments.of("open strong and emphasis", (Supplier<String>) () -> "**_".repeat(N)),
                Arguments.of("closed nested emphasis", (Supplier<String>) () -> "**_".repeat(N / 4) + "x"
                        + "_**".repeat(N / 4)),
                Arguments.of("open brackets", (Supplier<String>) () -> "[".repeat(N)),
                Arguments.of("closed nested brackets", (Supplier<String>) () -> "[".repeat(N) + "a" + "]".repeat(N)),
                Arguments.of("open link destinations", (Supplier<String>) () -> "[a](".repeat(N)),
                Arguments.of("nested links", (Supplier<String>) () -> "[".repeat(N / 4) + "a" + "](b)".repeat(N / 4)),
                Arguments.of("open images", (Supplier<String>) () -> "![".repeat(N)),
                Arguments.of("less-than signs", (Supplier<String>) () -> "<".repeat(N)),
                Arguments.of("open tags", (Supplier<String>) () -> "<a".repeat(N)),
                Arguments.of("backticks", (Supplier<String>) () -> "`a".repeat(N)),
                Arguments.of("backtick runs of every length", (Supplier<String>) HostileSizesTest::backtickRuns),
                Arguments.of("strikethrough", (Supplier<String>) () -> "~~a ".repeat(N)),
                Arguments.of("entities", (Supplier<String>) () -> "&amp;&#1;&#x;&".repeat(N)),
                Arguments.of("quotes for smart typography", (Supplier<String>) () -> "\"'".repeat(N)),
                Arguments.of("autolinks", (Supplier<String>) () -> "www.a.org ".repeat(N / 4)),
                Arguments.of("footnote references", (Supplier<String>) () -> "[^1]".repeat(N / 4) + "\n\n[^1]: x"),
                Arguments.of("link reference definitions", (Supplier<String>) () -> "[a]: b\n".repeat(N / 4)
                        + "[a]".repeat(N / 4)),
                Arguments.of("same heading many times", (Supplier<String>) () -> "# x\n".repeat(N / 4)),
                Arguments.of("headings that take each other's ids", (Supplier<String>) () -> "# x\n# x 1\n# x-1\n"
                        .repeat(N / 8)),
                Arguments.of("nested raw HTML", (Supplier<String>) () -> "<div>".repeat(N) + "x"),
                Arguments.of("nested inline raw HTML", (Supplier<String>) () -> "x " + "<span>".repeat(N)),
                Arguments.of("unclosed raw HTML comments", (Supplier<String>) () -> "a <!-- ".repeat(N)),
                Arguments.of("many refused frames", (Supplier<String>) () -> "<iframe src=\"https://evil.example/\">"
                        .concat("</iframe>").repeat(N / 2)),
                Arguments.of("many refused images", (Supplier<String>) () -> "x <img src=\"javascript:x\" alt=\"a\">"
                        .repeat(N / 2)),
                Arguments.of("many control characters as references", (Supplier<String>) () -> "<p>&#1;</p>"
                        .repeat(N / 2)),
                Arguments.of("one very long line", (Supplier<String>) () -> "word ".repeat(N * 10)),
                Arguments.of("very many empty lines", (Supplier<String>) () -> "\n".repeat(N * 10)),
                Arguments.of("a table with many rows", (Supplier<String>) () -> "|a|b|\n|-|-|\n"
                        + "|x|y|\n".repeat(N / 4)));
    }

    private static String indentedLists() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append("  ".repeat(i)).append("- x\n");
        }
        return sb.toString();
    }

    private static String backtickRuns() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < 1500; i++) {
            sb.append("`".repeat(i)).append(" a ");
        }
        return sb.toString();
    }

    /** Neither a crash (a StackOverflowError included) nor minutes of work. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void pathologicalMarkdownRenders(String name, Supplier<String> input) {
        try {
            assertTrue(MARKDOWN.render(input.get(), 5, s -> s).html() != null);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("nested"), e.getMessage()); // deep raw HTML is refused, not cleaned
        }
    }

    /**
     * Raw HTML nested deeper than the sanitiser accepts is the file's error, located at its body,
     * not a crash and not minutes of work (jsoup's cleaner works in proportion to the depth for
     * every element). Commonmark's own limits (a table of more than a million cells) take the same way.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rawHtmlNestedTooDeeplyIsAnError() {
        String text = "---\ntitle: T\ndate: 2024-01-01\n---\nIntro.\n\n" + "<div>".repeat(N) + "x\n";
        ContentParser.Parsed p = new ContentParser(SiteConfig.defaults(), MARKDOWN).parseOne(new SourceFile(
                "content/t.md", "t.md", text.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertTrue(p.articles().isEmpty());
        assertEquals(1, p.problems().size(), p.problems().toString());
        Problem problem = p.problems().get(0);
        assertEquals("content/t.md", problem.path());
        assertEquals(5, problem.line());
        assertEquals("the body cannot be rendered: its HTML is nested " + (N + 1) + " elements deep; at most 256"
                + " are allowed", problem.message());
        String fine = "<div>".repeat(200) + "x\n";
        assertTrue(MARKDOWN.render(fine, 1, s -> s).html().startsWith("<div><div>"));
    }

    /**
     * Thousands of tags (or authors) on one article would make as many pages, each listing the
     * article with all of them: output in the square of their number. More than the limit is an
     * error on the field's line.
     */
    @Test
    void anArticleWithThousandsOfTagsOrAuthorsIsAnErrorNotHoursOfWork() {
        String tags = java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "t" + i)
                .collect(java.util.stream.Collectors.joining(", "));
        String authors = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "Ann Author" + (char) ('a' + i % 26)
                + i).collect(java.util.stream.Collectors.joining(", "));
        String text = "---\ntitle: T\ndate: 2024-01-01\nauthors: [" + authors + "]\ntags: [" + tags + "]\n---\nText.\n";
        ContentParser.Parsed p = new ContentParser(SiteConfig.defaults(), MARKDOWN).parseOne(new SourceFile(
                "content/t.md", "t.md", text.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertTrue(p.articles().isEmpty());
        assertEquals(List.of("content/t.md:4: authors lists 300 authors; an article has at most 200",
                "content/t.md:5: tags lists 5000 tags; an article has at most 200"),
                p.problems().stream().map(q -> q.path() + ":" + q.line() + ": " + q.message()).sorted().toList());
    }

    @Test
    void aLongTitleGetsASaneSlugAndTheFileKeepsItsName() throws IOException, ContentException {
        String title = "The Long Report on Energy Security, Sanctions and Shipping in the Baltic Sea ".repeat(26)
                .substring(0, 2000);
        String slug = Slugs.slug(title);
        assertTrue(slug.length() <= Slugs.MAX_LENGTH && slug.length() > Slugs.MAX_LENGTH / 2, slug);
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
        assertEquals("the-long-report-on-energy-security-sanctions-and-shipping-in-the-baltic-sea-the", slug);
        Path site = dir.resolve("site");
        TestContent.write(site, "content/articles/report.md", "---\ntitle: \"" + title + "\"\ndate: 2024-01-01\n---\n");
        new Baker(BakeOptions.of(site, dir.resolve("out")).withClock(HostileSitesTest.CLOCK)).bake();
        assertTrue(Files.readString(dir.resolve("out/articles/report.html")).contains(title.strip()));
        try (Stream<Path> s = Files.walk(dir.resolve("out"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().length() > 100), "no file is named after the title");
        }
    }
}
