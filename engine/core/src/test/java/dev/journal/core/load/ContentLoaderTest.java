package dev.journal.core.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        Path p = site.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void readsDocumentsSortedAndCopiesTheRest() throws IOException {
        write("content/b.md", "b");
        write("content/a/z.md", "z");
        write("content/a/pic.png", "png");
        write("content/page.html", "h");
        write("assets/css/site.css", "css");
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertEquals(List.of("content/a/z.md", "content/b.md", "content/page.html"),
                s.documents().stream().map(SourceFile::path).toList());
        assertEquals(List.of("a/pic.png", "css/site.css"), s.files().stream().map(StaticFile::target).toList());
        assertTrue(s.problems().isEmpty(), s.problems().toString());
    }

    @Test
    void theParseReadsTheFilesAndReportsOneGoneSinceTheLoadByItsPath() throws IOException {
        write("content/a.md", "---\ntitle: A\ndate: 2024-01-02\n---\nAlpha.\n");
        write("content/b.md", "---\ntitle: B\ndate: 2024-01-03\n---\nBeta.\n");
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertTrue(s.documents().stream().allMatch(f -> f.bytes() == null), "the loader reads no document");
        Files.delete(site.resolve("content/b.md"));
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
        dev.journal.core.parse.ContentParser.Parsed parsed;
        try {
            parsed = new dev.journal.core.parse.ContentParser(SiteConfig.defaults(),
                    new dev.journal.core.internal.markdown.MarkdownRenderer(
                            dev.journal.core.internal.markdown.MarkdownOptions.site(true)))
                    .parse(s.documents(), pool);
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of("A"), parsed.articles().stream().map(dev.journal.core.parse.Article::title).toList());
        assertEquals(dev.journal.core.internal.Digests.sha256(Files.readAllBytes(site.resolve("content/a.md"))),
                parsed.articles().get(0).hash());
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        assertEquals("content/b.md", parsed.problems().get(0).path());
        assertTrue(parsed.problems().get(0).isError() && parsed.problems().get(0).message().startsWith("cannot be read"),
                parsed.problems().toString());
    }

    @Test
    void aDocumentThatGrowsPastTheLimitAfterTheLoadIsNotRead() throws IOException {
        write("content/a.md", "---\ntitle: A\n---\nA.\n");
        SourceFile a = new ContentLoader(site, SiteConfig.defaults()).load().documents().get(0);
        Files.write(site.resolve("content/a.md"), new byte[(int) ContentLoader.MAX_DOCUMENT_BYTES + 1]);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, a::read);
        assertTrue(e.getMessage().contains("grew past 32 MB"), e.getMessage());
    }

    @Test
    void refusesAHugeDocumentAndCopiesWhatIsNotOne() throws IOException {
        for (int i = 0; i < 30; i++) {
            write("content/f" + i % 7 + "/doc" + i + ".md", "document " + i + "\n".repeat(i % 13));
        }
        write("content/f1/old.adoc", "= AsciiDoc");
        write("content/f2/pic.png", "png");
        write("content/f3/huge.md", "");
        Files.write(site.resolve("content/f3/huge.md"), new byte[(int) ContentLoader.MAX_DOCUMENT_BYTES + 1]);
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertEquals(31, s.documents().size(), "AsciiDoc files are documents too");
        assertEquals(List.of("f2/pic.png"), s.files().stream().map(StaticFile::target).toList());
        assertEquals(List.of("content/f3/huge.md"),
                s.problems().stream().map(dev.journal.core.Problem::path).sorted().toList(), s.problems().toString());
    }

    @Test
    void ignoresDotFilesEditorLeftoversAndIgnoredFolders() throws IOException {
        write("content/ok.md", "x");
        write("content/.hidden.md", "x");
        write("content/.git/config.md", "x");
        write("content/.svn/x.md", "x");
        write("content/draft.md~", "x");
        write("content/.#lock.md", "x");
        write("content/#autosave.md#", "x");
        write("content/.ok.md.swp", "x");
        write("content/notes.swp", "x");
        write("content/private/.jbakeignore", "");
        write("content/private/secret.md", "x");
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertEquals(List.of("content/ok.md"), s.documents().stream().map(SourceFile::path).toList());
        assertTrue(s.files().isEmpty(), s.files().toString());
    }

    @Test
    void theOutputMarkerIsNeverCopiedFromTheAssets() throws IOException {
        write("assets/.nojekyll", "");
        write("assets/.journal-output", "x");
        write("assets/docs/.journal-output", "x");
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertEquals(List.of(".nojekyll"), s.files().stream().map(StaticFile::target).toList());
    }

    @Test
    void symlinksOutOfTheSiteAreNotFollowed(@TempDir Path outside) throws IOException {
        write("content/ok.md", "x");
        Files.writeString(outside.resolve("secret.md"), "secret");
        Files.createSymbolicLink(site.resolve("content/leak.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(site.resolve("content/leakdir"), outside);
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertEquals(List.of("content/ok.md"), s.documents().stream().map(SourceFile::path).toList());
        assertEquals(2, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().stream().allMatch(p -> p.message().contains("outside the site")));
    }

    @Test
    void symlinksInsideTheSiteAreFollowed() throws IOException {
        write("shared/common.md", "x");
        Files.createDirectories(site.resolve("content"));
        Files.createSymbolicLink(site.resolve("content/common.md"), site.resolve("shared/common.md"));
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertEquals(List.of("content/common.md"), s.documents().stream().map(SourceFile::path).toList());
    }

    @Test
    void symlinkLoopsDoNotHang() throws IOException {
        write("content/a/ok.md", "x");
        Files.createSymbolicLink(site.resolve("content/a/loop"), site.resolve("content"));
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertEquals(List.of("content/a/ok.md"), s.documents().stream().map(SourceFile::path).toList());
        assertTrue(s.problems().stream().anyMatch(p -> p.message().contains("loops")), s.problems().toString());
    }

    @Test
    void aMissingContentFolderIsAWarning() throws IOException {
        Sources s = new ContentLoader(site, SiteConfig.defaults()).load();
        assertTrue(s.documents().isEmpty());
        assertEquals(1, s.problems().size());
        assertTrue(!s.problems().get(0).isError());
    }
}
