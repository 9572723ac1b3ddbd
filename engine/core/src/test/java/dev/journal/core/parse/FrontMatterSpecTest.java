package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.journal.core.Problem;
import dev.journal.core.SpecFiles;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of {@code spec/front-matter.txt}: a file in, fields or located problems out. */
class FrontMatterSpecTest {

    private static final ContentParser PARSER = new ContentParser(SiteConfig.defaults(),
            new MarkdownRenderer(MarkdownOptions.site(true)));

    record Case(String name, String path, String document, List<String> expectations) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String[] lines = SpecFiles.read("front-matter.txt").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("## ")) {
                i++;
                continue;
            }
            String[] head = lines[i].substring(3).split("\\|");
            String name = head[0].strip();
            String path = head.length > 1 ? head[1].strip() : "articles/2024/case.md";
            StringBuilder doc = new StringBuilder();
            i++;
            while (!lines[i].equals(".")) {
                doc.append(lines[i]).append('\n');
                i++;
            }
            i++;
            List<String> expect = new ArrayList<>();
            while (i < lines.length && !lines[i].startsWith("## ")) {
                if (!lines[i].isBlank()) {
                    expect.add(lines[i]);
                }
                i++;
            }
            String text = name.contains("CRLF") ? doc.toString().replace("\n", "\r\n") : doc.toString();
            cases.add(new Case(name, path, text, expect));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void frontMatter(Case c) {
        SourceFile file = new SourceFile("content/" + c.path(), c.path(), c.document().getBytes(StandardCharsets.UTF_8));
        ContentParser.Parsed parsed = PARSER.parseOne(file, Map.of());
        List<Problem> errors = parsed.problems().stream().filter(Problem::isError).toList();
        List<Problem> warnings = parsed.problems().stream().filter(p -> !p.isError()).toList();
        List<String> expectedErrors = c.expectations().stream().filter(e -> e.startsWith("error ")).toList();
        List<String> expectedWarnings = c.expectations().stream().filter(e -> e.startsWith("warning ")).toList();
        assertProblems("error", expectedErrors, errors);
        assertProblems("warning", expectedWarnings, warnings);
        if (!expectedErrors.isEmpty()) {
            assertTrue(parsed.articles().isEmpty(), "a file with errors yields no article");
            return;
        }
        assertEquals(1, parsed.articles().size(), "problems: " + parsed.problems());
        Article a = parsed.articles().get(0);
        for (String e : c.expectations()) {
            if (e.startsWith("error ") || e.startsWith("warning ")) {
                continue;
            }
            int colon = e.indexOf(": ");
            String field = e.substring(0, colon);
            String expected = e.substring(colon + 2);
            assertEquals(expected, actual(a, field), field);
        }
    }

    private static void assertProblems(String kind, List<String> expected, List<Problem> actual) {
        String report = actual.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertEquals(expected.size(), actual.size(), kind + "s expected " + expected + ", got:\n" + report);
        for (String e : expected) {
            int colon = e.indexOf(": ");
            int line = Integer.parseInt(e.substring(kind.length() + 1, colon));
            String words = e.substring(colon + 2);
            boolean found = actual.stream().anyMatch(p -> p.line() == line && p.message().contains(words)
                    && p.path().startsWith("content/"));
            if (!found) {
                fail("expected " + kind + " on line " + line + " containing '" + words + "', got:\n" + report);
            }
        }
    }

    private static String actual(Article a, String field) {
        return switch (field) {
            case "title" -> a.title();
            case "authors" -> a.authors().toString();
            case "tags" -> a.tags().toString();
            case "date" -> a.date() == null ? "null" : a.date().toInstant().toString().replace(":00Z", ":00Z");
            case "draft" -> Boolean.toString(a.draft());
            case "type" -> a.type();
            case "slug" -> a.slug();
            case "summary" -> a.summary();
            case "related" -> a.related().hidden() ? "hidden" : a.related().pinned().toString();
            case "lang" -> String.valueOf(a.lang());
            default -> {
                if (field.startsWith("meta.")) {
                    yield String.valueOf(a.meta().get(field.substring(5)));
                }
                throw new IllegalArgumentException("unknown field " + field);
            }
        };
    }
}
