package dev.journal.core;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AsciiDoc content files (.adoc, .asciidoc, .ad), read as JBake reads them: the document's own
 * header or a JBake header above it, the body converted by Asciidoctor, includes read from the
 * file's folder but never from outside the site. What stock JBake writes for AsciiDoc files is
 * compared page by page in engine/jbake-compat; these are the details.
 */
class AsciiDocTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;
    Path site;

    @BeforeEach
    void makeSite() throws IOException {
        site = Files.createDirectories(temp.resolve("site"));
    }

    private Path out() {
        return temp.resolve("out");
    }

    private BakeResult build() throws Exception {
        return new Baker(BakeOptions.of(site, out()).withClock(CLOCK)).bake();
    }

    private BakeResult build(Path out, boolean cache) throws Exception {
        BakeOptions options = BakeOptions.of(site, out).withClock(CLOCK);
        return new Baker(cache ? options.withCache(BakeOptions.defaultCache(site)) : options).bake();
    }

    private String read(String path) throws IOException {
        return Files.readString(out().resolve(path), StandardCharsets.UTF_8);
    }

    private void jbakeSite(String properties) throws IOException {
        write(site, "jbake.properties", "render.feed=false\nrender.archive=false\n" + properties);
        write(site, "templates/index.ftl", "<#list published_posts as p>${p.uri}|</#list>");
        write(site, "templates/post.ftl", "${content.title}|${content.date?string('yyyy-MM-dd')}|"
                + "<#list content.tags as t>${t},</#list>|${content.author!}|${content.email!}|${content.toc!'-'}|"
                + "${content.body}");
        write(site, "templates/page.ftl", "${content.title}|${content.body}");
        write(site, "templates/tags.ftl", "${tag}|<#list tag_posts as p>${p.title}</#list>");
    }

    private static final String POST = """
            = Tide *Pools*
            Mara Quist <mara@example.org>
            :jbake-type: post
            :jbake-status: published
            :jbake-date: 2024-04-20
            :jbake-tags: coast, open data
            :toc:

            The spring tides uncover the *lower shore*.

            == What we counted

            . Anemones
            . Blennies
            """;

    @Test
    void theDocumentsOwnHeaderGivesTheFieldsAndAsciidoctorTheBody() throws Exception {
        jbakeSite("");
        write(site, "content/blog/tide-pools.adoc", POST);
        build();
        String page = read("blog/tide-pools.html");
        String[] parts = page.split("\\|", 7);
        // the title as JBake hands it to templates: converted, inline markup and all
        assertEquals(List.of("Tide <strong>Pools</strong>", "2024-04-20", "coast,open data,", "Mara Quist",
                "mara@example.org", ""), List.of(parts).subList(0, 6));
        assertTrue(parts[6].contains("<p>The spring tides uncover the <strong>lower shore</strong>.</p>"), page);
        assertTrue(parts[6].contains("<h2 id=\"_what_we_counted\">What we counted</h2>"), page);
        assertTrue(parts[6].contains("<ol class=\"arabic\">"), page);
        assertTrue(read("index.html").contains("blog/tide-pools.html|"));
        assertTrue(read("tags/coast.html").contains("Tide <strong>Pools</strong>"));
    }

    @Test
    void theHeaderIsReadAsJBakeReadsItWithoutTheSitesAttributes() throws Exception {
        // a site key title= would be the attribute {title}, which sets a document's title
        jbakeSite("title=The Site\n");
        write(site, "templates/post.ftl", "${content.title}|${content.author}|${content.og.image}|${content.body}");
        write(site, "content/blog/duke.adoc", """
                = The Duke
                Ann Smith; Bob Jones
                :jbake-type: post
                :jbake-status: published
                :jbake-date: 2024-01-02
                :jbake-og: {"image": "img/duke.jpg"}

                [source,java]
                ----
                class Duke {}
                ----
                """);
        build();
        String page = read("blog/duke.html");
        assertTrue(page.startsWith("The Duke|Ann Smith|img/duke.jpg|"), "JBake's author is the first: " + page);
        assertTrue(page.contains("<code data-lang=\"java\">class Duke {}</code>"), page);
    }

    @Test
    void aJBakeHeaderAboveTheTextIsReadAsJBakesAndTheRestConverted() throws Exception {
        jbakeSite("");
        write(site, "content/notes.adoc", "title=Soundings\ndate=2023-09-14\ntype=page\nstatus=published\n~~~~~~\n\n"
                + "Depths from a *lead line*.\n\n* Channel: 6.2 m\n");
        build();
        String page = read("notes.html");
        assertTrue(page.startsWith("Soundings|"), page);
        assertTrue(page.contains("<p>Depths from a <strong>lead line</strong>.</p>"), page);
        assertTrue(page.contains("<li>\n<p>Channel: 6.2 m</p>\n</li>"), page);
        assertFalse(page.contains("title=Soundings"), page);
    }

    @Test
    void theSitesAttributesAndItsExportedKeysAreTheDocumentsAttributes() throws Exception {
        jbakeSite("site.host=https://fieldnotes.example.org\nasciidoctor.attributes=team=Shore Team,icons\n");
        write(site, "content/about.adoc", "= About\n:jbake-type: page\n:jbake-status: published\n\n"
                + "By {team} at {site_host}.{icons}\n");
        build();
        String page = read("about.html");
        assertTrue(page.contains("By Shore Team at <a href=\"https://fieldnotes.example.org\" class=\"bare\">"
                + "https://fieldnotes.example.org</a>."), page);
    }

    @Test
    void includesAreFoundFromTheFilesFolderAndNeverOutsideTheSite() throws Exception {
        jbakeSite("");
        write(site, "assets/snippets/tides.py", "# heights\n# tag::reading[]\ndef reading(g):\n    return g.h\n"
                + "# end::reading[]\nprint(1)\n");
        Path outside = write(temp, "secret.txt", "TOP SECRET\n");
        write(site, "content/blog/gauge.adoc", "= Gauge\n:jbake-type: page\n:jbake-status: published\n"
                + ":snippets: ../../assets/snippets\n\n"
                + "[source,python]\n----\ninclude::{snippets}/tides.py[tag=reading]\n----\n\n"
                + "include::../../../secret.txt[]\n\n"
                + "include::" + outside.toAbsolutePath() + "[]\n\n"
                + "include::missing.adoc[]\n");
        BakeResult r = build();
        String page = read("blog/gauge.html");
        assertTrue(page.contains("def reading(g):\n    return g.h</code>"), page);
        assertFalse(page.contains("print(1)"), "only the tagged lines");
        assertFalse(page.contains("TOP SECRET"), page);
        List<String> warnings = r.warnings().stream().map(p -> p.path() + ":" + p.line() + ": " + p.message())
                .toList();
        assertTrue(warnings.contains("content/blog/gauge.adoc:15: AsciiDoc: include file not found:"
                + " content/blog/missing.adoc"), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("content/blog/gauge.adoc:11: AsciiDoc: include file"
                + " not found") && w.endsWith("(its path leaves the site's folder, and AsciiDoc files read files of the"
                + " site alone)")), warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.matches("[^:]+:\\d+: .*")), "every one on its line: " + warnings);
    }

    @Test
    void aFileWithoutTitleOrJBakeFieldsIsLeftOutAsJBakeLeavesItOut() throws Exception {
        jbakeSite("");
        write(site, "content/blog/fragment.adoc", "Just a paragraph to include elsewhere.\n");
        BakeResult r = build();
        assertFalse(Files.exists(out().resolve("blog/fragment.html")));
        assertFalse(Files.exists(out().resolve("blog/fragment.adoc")), "its source is not published either");
        assertTrue(r.warnings().stream().anyMatch(p -> p.path().equals("content/blog/fragment.adoc")
                && p.line() == 1 && p.message().startsWith("no header: an AsciiDoc file starts with its title")),
                r.warnings().toString());
    }

    @Test
    void withTheJournalsLayoutAnAsciiDocArticleIsAnArticleWithAPlainTitle() throws Exception {
        write(site, "jbake.properties", "site.host=https://journal.example.org/\n");
        write(site, "content/articles/2025/ports.adoc", """
                = Ports & *Power*
                Julien Marchetti
                :jbake-date: 2025-03-10
                :jbake-status: published
                :jbake-tags: Energy
                :jbake-summary: Why ships at berth still burn diesel.

                Ships at berth keep their engines running.footnote:[Auxiliary engines.]

                == The mandate

                From 2030, shore power.

                [source,python]
                ----
                print("berth")
                ----
                """);
        BakeResult r = build();
        String page = read("articles/2025/ports.html");
        assertTrue(page.contains("<h1>Ports &amp; Power</h1>"), page);
        assertTrue(page.contains("<h2 id=\"_the_mandate\">The mandate</h2>"), page);
        assertTrue(page.contains("class=\"footnote\""), page);
        assertTrue(page.contains("rel=\"author\">Julien Marchetti</a>"), page);
        assertTrue(page.contains("data-lang=\"python\""), "a source block's language survives the sanitiser");
        assertTrue(Files.exists(out().resolve("tags/energy.html")));
        assertEquals(List.of(), r.warnings(), "Asciidoctor's markup passes the sanitiser untouched");
        // a file without a header is an error here, as a Markdown file without front matter is
        write(site, "content/articles/2025/bare.adoc", "Text alone.\n");
        ContentException e = assertThrows(ContentException.class, this::build);
        assertTrue(e.errors().stream().anyMatch(p -> p.path().equals("content/articles/2025/bare.adoc")
                && p.message().startsWith("no header: an AsciiDoc file")), e.errors().toString());
    }

    @Test
    void aFileWithIncludesIsConvertedAgainWhenWhatItIncludesChanges() throws Exception {
        jbakeSite("");
        Path snippet = write(site, "assets/snippets/note.txt", "First version.\n");
        write(site, "content/page.adoc", "= Page\n:jbake-type: page\n:jbake-status: published\n\n"
                + "include::../assets/snippets/note.txt[]\n");
        write(site, "content/plain.adoc", "= Plain\n:jbake-type: page\n:jbake-status: published\n\nNo includes.\n");
        Path out = out();
        build(out, true);
        assertTrue(Files.readString(out.resolve("page.html")).contains("First version."));
        Files.writeString(snippet, "Second version, longer.\n");
        Files.setLastModifiedTime(snippet, FileTime.from(Instant.now().plusSeconds(5)));
        build(out, true);
        assertTrue(Files.readString(out.resolve("page.html")).contains("Second version, longer."),
                Files.readString(out.resolve("page.html")));
        Path clean = temp.resolve("clean");
        build(clean, false);
        assertEquals(TestContent.digests(clean).get("page.html"), TestContent.digests(out).get("page.html"));
        assertEquals(TestContent.digests(clean).get("plain.html"), TestContent.digests(out).get("plain.html"));
    }

    @Test
    void aSymbolicLinkOutOfTheSiteTurnsIncludesOffAndAnIncludeBombStopsAtItsLimit() throws Exception {
        jbakeSite("asciidoctor.attributes=allow-uri-read\n");
        Path secret = write(temp, "outside/secret.txt", "TOP SECRET\n");
        write(site, "content/blog/bomb.txt", "x\ninclude::bomb.txt[]\ninclude::bomb.txt[]\n");
        write(site, "content/blog/page.adoc", "= Page\n:jbake-type: page\n:jbake-status: published\n\n"
                + "include::bomb.txt[]\n\n{docdir}|{user-home}|{journal-source-file}\n");
        BakeResult r = build();
        String page = read("blog/page.html");
        assertFalse(page.contains(site.toString()) || page.contains(temp.toString()), "no path of the machine: " + page);
        assertTrue(r.warnings().stream().anyMatch(p -> p.message().contains("more than 1000 includes")),
                r.warnings().toString());
        // a link inside the site to a place outside it: Asciidoctor's jail compares paths, so includes go
        java.nio.file.Files.createSymbolicLink(site.resolve("content/blog/leak.txt"), secret);
        write(site, "content/blog/page.adoc", "= Page\n:jbake-type: page\n:jbake-status: published\n\n"
                + "include::leak.txt[]\n");
        r = build();
        assertFalse(read("blog/page.html").contains("TOP SECRET"));
        assertTrue(r.warnings().stream().anyMatch(p -> p.path().equals("content/blog/page.adoc")
                && p.message().startsWith("AsciiDoc includes are not read in this site: content/blog/leak.txt is a"
                + " symbolic link")), r.warnings().toString());
    }

    @Test
    void attributesThatMultiplyAHugeTableAndTheSitesAllowUriReadAreRefused() throws Exception {
        jbakeSite("asciidoctor.attributes=ALLOW-URI-READ,allow-uri-read@\nALLOW-URI-READ=yes\n");
        write(site, "content/ok.adoc", "= Ok\n:jbake-type: page\n:jbake-status: published\n\n"
                + "ifdef::allow-uri-read[URI-READ-ON]\nText.\n");
        write(site, "content/bomb.adoc", "= Bomb\n:jbake-type: page\n:jbake-status: published\n"
                + ":a0: xxxxxxxxxxxxxxxx\n" + ":a1: {a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}{a0}\n" + ":a2: {a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}{a1}\n" + ":a3: {a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}{a2}\n" + ":a4: {a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}{a3}\n" + ":a5: {a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}{a4}\n" + ":a6: {a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}{a5}\n" + ":a7: {a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}{a6}\n" + ":a8: {a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}{a7}\n" + "\n{a8}\n");
        write(site, "content/wide.adoc", "= Wide\n:jbake-type: page\n:jbake-status: published\n\n"
                + "[cols=\"20000000*\"]\n|===\n|x\n|===\n");
        ContentException e = assertThrows(ContentException.class, this::build);
        List<String> errors = e.errors().stream().map(p -> p.path() + ":" + p.line() + ": " + p.message()).toList();
        assertTrue(errors.contains("content/bomb.adoc:8: the attribute a4 would grow to more than 1048576 characters"
                + " through its references"), errors.toString());
        assertTrue(errors.contains("content/wide.adoc:5: a table of 20000000 columns; at most 1000"), errors.toString());
        java.nio.file.Files.delete(site.resolve("content/bomb.adoc"));
        java.nio.file.Files.delete(site.resolve("content/wide.adoc"));
        build();
        assertFalse(read("ok.html").contains("URI-READ-ON"), "the site cannot let documents read URLs");
    }
}
