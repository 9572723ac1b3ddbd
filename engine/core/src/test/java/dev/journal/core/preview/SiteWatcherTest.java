package dev.journal.core.preview;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.config.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWatcherTest {

    @TempDir
    Path site;
    final LinkedBlockingQueue<Set<Path>> bursts = new LinkedBlockingQueue<>();
    SiteWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        write(site, "content/articles/2024/a.md", "a");
        watcher = new SiteWatcher(site, SiteConfig::defaults, bursts::add, line -> { });
        watcher.start();
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
    }

    private Set<Path> next() throws InterruptedException {
        Set<Path> burst = bursts.poll(10, TimeUnit.SECONDS);
        assertNotNull(burst, "no change reported");
        return burst;
    }

    /** A change that must be reported, to be sure nothing else was reported before it. */
    private void marker(String name) throws Exception {
        Path p = write(site, "content/" + name, name);
        assertEquals(Set.of(p), next());
    }

    @Test
    void reportsEachSaveOnceWithThePathsChanged() throws Exception {
        Path a = write(site, "content/articles/2024/a.md", "changed");
        assertEquals(Set.of(a), next());
        Path created = write(site, "content/articles/2025/new/b.md", "in a new folder");
        assertTrue(next().contains(created.getParent().getParent()));
        Path deeper = write(site, "content/articles/2025/new/c.md", "the new folder is watched too");
        assertEquals(Set.of(deeper), next());
        Path config = write(site, "jbake.properties", "journal.title=T\n");
        assertEquals(Set.of(config), next());
        Path template = write(site, "templates/post.ftl", "x");
        assertTrue(next().contains(template.getParent()), "a template folder created later");
        write(site, "templates/post.ftl", "y");
        assertEquals(Set.of(template), next());
    }

    @Test
    void editorLeftoversAndTemporaryFilesAreNoChange() throws Exception {
        write(site, "content/articles/2024/a.md~", "backup");
        write(site, "content/articles/2024/.a.md.swp", "swap");
        Path temp = write(site, "content/articles/2024/4913", "vim's test file");
        Files.delete(temp);
        write(site, "target/preview/index.html", "the output folder is not watched");
        marker("marker.md");
        assertNull(bursts.poll(50, TimeUnit.MILLISECONDS));
    }

    @Test
    void theAssetFoldersDotFilesAreChangesAsTheBuildCopiesThem() throws Exception {
        write(site, "assets/css/site.css", "body {}");
        next();
        Path htaccess = write(site, "assets/.htaccess", "ErrorDocument 404 /404.html");
        assertEquals(Set.of(htaccess), next(), "copied into the site (asset.ignore=false)");
        write(site, "assets/.DS_Store", "never copied");
        write(site, "content/articles/2024/.hidden.md", "content's dot-files are skipped");
        marker("marker2.md");
        assertNull(bursts.poll(50, TimeUnit.MILLISECONDS));
    }
}
