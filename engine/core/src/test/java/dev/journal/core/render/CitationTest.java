package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.TestContent;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Article;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitationTest {

    static final SiteConfig CONFIG = SiteConfig.of(Map.of("journal.title", "The Review", "site.host",
            "https://example.org/", "uri.noExtension", "true"));

    static Citation citation(String frontMatter) {
        Article a = TestContent.article(CONFIG, "articles/2024/x.md", frontMatter, "Text.");
        return new Citation(a, CONFIG, null, a.tags());
    }

    @Test
    void referenceInChicagoStyleWithTheSitesDateFormat() {
        Citation c = citation("title: Bamboo Diplomacy\nauthor: Irina Khalturina\ndate: 2024-06-28");
        assertEquals("Khalturina, Irina. \u201cBamboo Diplomacy.\u201d The Review, 28 June 2024. "
                + "https://example.org/articles/2024/x/.", c.text());
        assertEquals("Khalturina, Irina. \u201cBamboo Diplomacy.\u201d <cite>The Review</cite>, 28 June 2024. "
                + "<a href=\"https://example.org/articles/2024/x/\">https://example.org/articles/2024/x/</a>.",
                c.html());
    }

    @Test
    void authorListsQuestionsAndQuotesInTitles() {
        assertTrue(citation("title: Alliance or Pact?\nauthors: [Ann Lee, Bo Chen]\ndate: 2024-01-02").text()
                .startsWith("Lee, Ann, and Bo Chen. \u201cAlliance or Pact?\u201d The Review"));
        assertTrue(citation("title: T\nauthors: ['Doe, Jane', 'Lee, Ann', 'King, Martin Luther, Jr.']\ndate: 2024-01-02")
                .text().startsWith("Doe, Jane, Ann Lee, and Martin Luther King Jr. \u201cT.\u201d"));
        assertTrue(citation("title: T\nauthors: [A One, B Two, C Three]\ndate: 2024-01-02").text()
                .startsWith("One, A, B Two, and C Three. \u201cT.\u201d"));
        String many = citation("title: T\nauthors: [A1 X, A2 X, A3 X, A4 X, A5 X, A6 X, A7 X, A8 X, A9 X, A10 X, A11 X]"
                + "\ndate: 2024-01-02").text();
        assertTrue(many.startsWith("X, A1, A2 X, A3 X, A4 X, A5 X, A6 X, A7 X, et al. \u201cT.\u201d"), many);
        assertTrue(citation("title: 'The \"Brussels Effect\"'\ndate: 2024-01-02").text()
                .startsWith("\u201cThe \u2018Brussels Effect.\u2019\u201d The Review"));
        String html = citation("title: Risks <script> & \"Rewards\"\nauthor: A <b>B</b>\ndate: 2024-01-02").html();
        assertFalse(html.contains("<script>") || html.contains("<b>"), html);
    }

    @Test
    void aTitleInAnotherLanguageIsMarkedWithItAndWithItsDirectionWhereThatDiffers() {
        String fr = citation("title: La route\nauthor: Ann Author\ndate: 2024-01-02\nlang: fr").html();
        assertTrue(fr.contains("\u201c<span lang=\"fr\">La route.</span>\u201d"), fr);
        SiteConfig arabic = SiteConfig.of(Map.of("journal.title", "The Review", "site.host", "https://review.example.org",
                "journal.language", "ar"));
        Article en = TestContent.article(arabic, "articles/2024/x.md", "title: The road\nauthor: Ann Author\n"
                + "date: 2024-01-02\nlang: en", "Text.");
        String html = new Citation(en, arabic, null, en.tags()).html();
        assertTrue(html.contains("<span lang=\"en\" dir=\"ltr\">The road.</span>"), html);
    }

    @Test
    void bibtexEscapesLatexAndKeepsBracesBalanced() {
        Citation c = citation("title: '50% of {all} costs & C#_1 at $5 ~ ^ \\ end'\n"
                + "authors: [Ann Lee, Smith and Sons, 'Doe, Jane']\ndate: 2024-06-28\ntags: [Energy, EU]\n"
                + "summary: \"Two\\nlines\"");
        String bib = c.bibtex();
        assertTrue(bib.startsWith("@article{lee2024all,\n"), bib);
        assertTrue(bib.contains("  title = {{50\\% of \\textbraceleft{}all\\textbraceright{} costs \\& C\\#\\_1 at "
                + "\\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} end}},\n"), bib);
        assertTrue(bib.contains("  author = {Ann Lee and {Smith and Sons} and Doe, Jane},\n"), bib);
        assertTrue(bib.contains("  year = {2024},\n  month = jun,\n  date = {2024-06-28},\n"), bib);
        assertTrue(bib.contains("  keywords = {Energy, EU},\n"), bib);
        assertTrue(bib.contains("  abstract = {Two lines}\n}\n"), bib);
        int depth = 0;
        for (char ch : bib.toCharArray()) {
            depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            assertTrue(depth >= 0, "a closing brace before its opening one");
        }
        assertEquals(0, depth, "braces balance");
    }

    @Test
    void risKeepsEveryValueOnItsOwnLine() {
        Citation c = citation("title: \"Line one\\nER  - injected\"\nauthors: [Ann Lee, Plato]\ndate: 2024-06-28\n"
                + "tags: [Energy]");
        String ris = c.ris();
        List<String> lines = List.of(ris.split("\r\n", -1));
        assertEquals("TY  - JOUR", lines.get(0));
        assertEquals("TI  - Line one ER - injected", lines.get(1));
        assertTrue(lines.contains("AU  - Lee, Ann") && lines.contains("AU  - Plato"), ris);
        assertTrue(lines.contains("DA  - 2024/06/28/") && lines.contains("PY  - 2024"), ris);
        assertTrue(lines.contains("UR  - https://example.org/articles/2024/x/") && lines.contains("KW  - Energy"));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("ER  -")).count(), ris);
        assertEquals("ER  - ", lines.get(lines.size() - 2));
        assertFalse(ris.replace("\r\n", "").contains("\n"), "only CRLF line ends");
    }

    @Test
    void filesSitBesideThePageNamedAfterTheArticle() {
        Article pretty = TestContent.article(CONFIG, "articles/2024/x.md", "title: T\ndate: 2024-01-01", "t");
        assertEquals("articles/2024/x/x.bib", Citation.bibtexPath(pretty));
        assertEquals("articles/2024/x/x.ris", Citation.risPath(pretty));
        Article plain = TestContent.article(SiteConfig.defaults(), "articles/2024/x.md", "title: T\ndate: 2024-01-01",
                "t");
        assertEquals("articles/2024/x.bib", Citation.bibtexPath(plain));
    }
}
