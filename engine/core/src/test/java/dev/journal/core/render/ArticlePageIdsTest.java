package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baked article page, with the layout and every block of the built-in theme around its body, has
 * each id once, and its table of contents links to its headings.
 */
class ArticlePageIdsTest {

    @TempDir
    Path dir;

    @Test
    void headingsTakeNoIdOfTheThemeOrOfTheFootnotes() throws Exception {
        Path site = new SiteFixture(dir).config("uri.noExtension=true")
                .post("2024/clash", "title: Clash\ndate: 2024-05-01\nauthors: [Anna Lindqvist]\nrelated: [other]", """
                        ## Main

                        A claim.[^1]

                        ## Background

                        ## Background

                        ## Background 1

                        ## Related title

                        ## Cite title

                        ## About authors title

                        ## TOC title

                        ## FN 1

                        ## FNref 1

                        [^1]: The source.
                        """)
                .post("2024/other", "title: Other\ndate: 2024-04-01", "Other text.")
                .file("content/authors/anna.md", "---\ntype: author\nname: Anna Lindqvist\n---\nAnna writes.\n")
                .bake();
        Document page = Jsoup.parse(site.resolve("articles/2024/clash/index.html").toFile(),
                StandardCharsets.UTF_8.name());
        for (String block : List.of("main#main", "h2#toc-title", "h2#about-authors-title", "h2#cite-title",
                "h2#related-title", "li#fn-1", "a#fnref-1")) {
            assertEquals(1, page.select(block).size(), "the page has " + block);
        }
        List<String> ids = page.select("[id]").eachAttr("id");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "every id once: " + ids);
        List<String> toc = page.select(".toc a").eachAttr("href");
        assertEquals(List.of("#main-1", "#background", "#background-1", "#background-1-1", "#related-title-1",
                "#cite-title-1", "#about-authors-title-1", "#toc-title-1", "#fn-1-1", "#fnref-1-1"), toc);
        for (String href : toc) {
            assertEquals("h2", page.getElementById(href.substring(1)).tagName(), href);
        }
    }
}
