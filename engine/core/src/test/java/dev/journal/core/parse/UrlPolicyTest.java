package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.journal.core.SpecFiles;
import dev.journal.core.config.SiteConfig;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UrlPolicyTest {

    static Stream<Arguments> rows() {
        return SpecFiles.rows("urls.tsv").stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "noExtension={0} {2} -> {4}")
    @MethodSource("rows")
    void document(String noExtension, String prefix, String contentPath, String slug, String output, String uri) {
        UrlPolicy urls = new UrlPolicy(SiteConfig.of(Map.of("uri.noExtension", noExtension,
                "uri.noExtension.prefix", prefix)));
        UrlPolicy.Target t = urls.document(contentPath, slug.equals("-") ? null : slug);
        assertEquals(output, t.outputPath());
        assertEquals(uri, t.uri());
    }

    @Test
    void relativeLinks() {
        assertEquals("../b/", UrlPolicy.relative("articles/a/index.html", "articles/b/"));
        assertEquals("../../../tags/x/", UrlPolicy.relative("articles/2024/a/index.html", "tags/x/"));
        assertEquals("./", UrlPolicy.relative("articles/a/index.html", "articles/a/"));
        assertEquals("articles/a/", UrlPolicy.relative("index.html", "articles/a/"));
        assertEquals("../", UrlPolicy.relative("2/index.html", ""));
        assertEquals("x.html", UrlPolicy.relative("blog/y.html", "blog/x.html"));
        assertEquals("../", UrlPolicy.relative("я/a/index.html", "%D1%8F/"));
        assertEquals("../../%D1%8F/", UrlPolicy.relative("b/a/index.html", "%D1%8F/"));
    }

    @Test
    void pages() {
        UrlPolicy pretty = new UrlPolicy(SiteConfig.of(Map.of("uri.noExtension", "true")));
        UrlPolicy plain = SiteConfigs.plain();
        UrlPolicy.Target home = pretty.file("index.html");
        assertEquals("2/index.html", pretty.page(home, 2).outputPath());
        assertEquals("2/", pretty.page(home, 2).uri());
        UrlPolicy.Target tag = pretty.section("tags", "energy");
        assertEquals("tags/energy/3/index.html", pretty.page(tag, 3).outputPath());
        assertEquals("tags/energy/3/", pretty.page(tag, 3).uri());
        assertEquals("2/index.html", plain.page(plain.file("index.html"), 2).outputPath());
        assertEquals("tags/energy/2.html", plain.page(plain.section("tags", "energy"), 2).outputPath());
    }

    @Test
    void encoding() {
        assertEquals("a%20b/%C3%A9/", UrlPolicy.encode("a b/é/"));
        assertEquals("safe-._~/", UrlPolicy.encode("safe-._~/"));
        assertEquals("%3F%23%25", UrlPolicy.encode("?#%"));
    }

    private static final class SiteConfigs {
        static UrlPolicy plain() {
            return new UrlPolicy(SiteConfig.defaults());
        }
    }
}
