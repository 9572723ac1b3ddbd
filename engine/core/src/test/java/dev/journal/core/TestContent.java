package dev.journal.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.internal.Digests;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small helpers to make articles and sites in tests. */
public final class TestContent {

    private TestContent() {
    }

    /** An article parsed from front matter fields and a body; fails the test on any error. */
    public static Article article(SiteConfig config, String contentPath, String frontMatter, String body) {
        String text = "---\n" + frontMatter.strip() + "\n---\n" + body;
        ContentParser parser = new ContentParser(config, new MarkdownRenderer(MarkdownOptions.site(true)));
        ContentParser.Parsed p = parser.parseOne(new SourceFile("content/" + contentPath, contentPath,
                text.getBytes(StandardCharsets.UTF_8)), Map.of());
        if (p.articles().isEmpty()) {
            throw new AssertionError("test article did not parse: " + p.problems());
        }
        return p.articles().get(0);
    }

    public static Article post(String slug, String date, String tags, String authors) {
        return article(SiteConfig.defaults(), "articles/" + slug + ".md",
                "title: Title of " + slug + "\ndate: " + date + "\ntags: [" + tags + "]\nauthors: [" + authors + "]",
                "Text of " + slug + ".");
    }

    /** Writes a file into a site folder, creating folders. */
    public static Path write(Path site, String path, String text) throws IOException {
        Path p = site.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Every file under {@code root} with the SHA-256 of its bytes, by relative path. */
    public static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Digests.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    /** Every file under {@code root} with its modification time in milliseconds; there must be some. */
    public static Map<String, Long> times(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
            }
        }
        assertTrue(!out.isEmpty());
        return out;
    }
}
