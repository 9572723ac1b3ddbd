package dev.journal.core.internal.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.SpecFiles;
import dev.journal.core.parse.Heading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Heading anchor ids: the cases of {@code spec/heading-ids.tsv}, and the ids they keep clear of. */
class HeadingIdsTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(MarkdownOptions.site(true));

    static Stream<Arguments> rows() {
        return SpecFiles.rows("heading-ids.tsv").stream().map(r -> Arguments.of(r[1], r[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void headingIds(String markdown, String ids) {
        MarkdownResult r = RENDERER.render(markdown, 1, s -> s);
        Element body = Jsoup.parseBodyFragment(r.html()).body();
        assertEquals(List.of(ids.split(" ")), body.select("h1, h2, h3, h4, h5, h6").eachAttr("id"), r.html());
        assertUniqueAndFree(body, r);
    }

    /** Property: the renderer's own identifier of a text is the one commonmark's generator makes first. */
    @Test
    void identifiersAreCommonmarksFirstIds() {
        String alphabet = "aZ09 -_.,:;!?'\"()[]{}<>#&%$@*+=/\\|~^`\u00e9\u00df\u0130\u0131\u00c5\u0436\u05d0"
                + "\u0627\u4e2d\u3042\u00a0\t\u2014\u201c\u0301\ud83d\ude00";
        Random random = new Random(7);
        for (int run = 0; run < 5_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String lower = text.toString().toLowerCase(Locale.ROOT);
            assertEquals(org.commonmark.ext.heading.anchor.IdGenerator.builder().defaultId("section").build()
                    .generateId(lower), MarkdownRenderer.identifier(lower), text.toString());
        }
    }

    /** Property: whatever headings and notes a document has, every id in it is unique and free. */
    @Test
    void randomDocumentsHaveUniqueIds() {
        List<String> texts = List.of("x", "x", "x 1", "x-1", "x 1 1", "Main", "main 1", "FN 1", "fnref 1",
                "FNref 1 2", "FN a", "1", "h 1", "", "Related title", "Section");
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            StringBuilder md = new StringBuilder();
            int headings = random.nextInt(12);
            for (int i = 0; i < headings; i++) {
                md.append(random.nextInt(4) == 0 ? "> " : "").append("#".repeat(1 + random.nextInt(3))).append(' ')
                        .append(texts.get(random.nextInt(texts.size()))).append("\n\n");
            }
            int refs = random.nextInt(4);
            for (int i = 0; i < refs; i++) {
                md.append("Claim.[^").append(random.nextBoolean() ? "1" : "a").append("]\n\n");
            }
            md.append("[^1]: One.\n\n[^a]: A.\n");
            MarkdownResult r = RENDERER.render(md.toString(), 1, s -> s);
            assertUniqueAndFree(Jsoup.parseBodyFragment(r.html()).body(), r);
        }
    }

    @Test
    void manyRepeatedHeadingsStayUnique() {
        MarkdownResult r = RENDERER.render("## Part\n\n## Part 1\n\n".repeat(5_000), 1, s -> s);
        assertEquals(10_000, r.headings().stream().map(Heading::id).distinct().count());
    }

    @Test
    void idsDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("india-and-iran", RENDERER.render("## INDIA AND IRAN\n", 1, s -> s).headings().get(0).id());
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * The reserved ids are the ones the built-in theme writes: every literal {@code id="..."} of its
     * templates and of the repository's own templates, and the ids its search script makes. Ids built
     * from data (the archive's {@code y2024} and {@code m2024-03}) are on list pages, which print no
     * body.
     */
    @Test
    void theReservedIdsAreTheThemes() throws IOException {
        Set<String> written = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/main/resources/dev/journal/core/theme/templates"),
                Path.of("../../templates"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(f -> f.toString().endsWith(".ftlh")).forEach(files::add);
            }
        }
        files.add(Path.of("src/main/resources/dev/journal/core/theme/assets/js/search.js"));
        assertTrue(files.size() > 10, "the templates were found: " + files);
        Pattern id = Pattern.compile("\\bid=\"([^\"]*)\"|\\.id = '([^']*)'|getElementById\\('([^']*)'\\)");
        for (Path f : files) {
            Matcher m = id.matcher(Files.readString(f));
            while (m.find()) {
                String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (!value.contains("${")) {
                    written.add(value);
                }
            }
        }
        assertEquals(written, new TreeSet<>(MarkdownRenderer.RESERVED_IDS));
    }

    /** Every id of the body is unique, none is reserved, and the table of contents links to the ids written. */
    private static void assertUniqueAndFree(Element body, MarkdownResult r) {
        List<String> all = body.select("[id]").eachAttr("id");
        assertEquals(all.size(), new HashSet<>(all).size(), "unique ids: " + all + "\n" + r.html());
        for (String id : all) {
            assertFalse(MarkdownRenderer.RESERVED_IDS.contains(id), id + " is the theme's");
        }
        List<String> top = body.children().stream().filter(e -> e.tagName().matches("h[1-6]"))
                .map(e -> e.attr("id")).toList();
        assertEquals(top, r.headings().stream().map(Heading::id).toList(), "the table of contents");
    }
}
