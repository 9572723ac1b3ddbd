package dev.journal.core.render;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.BakeOptions;
import dev.journal.core.Baker;
import dev.journal.core.ContentException;
import dev.journal.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A template whose loop never ends is stopped and reported, rather than hanging the build (and CI) for ever. */
class TemplateTimeLimitTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(60)
    void aLoopThatNeverEndsIsStoppedAndReportedAtItsTemplateIncludedOrNot() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        write(site, "jbake.properties", "render.feed=false\nrender.archive=false\nrender.sitemap=false\n");
        write(site, "templates/index.ftl", "<#list published_posts as p>${p.uri}</#list>");
        write(site, "templates/post.ftl", "<#include \"parts/forever.ftl\">");
        write(site, "templates/parts/forever.ftl", "<#list 1..1000000000000 as i>${i}</#list>");
        write(site, "templates/page.ftl", "<#assign n = 0><#list 1..1000000000000 as i><#assign n = n + 1></#list>");
        write(site, "templates/tags.ftl", "${tag}");
        write(site, "content/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\nText.\n");
        write(site, "content/b.md", "title=B\ndate=2024-01-01\ntype=page\nstatus=published\n~~~~~~\nText.\n");
        long limit = TemplateEngine.timeLimitMillis;
        TemplateEngine.timeLimitMillis = 1_000;
        try {
            ContentException e = assertThrows(ContentException.class,
                    () -> new Baker(BakeOptions.of(site, temp.resolve("out"))).bake());
            List<String> errors = e.errors().stream().map(Problem::toString).sorted().toList();
            assertEquals(2, errors.size(), errors::toString);
            assertTrue(errors.get(0).startsWith("templates/page.ftl: the template rendered one page for more than 1 s"),
                    errors::toString);
            assertTrue(errors.get(1).startsWith("templates/parts/forever.ftl") || errors.get(1).startsWith(
                    "templates/post.ftl"), errors::toString);
        } finally {
            TemplateEngine.timeLimitMillis = limit;
        }
        assertFalse(Thread.currentThread().isInterrupted());
        // a build after it, in the same process (the watchdog's), renders pages that end
        write(site, "templates/post.ftl", "${content.title}");
        write(site, "templates/page.ftl", "${content.title}");
        new Baker(BakeOptions.of(site, temp.resolve("out"))).bake();
        assertEquals("A", Files.readString(temp.resolve("out/a.html")));
    }
}
