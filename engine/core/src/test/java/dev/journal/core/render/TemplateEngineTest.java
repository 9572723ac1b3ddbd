package dev.journal.core.render;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import freemarker.template.Template;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template engine's configuration and how it reports a template's errors. */
class TemplateEngineTest {

    @TempDir
    Path site;

    private Problem failure(SiteConfig config, String name, Map<String, Object> model) throws Exception {
        TemplateEngine engine = new TemplateEngine(config, site.resolve("templates"));
        Template t = engine.find(name, "post", true).orElseThrow();
        Exception e = assertThrows(Exception.class, () -> engine.render(t, model));
        return engine.problem(e);
    }

    @Test
    void aBodyUsedAsTextInAnAutoEscapedFtlTemplateIsAnErrorThatSaysWhatToDo() throws Exception {
        write(site, "templates/post.ftl", "<p>\n${content.body?length}</p>");
        Problem p = failure(SiteConfig.defaults(), "post.ftl",
                Map.of("content", Map.of("body", new Html(() -> "<p>x</p>", "d"))));
        assertEquals("templates/post.ftl", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("?markup_string"), p.message());
        assertTrue(p.message().contains("journal.ftl.autoescape=false"), p.message());
    }

    @Test
    void markupComparedAsTextInTheThemesFtlhTemplatesGetsTheHintWithoutTheSwitch() throws Exception {
        write(site, "templates/post.ftlh", "<#if content.body == \"\">empty</#if>");
        Problem p = failure(SiteConfig.defaults(), "post.ftlh",
                Map.of("content", Map.of("body", new Html(() -> "<p>x</p>", "d"))));
        assertTrue(p.message().contains("?markup_string"), p.message());
        assertFalse(p.message().contains("journal.ftl.autoescape"), "an .ftlh template is escaped whatever the key says: "
                + p.message());
    }

    @Test
    void otherErrorsGetNoMarkupHint() throws Exception {
        write(site, "templates/post.ftl", "${content.missing}");
        Problem p = failure(SiteConfig.defaults(), "post.ftl", Map.of("content", Map.of()));
        assertFalse(p.message().contains("markup_string"), p.message());
    }
}
