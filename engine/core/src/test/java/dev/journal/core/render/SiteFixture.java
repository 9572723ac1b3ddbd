package dev.journal.core.render;

import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.Baker;
import dev.journal.core.TestContent;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small site written into a temporary folder and baked, for tests that read the output. */
final class SiteFixture {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final String HOST = "https://journal.example.org/";

    private final Path root;
    private final Map<String, String> files = new LinkedHashMap<>();
    private BakeResult result;

    SiteFixture(Path root) {
        this.root = root;
    }

    SiteFixture config(String properties) {
        files.put("jbake.properties", "site.host=" + HOST + "\n" + properties.strip() + "\n");
        return this;
    }

    SiteFixture file(String path, String text) {
        files.put(path, text);
        return this;
    }

    /** An article at {@code content/articles/<name>.md}. */
    SiteFixture post(String name, String frontMatter, String body) {
        return file("content/articles/" + name + ".md", "---\n" + frontMatter.strip() + "\n---\n" + body + "\n");
    }

    /** Writes the sources and bakes them into {@code out/}; the baked folder. */
    Path bake() throws Exception {
        return bake(CLOCK);
    }

    Path bake(Clock clock) throws Exception {
        Path source = root.resolve("src");
        for (var e : files.entrySet()) {
            TestContent.write(source, e.getKey(), e.getValue());
        }
        if (!files.containsKey("jbake.properties")) {
            TestContent.write(source, "jbake.properties", "site.host=" + HOST + "\n");
        }
        Path out = root.resolve("out-" + clock.instant().getEpochSecond());
        result = new Baker(BakeOptions.of(source, out).withClock(clock)).bake();
        return out;
    }

    /** The last bake's result (its warnings). */
    BakeResult result() {
        return result;
    }

    /** The file an absolute URL of the site, or a link relative to a page of it, leads to. */
    static Path target(Path site, Path page, String link) {
        String path;
        if (link.startsWith(HOST)) {
            path = site.resolve(decode(URI.create(link).getRawPath().substring(1))).toString();
        } else {
            path = page.getParent().resolve(decode(URI.create(link).getRawPath())).normalize().toString();
        }
        Path p = Path.of(path);
        return Files.isDirectory(p) ? p.resolve("index.html") : p;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
