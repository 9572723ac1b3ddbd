package dev.journal.core.write;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderGuardTest {

    @TempDir
    Path site;

    private List<Path> folders() {
        return List.of(site.resolve("content"), site.resolve("templates"), site.resolve("assets"));
    }

    @Test
    void refusesDangerousFolders() throws IOException {
        Files.createDirectories(site.resolve("content/articles"));
        assertTrue(OutputFolderGuard.check(Path.of("/"), site, folders()).isPresent());
        assertTrue(OutputFolderGuard.check(Path.of(System.getProperty("user.home")), site, folders()).isPresent());
        assertTrue(OutputFolderGuard.check(site, site, folders()).isPresent(), "the project root");
        assertTrue(OutputFolderGuard.check(site.getParent(), site, folders()).isPresent(), "above the project");
        assertTrue(OutputFolderGuard.check(site.resolve("content"), site, folders()).isPresent());
        assertTrue(OutputFolderGuard.check(site.resolve("content/articles"), site, folders()).isPresent());
        assertTrue(OutputFolderGuard.check(site.resolve("templates/out"), site, folders()).isPresent());
        assertTrue(OutputFolderGuard.check(site.resolve("content/../content"), site, folders()).isPresent());
    }

    @Test
    void refusesAFolderOfSomeoneElsesFiles() throws IOException {
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve("docs/thesis.tex"), "precious");
        assertTrue(OutputFolderGuard.check(site.resolve("docs"), site, folders()).isPresent());
        Files.writeString(site.resolve("docs/" + SiteWriter.MARKER), "");
        assertTrue(OutputFolderGuard.check(site.resolve("docs"), site, folders()).isEmpty());
    }

    @Test
    void refusesAFolderThatHoldsTheBuildCacheOrIsInsideIt() throws IOException {
        Path cache = site.resolve("target/journal-cache");
        assertTrue(OutputFolderGuard.check(site.resolve("target"), site, folders(), cache).orElseThrow()
                .contains("overlaps the build cache"), "the cache, drafts and all, would be published");
        assertTrue(OutputFolderGuard.check(cache.resolve("site"), site, folders(), cache).isPresent());
        assertTrue(OutputFolderGuard.check(site.resolve("target/site"), site, folders(), cache).isEmpty());
    }

    @Test
    void acceptsTheUsualFolders() throws IOException {
        assertTrue(OutputFolderGuard.check(site.resolve("target/site"), site, folders()).isEmpty());
        assertTrue(OutputFolderGuard.check(site.resolve("output"), site, folders()).isEmpty());
        Files.createDirectories(site.resolve("empty"));
        assertTrue(OutputFolderGuard.check(site.resolve("empty"), site, folders()).isEmpty());
    }
}
