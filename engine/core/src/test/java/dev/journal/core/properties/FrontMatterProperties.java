package dev.journal.core.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The parse stage on generated files, well-formed or not: it never throws, always yields either
 * an article and no error or located errors and no article, keeps every value free of control
 * characters, and never takes long (the timeout is a generous guard against runaway work only).
 */
class FrontMatterProperties {

    private static final ContentParser PARSER = new ContentParser(SiteConfig.defaults(),
            new MarkdownRenderer(MarkdownOptions.site(true)));
    private static final Duration GUARD = Duration.ofSeconds(20);

    /** Pieces that YAML, JBake headers and Markdown give meaning to, plus hostile characters. */
    private static final List<String> TOKENS = List.of("---", "...", "~~~~~~", "\n", "\n", "\n", " ", "  ", "\t",
            "title", "date", "tags", "authors", "author", "slug", "draft", "status", "type", "summary", "image", "lang",
            "related", "updated", ": ", ":", "=", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "? ", "!!str ",
            "!!python/object:os.system ", "!!javax.script.ScriptEngineManager ", "!x ", "%YAML 1.2", "\"", "'", "\\",
            "\\u0000", "\\x1b", "\\ud800", "\\uFFFE", "#", "|", ">", "~", "null", "true", "false", "yes", "2024-01-01",
            "2023-02-29", "10/03/2024", "2024-06-28T14:30:00+02:00", "1e9", "0x1F", ".inf", "<script>", "${7*7}",
            "../", "/etc/passwd", "C:\\", "\u202E", "\u0000", "\u001B", "\uFEFF", "\uD800", "\uFFFE", "é", "Ж", "한",
            "[a](javascript:x())", "<div onclick=x()>", "[^1]", "| a |\n|---|\n", "```", "> ", "* ", "_", "`", "&#1;");

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(60)
                .map(l -> String.join("", l));
        Arbitrary<String> header = Combinators.combine(tokens, Arbitraries.of("title: T\ndate: 2024-01-01\n", ""))
                .as((t, base) -> "---\n" + base + t + "\n---\n");
        Arbitrary<String> value = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
                .map(FrontMatterProperties::quoted);
        Arbitrary<String> wellFormed = Combinators.combine(value, value.list().ofMaxSize(5),
                value.list().ofMaxSize(3), value, tokens).as((title, tags, authors, slug, body) -> "---\ntitle: "
                        + title + "\ndate: 2024-06-28 14:30\ntags: " + tags + "\nauthors: " + authors + "\nslug: "
                        + slug + "\n---\n" + body);
        return Arbitraries.oneOf(
                wellFormed,
                Combinators.combine(header, tokens).as((h, b) -> h + b),
                Combinators.combine(tokens, tokens).as((h, b) -> h + "\n~~~~~~\n" + b),
                tokens,
                Arbitraries.strings().all().ofMaxLength(200).map(s -> "---\n" + s + "\n---\n" + s));
    }

    /** Any text as a YAML double-quoted scalar: every character other than plain ASCII as an escape. */
    static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> prefix = Arbitraries.of("---\ntitle: ".getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Combinators.combine(prefix, Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((p, b) -> {
                    byte[] all = new byte[p.length + b.length];
                    System.arraycopy(p, 0, all, 0, p.length);
                    System.arraycopy(b, 0, all, p.length, b.length);
                    return all;
                });
    }

    @Property(tries = 600)
    void textIsAnArticleOrLocatedErrors(@ForAll("documents") String document) {
        ContentParser.Parsed parsed = check(document.getBytes(StandardCharsets.UTF_8), document.split("\n", -1).length);
        Statistics.label("outcome").collect(parsed.articles().isEmpty() ? "errors" : "article")
                .coverage(c -> {
                    c.check("article").percentage(p -> p > 5);
                    c.check("errors").percentage(p -> p > 5);
                });
    }

    @Property(tries = 300)
    void bytesAreAnArticleOrLocatedErrors(@ForAll("bytes") byte[] bytes) {
        int lines = 1;
        for (byte b : bytes) {
            lines += b == '\n' ? 1 : 0;
        }
        check(bytes, lines);
    }

    private static ContentParser.Parsed check(byte[] bytes, int lines) {
        ContentParser.Parsed parsed = assertTimeoutPreemptively(GUARD, () -> PARSER.parseOne(
                new SourceFile("content/articles/x.md", "articles/x.md", bytes), Map.of()));
        List<Problem> errors = parsed.problems().stream().filter(Problem::isError).toList();
        assertEquals(errors.isEmpty(), parsed.articles().size() == 1, "an article exactly when there is no error: "
                + parsed.problems());
        for (Problem p : parsed.problems()) {
            assertEquals("content/articles/x.md", p.path());
            assertTrue(p.line() >= 0 && p.line() <= lines + 1, "line " + p.line() + " of " + lines + ": " + p);
            assertFalse(p.message().isBlank());
            assertFalse(p.toString().chars().anyMatch(c -> c < 0x20), "a report is one printable line: " + p);
        }
        for (Article a : parsed.articles()) {
            assertFalse(a.title().isBlank());
            for (String text : List.of(a.title(), a.summary(), a.bodyHtml(), a.text(), String.join(",", a.tags()),
                    String.join(",", a.authors()), a.slug(), a.outputPath())) {
                assertEquals(-1, SafeText.firstUnsafe(text), "no control character in " + text);
            }
        }
        return parsed;
    }
}
