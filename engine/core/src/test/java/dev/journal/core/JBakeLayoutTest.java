package dev.journal.core;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JBake sites (templates/*.ftl) built end to end: JBake's layout, JBake's template model, and the
 * failures that say what to use instead. What stock JBake itself writes for a whole site is checked
 * in engine/jbake-compat; these are the details, each on a small site.
 */
class JBakeLayoutTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** The test's folder: the site is a folder in it, so that outputs made beside the site are removed with it. */
    @TempDir
    Path temp;
    Path site;

    @BeforeEach
    void makeSite() throws IOException {
        site = Files.createDirectories(temp.resolve("site"));
    }

    private Path bake() throws Exception {
        build();
        return out();
    }

    /** Where the site is built: beside it, in the test's folder. */
    private Path out() {
        return site.resolveSibling(site.getFileName() + "-out");
    }

    /** Builds the site into {@link #out()}, without the build cache. */
    private BakeResult build() throws Exception {
        return new Baker(BakeOptions.of(site, out()).withClock(CLOCK)).bake();
    }

    private String read(Path out, String path) throws IOException {
        return Files.readString(out.resolve(path), StandardCharsets.UTF_8);
    }

    private void post(String path, String header) throws IOException {
        write(site, "content/" + path, header.strip() + "\n~~~~~~\n\nText of " + path + " with <b>bold</b> & more.\n");
    }

    /** A minimal JBake site: an index, a post and a page template, and the given properties. */
    private void jbakeSite(String properties) throws IOException {
        write(site, "jbake.properties", "render.feed=false\nrender.archive=false\n" + properties);
        write(site, "templates/index.ftl", "<#list published_posts as p>${p.uri}|</#list>");
        write(site, "templates/post.ftl", "${content.title}|${content.uri}|${content.rootpath}");
        write(site, "templates/page.ftl", "${content.title}");
        write(site, "templates/tags.ftl", "${tag}|${content.rootpath}|<#list tag_posts as p>${p.title}</#list>");
    }

    @Test
    void theLayoutIsDetectedFromTheTemplates() throws IOException {
        assertFalse(ConfigLoader.load(site).jbakeLayout(), "no templates: the journal's layout");
        write(site, "templates/post.ftlh", "");
        assertFalse(ConfigLoader.load(site).jbakeLayout(), "the journal's .ftlh templates");
        write(site, "templates/post.ftl", "");
        assertFalse(ConfigLoader.load(site).jbakeLayout(), "a journal overriding a template, with JBake's name");
        write(site, "jbake.properties", "render.index=false\n");
        assertTrue(ConfigLoader.load(site).jbakeLayout(), "a JBake site without a home page, by its post.ftl");
        Files.delete(site.resolve("templates/post.ftl"));
        write(site, "templates/wiki.ftl", "");
        assertFalse(ConfigLoader.load(site).jbakeLayout(), "a .ftl no key names");
        write(site, "jbake.properties", "render.index=false\ntemplate.wiki.file=wiki.ftl\n");
        assertTrue(ConfigLoader.load(site).jbakeLayout(), "one a type's key names");
        write(site, "jbake.properties", "");
        write(site, "templates/index.ftl", "");
        assertTrue(ConfigLoader.load(site).jbakeLayout(), "JBake's index.ftl");
        write(site, "jbake.properties", "journal.layout=journal\n");
        assertFalse(ConfigLoader.load(site).jbakeLayout(), "set explicitly");
        write(site, "jbake.properties", "journal.layout=hugo\n");
        assertTrue(ConfigLoader.load(site).problems().stream().anyMatch(p -> p.isError() && p.line() == 1
                && p.message().contains("auto, jbake or journal")));
    }

    @Test
    void aContentFileWithoutAHeaderIsLeftOutWithAWarningAsJBakeLeavesItOut() throws Exception {
        jbakeSite("");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        write(site, "content/kids/index.html", "<meta http-equiv=\"refresh\" content=\"0; url=/kids.html\">\n");
        write(site, "content/notes.md", "title=Notes\ndate=2024-01-01\nNo separator follows.\n");
        // a rule at the top, closed by another, or never closed: no header, as JBake sees it
        write(site, "content/rule.md", "---\n\nAn intro paragraph.\n\n---\n\nMore text.\n");
        write(site, "content/open.md", "---\n\nText after a rule.\n");
        Path out = out();
        List<String> logged = build().warnings().stream()
                .map(Problem::toString).toList();
        assertTrue(Files.exists(out.resolve("blog/a.html")));
        assertFalse(Files.exists(out.resolve("kids/index.html")));
        assertFalse(Files.exists(out.resolve("notes.html")));
        assertFalse(Files.exists(out.resolve("rule.html")) || Files.exists(out.resolve("open.html")));
        assertTrue(logged.contains("content/kids/index.html:1: warning: no header: a content file starts with a JBake"
                + " header (title=..., date=..., then a line ~~~~~~) or with front matter between lines ---; the file is"
                + " left out of the site, as JBake leaves it out"), logged::toString);
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("content/notes.md:3: warning: no front matter: line 1"
                + " begins a JBake header") && l.endsWith("as JBake leaves it out")), logged::toString);
        assertEquals(2, logged.stream().filter(l -> (l.startsWith("content/rule.md") || l.startsWith("content/open.md"))
                && l.endsWith("as JBake leaves it out")).count(), logged::toString);
        Files.delete(site.resolve("content/rule.md"));
        Files.delete(site.resolve("content/open.md"));
        // front matter that is there but does not read is an error, not a file to leave out
        write(site, "content/blog/y.md", "---\ntitle: Broken: yaml here\ndate: 2024-01-01\n---\nText.\n");
        ContentException yaml = assertThrows(ContentException.class,
                () -> build());
        assertTrue(yaml.errors().stream().allMatch(p -> p.path().equals("content/blog/y.md")), yaml.errors()::toString);
        Files.delete(site.resolve("content/blog/y.md"));
        // and so is front matter of fields whose closing line is missing, or whose colons are
        for (String wrong : List.of("---\ntitle: T\ndate: 2024-01-01\n\nText.\n", "---\ntitle T\ndate 2024-01-01\n---\nText.\n")) {
            write(site, "content/blog/y.md", wrong);
            assertThrows(ContentException.class, () -> build(),
                    wrong);
        }
        Files.delete(site.resolve("content/blog/y.md"));
        // the journal's layout stops on such a file
        Files.delete(site.resolve("templates/index.ftl"));
        write(site, "jbake.properties", "journal.layout=journal\n");
        assertThrows(ContentException.class, this::build);
    }

    @Test
    void aDocumentWithoutADateIsDatedByItsFilesModificationTimeAsJBakeDatesIt() throws Exception {
        jbakeSite("");
        write(site, "templates/page.ftl", "${content.date?string(\"yyyy-MM-dd HH:mm:ss\")}");
        write(site, "templates/post.ftl", "${content.date?string(\"yyyy-MM-dd HH:mm:ss\")}");
        write(site, "content/about.md", "title=About\ntype=page\nstatus=published\n~~~~~~\nText.\n");
        write(site, "content/blog/a.md", "title=A\ntype=post\nstatus=published\n~~~~~~\nText.\n");
        java.nio.file.attribute.FileTime t1 = java.nio.file.attribute.FileTime.from(Instant.parse("2021-03-04T05:06:07Z"));
        Files.setLastModifiedTime(site.resolve("content/about.md"), t1);
        Files.setLastModifiedTime(site.resolve("content/blog/a.md"), t1);
        Path out = out();
        BakeOptions options = BakeOptions.of(site, out).withClock(CLOCK).withCache(BakeOptions.defaultCache(site));
        BakeResult built = new Baker(options).bake();
        assertEquals("2021-03-04 05:06:07", read(out, "about.html"));
        assertEquals("2021-03-04 05:06:07", read(out, "blog/a.html"));
        // a post says so, as JBake's dating changes with every checkout; a page does not
        assertEquals(List.of("content/blog/a.md:1: warning: date is missing (the post is dated by its file's"
                + " modification time, as JBake dates it, which changes when the file is copied or checked out"
                + " again)"), built.warnings().stream().map(Problem::toString).toList());
        // the same bytes at another time: the rebuild, from the cache, dates it anew as a clean build would
        Files.setLastModifiedTime(site.resolve("content/about.md"),
                java.nio.file.attribute.FileTime.from(Instant.parse("2022-01-02T03:04:05Z")));
        new Baker(options).bake();
        assertEquals("2022-01-02 03:04:05", read(out, "about.html"));
    }

    @Test
    void aRefusedValueGivesWayToJBakesLayoutsDefaultAsIfLeftOut() throws Exception {
        // refused, journal.ftl.autoescape, journal.check.links and journal.render.search are as if not
        // set: no escaping, a broken link a warning, no search page (which a JBake site has no template for)
        jbakeSite("journal.ftl.autoescape=yes\njournal.check.links=warn\njournal.render.search=yes\n");
        write(site, "templates/post.ftl", "${content.body?index_of(\"Text\")}");
        write(site, "content/blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\n"
                + "Text with [a link](/nowhere/).\n");
        CheckResult r = new Checker(site, CLOCK, 2).check();
        assertEquals(List.of("jbake.properties:3: journal.ftl.autoescape must be true or false, not 'yes'",
                "jbake.properties:4: journal.check.links must be error or warning, not 'warn'",
                "jbake.properties:5: journal.render.search must be true or false, not 'yes'"),
                r.errors().stream().map(Problem::toString).toList());
        assertTrue(r.warnings().stream().anyMatch(p -> p.message().startsWith("link to /nowhere/")), r::toString);
    }

    @Test
    void aLinkToAMarkdownFileTheContentDoesNotHaveIsAWarningAndLeftAsWrittenAsJBakeLeavesIt() throws Exception {
        jbakeSite("");
        write(site, "templates/post.ftl", "${content.body}");
        write(site, "content/blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\n"
                + "See [the old one]({filename}slackware.md) and [b](b.md) and [c](https://example.org/).\n");
        post("blog/b.md", "title=B\ndate=2024-01-02\ntype=post\nstatus=published");
        Path out = out();
        BakeResult r = build();
        // and, as JBake's Markdown, no rel="nofollow" on a link to another site
        assertEquals("<p>See <a href=\"%7Bfilename%7Dslackware.md\">the old one</a> and <a href=\"b.html\">b</a> and"
                + " <a href=\"https://example.org/\">c</a>.</p>\n", read(out, "blog/a.html"));
        assertEquals(List.of("content/blog/a.md:6: warning: link to {filename}slackware.md, which is not a content file"
                + " (looked for blog/{filename}slackware.md in the content folder); it is left as written, as broken"
                + " links are warnings here (journal.check.links)"), r.warnings().stream().map(Problem::toString).toList());
        // unless the site makes them errors
        write(site, "jbake.properties", "render.feed=false\nrender.archive=false\njournal.check.links=error\n");
        assertThrows(ContentException.class, this::build);
    }

    @Test
    void aHeadingWithoutASpaceAfterItsHashesIsAHeadingAsPegdownReadsIt() throws Exception {
        jbakeSite("");
        write(site, "templates/post.ftl", "${content.body}");
        write(site, "content/blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\n"
                + "##First conference##\nText.\n\n    ##code\n\n```\n#!/bin/sh\n```\n\n## Spaced\n\n#C\\#\n");
        assertEquals("<h2 id=\"first-conference\">First conference</h2>\n<p>Text.</p>\n<pre><code>##code\n</code></pre>\n"
                + "<pre><code>#!/bin/sh\n</code></pre>\n<h2 id=\"spaced\">Spaced</h2>\n<h1 id=\"c\">C#</h1>\n",
                read(bake(), "blog/a.html"));
    }

    @Test
    void dbsBodiesAreTextWhereTheModelsAreAndARefusedTypeTemplateIsOneError() throws Exception {
        jbakeSite("template.event.file=event.thyme\n");
        write(site, "templates/event.thyme", "<p th:text=\"${content.title}\">x</p>");
        write(site, "templates/post.ftl", "${db.getPublishedPosts()[0].body?length}|${published_posts[0].body?length}");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        post("e.md", "title=E\ndate=2024-01-01\ntype=event\nstatus=published");
        CheckResult r = new Checker(site, CLOCK, 2).check();
        assertEquals(List.of("jbake.properties:3: template.event.file is 'event.thyme', a Thymeleaf template (JBake picks"
                + " its engine by the extension): only Freemarker templates (.ftl) are rendered here"),
                r.errors().stream().map(Problem::toString).toList());
        write(site, "jbake.properties", "render.feed=false\nrender.archive=false\n");
        Files.delete(site.resolve("content/e.md"));
        String body = "<p>Text of blog/a.md with <b>bold</b> &amp; more.</p>\n";
        assertEquals(body.length() + "|" + body.length(), read(bake(), "blog/a.html"));
        // an auto-escaped site is not told its templates are not auto-escaped
        write(site, "jbake.properties", "render.feed=false\nrender.archive=false\njournal.ftl.autoescape=true\n");
        write(site, "templates/post.ftl", "${content.title?markup_string}");
        ContentException e = assertThrows(ContentException.class, this::bake);
        assertFalse(e.errors().get(0).message().contains("drop ?markup_string"), e.errors()::toString);
    }

    @Test
    void anImageFieldIsTheTemplatesAndAnUnknownStatusLeavesThePageOutWithAWarning() throws Exception {
        jbakeSite("");
        write(site, "templates/post.ftl", "${content.title}|${content.image}");
        post("blog/b.md", "title=B\ndate=2024-01-01\ntype=post\nstatus=published\nimage=about-bg.jpg");
        post("contact.md", "title=C\ndate=2024-01-01\ntype=page\nstatus=unpublished");
        Path out = out();
        BakeResult r = build();
        assertEquals("B|about-bg.jpg", read(out, "blog/b.html"), "a theme's file name, not checked as the site's");
        assertFalse(Files.exists(out.resolve("contact.html")));
        assertEquals(List.of("content/contact.md:4: warning: status 'unpublished' is neither published, published-date"
                + " nor draft: JBake writes its page, in no list; here it is left out, as a draft is"),
                r.warnings().stream().map(Problem::toString).toList());
        assertFalse(new Checker(site, CLOCK, 2).check().hasErrors());
    }

    @Test
    void aPageWithoutATitleIsMadeAsJBakeMakesItAndAFrontMatterWithNeitherTitleNorTypeIsLeftOut() throws Exception {
        jbakeSite("");
        write(site, "templates/page.ftl", "[${content.title}]");
        write(site, "content/verify.html", "type=page\nstatus=published\n~~~~~~\n<p>verify</p>\n");
        write(site, "content/empty.html", "title=\ntype=page\nstatus=published\n~~~~~~\n<p>empty</p>\n");
        write(site, "content/google1234.html", "---\ninhibit_indexifier: true\n---\ngoogle-site-verification: google1234\n");
        Path out = out();
        BakeResult r = build();
        assertEquals("[]", read(out, "verify.html"));
        assertEquals("[]", read(out, "empty.html"), "an empty title= is no title, as JBake reads it");
        assertFalse(Files.exists(out.resolve("google1234.html")));
        assertEquals(List.of("content/empty.html:1: warning: title is missing: the page has none, as JBake makes it",
                "content/google1234.html:1: warning: front matter without title or type: the file is left"
                + " out of the site, as JBake, which reads no front matter of this kind, leaves it out",
                "content/verify.html:1: warning: title is missing: the page has none, as JBake makes it"),
                r.warnings().stream().sorted(Problem.ORDER).map(Problem::toString).toList());
    }

    @Test
    void aSlugInTheHeaderDoesNotRenameThePageAsJBakeNamesPagesAfterTheirFiles() throws Exception {
        jbakeSite("");
        post("notes/touchpad_mate.md", "title=T\ndate=2024-01-01\ntype=post\nstatus=published\nslug=touchpad-mate");
        Path out = bake();
        assertTrue(Files.exists(out.resolve("notes/touchpad_mate.html")));
        assertFalse(Files.exists(out.resolve("notes/touchpad-mate.html")));
        assertEquals("notes/touchpad_mate.html|", read(out, "index.html"));
        // two files on one page are told to be renamed, as a slug would not move either
        write(site, "content/notes/touchpad_mate.html", "title=T2\ndate=2024-01-02\ntype=post\nstatus=published\n~~~~~~\nx");
        ContentException e = assertThrows(ContentException.class, this::bake);
        assertTrue(e.errors().stream().anyMatch(p -> p.line() == 1 && !p.message().contains("(line")
                && p.message().endsWith("; rename one of the files")), e::toString);
    }

    @Test
    void publishedDateIsTheNewestArticlesElseTheNewestDocumentsElseTheBuildsNow() throws Exception {
        jbakeSite("");
        write(site, "templates/index.ftl", "${published_date?string(\"yyyy-MM-dd\")}");
        assertEquals("2025-06-01", read(bake(), "index.html"), "no documents: the build's now (CLOCK)");
        post("about.md", "title=About\ndate=2024-05-01\ntype=page\nstatus=published");
        assertEquals("2024-05-01", read(bake(), "index.html"), "no articles: the newest document's");
        write(site, "content/contact.md", "title=Contact\ntype=page\nstatus=published\n~~~~~~\nWrite.\n");
        Files.setLastModifiedTime(site.resolve("content/contact.md"),
                java.nio.file.attribute.FileTime.from(Instant.parse("2026-02-03T00:00:00Z")));
        assertEquals("2024-05-01", read(bake(), "index.html"), "a date written in a header before a file's time");
        post("blog/a.md", "title=A\ndate=2023-01-02\ntype=post\nstatus=published");
        assertEquals("2023-01-02", read(bake(), "index.html"), "the newest article's");
        write(site, "content/blog/b.md", "title=B\ntype=post\nstatus=published\n~~~~~~\nText.\n");
        Files.setLastModifiedTime(site.resolve("content/blog/b.md"),
                java.nio.file.attribute.FileTime.from(Instant.parse("2026-02-03T00:00:00Z")));
        assertEquals("2023-01-02", read(bake(), "index.html"), "an article's header date before another's file time");
    }

    @Test
    void typesAreReadAsJBakeReadsThemAsWrittenWithCapitalsAndUnderscores() throws Exception {
        jbakeSite("template.redirectBase.file=redirect.ftl\ntemplate._content_blog_index.file=blog-index.ftl\n");
        write(site, "templates/redirect.ftl", "${content.type}|<#list published_redirectBases as r>${r.title}</#list>");
        write(site, "templates/blog-index.ftl", "${content.type}|${content.title}");
        post("go.md", "title=Go\ndate=2024-01-01\ntype=redirectBase\nstatus=published");
        post("blog/index.md", "title=Blog\ndate=2024-01-01\ntype=_content_blog_index\nstatus=published");
        Path out = bake();
        assertEquals("redirectBase|Go", read(out, "go.html"));
        assertEquals("_content_blog_index|Blog", read(out, "blog/index.html"));
    }

    @Test
    void anImageWithoutAltTextIsAWarningOfCheckAsJBakeNeverAskedForOne() throws Exception {
        jbakeSite("");
        write(site, "assets/chart.png", "png");
        write(site, "content/blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\n"
                + "<img src=\"/chart.png\">\n\n![](/chart.png)\n");
        CheckResult r = new Checker(site, CLOCK, 2).check();
        assertFalse(r.hasErrors(), r.problems()::toString);
        assertEquals(List.of("content/blog/a.md:6: warning: image /chart.png has no alt attribute: describe it,"
                + " <img src=\"/chart.png\" alt=\"what the image shows\">, or give alt=\"\" to an image that only"
                + " decorates", "content/blog/a.md:8: warning: image /chart.png has no alt text: describe it between"
                + " the brackets, ![what the image shows](/chart.png)"), r.problems().stream()
                .map(Problem::toString).filter(p -> p.contains("alt")).toList());
    }

    @Test
    void tagPagesAreNamedAfterTheTagAndNotSplit() throws Exception {
        jbakeSite("index.paginate=true\nindex.posts_per_page=1\ntag.sanitize=true\n");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\ntags=Open Data, soil");
        post("blog/b.md", "title=B\ndate=2024-02-01\ntype=post\nstatus=published\ntags=Open Data");
        Path out = bake();
        assertEquals("Open-Data|../|BA", read(out, "tags/Open-Data.html"), "tag.sanitize, all posts on one page");
        assertTrue(Files.exists(out.resolve("tags/soil.html")));
        assertEquals("blog/b.html|", read(out, "index.html"));
        assertEquals("blog/a.html|", read(out, "2/index.html"));
        try (Stream<Path> files = Files.walk(out)) {
            List<String> all = files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted()
                    .toList();
            assertEquals(List.of(".journal-output", "2/index.html", "blog/a.html", "blog/b.html", "index.html",
                    "tags/Open-Data.html", "tags/soil.html"), all,
                    "JBake's pages only: no author or year pages, no theme assets");
        }
    }

    @Test
    void aTagThatCannotNameAFileIsAnError() throws Exception {
        jbakeSite("");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\ntags=fine, a/b");
        ContentException e = assertThrows(ContentException.class, this::bake);
        assertTrue(e.errors().stream().anyMatch(p -> p.path().equals("content/blog/a.md") && p.line() == 5
                && p.message().contains("'a/b' cannot name a file")), e.errors().toString());
    }

    @Test
    void withoutTagPagesATagThatCannotNameAFileIsAWarning() throws Exception {
        jbakeSite("render.tags=false\n");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\ntags=fine, a/b, ..");
        Path out = out();
        BakeResult result = build();
        assertEquals(List.of("content/blog/a.md:5: warning: tag '..' has no letter or digit to make its URL from;"
                + " as render.tags=false makes no tag pages, it is only left out of the lists of tags",
                "content/blog/a.md:5: warning: tag 'a/b' cannot name a file, as JBake's layout names tag pages"
                + " (journal.layout): no slash, backslash, leading dot or control character; as render.tags=false"
                + " makes no tag pages, it is only left out of the lists of tags"),
                result.warnings().stream().map(Object::toString).sorted().toList());
    }

    @Test
    void withTheJournalsLayoutATagWithoutLettersIsAnErrorOnlyWhenTagPagesAreMade() throws Exception {
        write(site, "content/articles/a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [fine, \"!!!\"]\n---\nText.\n");
        ContentException e = assertThrows(ContentException.class, this::bake);
        assertEquals(List.of("content/articles/a.md:4: tag '!!!' has no letter or digit to make its URL from"),
                e.errors().stream().map(Object::toString).toList());
        write(site, "jbake.properties", "render.tags=false\n");
        Path out = out();
        BakeResult result = build();
        assertTrue(result.warnings().stream().anyMatch(p -> p.line() == 4 && p.message().startsWith("tag '!!!' has no"
                + " letter or digit")), result.warnings().toString());
    }

    @Test
    void aTypeWithoutATemplateIsMadeWithThePostTemplateWithAWarning() throws Exception {
        jbakeSite("");
        write(site, "templates/briefing.ftl", "not used: template.briefing.file is not set");
        post("blog/e.md", "title=E\ndate=2024-01-01\ntype=briefing\nstatus=published");
        Path out = out();
        BakeResult result = build();
        assertEquals("E|blog/e.html|../", read(out, "blog/e.html"));
        assertEquals(List.of("content/blog/e.md:3: warning: type 'briefing' has no template (no template.briefing.file"
                + " in jbake.properties), so its page is made with the post template"),
                result.warnings().stream().map(Object::toString).toList());
    }

    @Test
    void jbakesUriForms() throws Exception {
        jbakeSite("uri.noExtension=true\nuri.noExtension.prefix=/blog\n");
        write(site, "templates/post.ftl", "${content.uri}|${content.noExtensionUri}|${content.rootpath}");
        write(site, "templates/page.ftl", "${content.uri}|${content.noExtensionUri}|${content.rootpath}");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        post("about.md", "title=About\ndate=2024-01-01\ntype=page\nstatus=published");
        Path out = bake();
        assertEquals("blog/a/index.html|blog/a/|../../", read(out, "blog/a/index.html"));
        assertEquals("about.html|about.html|", read(out, "about.html"));
    }

    @Test
    void documentsAsJBakeHandsThemToTemplates() throws Exception {
        jbakeSite("journal.ftl.autoescape=false\n");
        write(site, "templates/post.ftl", """
                ${content.body}|${content.body?length}|${content.title}|${content.date?string("yyyy-MM-dd")}|\
                ${content.status}|${content.type}|<#if (content.featured!"") == "true">featured</#if>|\
                ${(content.og.description)!}|<#if content.summary??>summary</#if>|${content.author!}|\
                <#list content.tags as t>${t};</#list>|\
                <#if content.nextContent??>${content.nextContent.title}</#if>""");
        post("blog/a.md", "title=A & B\ndate=2024-01-01\ntype=post\nstatus=published\nfeatured=true\n"
                + "og={\"description\": \"Seen\"}\nauthor=Ann\ntags=x, y");
        post("blog/b.md", "title=Later\ndate=2099-01-01\ntype=post\nstatus=published");
        Path out = bake();
        String body = "<p>Text of blog/a.md with <b>bold</b> &amp; more.</p>\n";
        assertEquals(body + "|" + body.length() + "|A & B|2024-01-01|published|post|featured|Seen||Ann|x;y;|Later",
                read(out, "blog/a.html"), "in .ftl nothing is escaped; header values stay text; a future date"
                        + " with status=published is published; no summary unless the header has one");
    }

    @Test
    void ftlTemplatesReadBodiesAsTextAndEscapeNothingAsJBakesDoUnlessTheSiteAsks() throws Exception {
        // JBake's own: a summary cut at a marker the body keeps (raw HTML is kept as written, comments too)
        jbakeSite("");
        write(site, "templates/post.ftl", "<#assign at = content.body?index_of(\"<!-- more -->\")>"
                + "${content.body?substring(0, at)}|${content.title}|<#assign c>a,b</#assign>${c?split(\",\")?size}");
        write(site, "content/blog/a.md", "title=A & <b>B</b>\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\n"
                + "Before <i>it</i>.\n\n<!-- more -->\n\nAfter.\n");
        assertEquals("<p>Before <i>it</i>.</p>\n|A & <b>B</b>|2", read(bake(), "blog/a.html"));
        // a template written for auto-escaping says what to do
        write(site, "templates/post.ftl", "${content.body?markup_string?length}");
        ContentException e = assertThrows(ContentException.class, this::bake);
        assertTrue(e.errors().get(0).message().contains("drop ?markup_string, or set journal.ftl.autoescape=true"),
                e.errors()::toString);
        // auto-escaping asked for: bodies print as HTML, header values are escaped
        jbakeSite("journal.ftl.autoescape=true\n");
        write(site, "templates/post.ftl", "${content.body}|${content.title}|${content.body?markup_string?length}");
        post("blog/a.md", "title=A & <script>pwn()</script>\ndate=2024-01-01\ntype=post\nstatus=published");
        String body = "<p>Text of blog/a.md with <b>bold</b> &amp; more.</p>\n";
        assertEquals(body + "|A &amp; &lt;script&gt;pwn()&lt;/script&gt;|" + body.length(), read(bake(), "blog/a.html"),
                "bodies print as HTML, header values are escaped");
    }

    @Test
    void aRebuildAfterTheTemplateFolderChangedTheLayoutReadsTheContentAgain() throws Exception {
        // journal.layout=auto reads the layout from the template folder, and the layout decides how
        // content is read: JBake's keeps raw HTML comments and makes line breaks of HARDWRAPS
        jbakeSite("");
        write(site, "content/blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\n~~~~~~\n"
                + "One\ntwo <!-- note -->\n");
        Path out = out();
        BakeOptions options = BakeOptions.of(site, out).withClock(CLOCK).withCache(BakeOptions.defaultCache(site));
        new Baker(options).bake();
        for (String t : List.of("index.ftl", "post.ftl", "page.ftl", "tags.ftl")) {
            Files.delete(site.resolve("templates/" + t));
        }
        new Baker(options).bake();
        String page;
        try (var files = Files.walk(out)) {
            page = files.filter(p -> p.toString().endsWith(".html")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(t -> t.contains("One")).findFirst().orElseThrow();
        }
        assertTrue(page.contains("<p>One\ntwo") && !page.contains("<br") && !page.contains("<!-- note"), page);
    }

    /**
     * JBake's example project escaped titles with {@code <#escape x as x?xml>} in its header, post and
     * index templates; Freemarker refuses that where escaping is automatic. Such a template is left
     * to escape itself, once, wherever it is used (here header.ftl from a tags.ftl that does not);
     * a template without the directive, one that only mentions it in a comment among them, is still
     * auto-escaped.
     */
    @Test
    void templatesThatEscapeWithJBakesEscapeDirectiveAreNotEscapedTwice() throws Exception {
        jbakeSite("render.tags=true\n");
        write(site, "jbake.properties", "render.feed=false\nrender.archive=true\nrender.tags=true\n"
                + "journal.ftl.autoescape=true\n");
        write(site, "templates/header.ftl",
                "<title><#if (content.title)??><#escape x as x?xml>${content.title}</#escape><#else>JBake</#if></title>");
        write(site, "templates/menu.ftl", "<nav>${content.title!\"-\"}</nav>");
        write(site, "templates/archive.ftl", "<#list published_posts as p>${p.title?html}|${p.title}</#list>"
                + "<p>1 < 2</p><?xml-stylesheet?>");
        write(site, "templates/post.ftl", """
                <#include "header.ftl"><#include "menu.ftl">
                <h1><#escape x as x?xml>${content.title}</#escape></h1>${content.title}|${content.body}|\
                <#escape x as x?xml><#noescape>${content.title}</#noescape></#escape>""");
        write(site, "templates/tags.ftl", "<#include \"header.ftl\">${tag}");
        write(site, "templates/page.ftl", "[#ftl][#escape x as x?html]${content.title}[/#escape]|${content.title}");
        write(site, "templates/index.ftl",
                "<#-- JBake's example escaped here: <#escape x as x?xml> --><#list published_posts as p>${p.title}</#list>"
                        + "<#noparse><#escape x as x?xml></#noparse>");
        post("blog/a.md", "title=A & <i>B</i>\ndate=2024-01-01\ntype=post\nstatus=published\ntags=R&D");
        post("about.md", "title=About <us>\ndate=2024-01-01\ntype=page\nstatus=published");
        Path out = bake();
        String body = "<p>Text of blog/a.md with <b>bold</b> &amp; more.</p>\n";
        assertEquals("<title>A &amp; &lt;i&gt;B&lt;/i&gt;</title><nav>A &amp; &lt;i&gt;B&lt;/i&gt;</nav>"
                + "<h1>A &amp; &lt;i&gt;B&lt;/i&gt;</h1>A & <i>B</i>|" + body + "|A & <i>B</i>", read(out, "blog/a.html"),
                "as JBake prints them: escaped once inside #escape, as written outside it and in #noescape;"
                        + " the included menu.ftl, without #escape, auto-escaped; the body as HTML");
        assertEquals("<title>JBake</title>R&amp;D", read(out, "tags/R&D.html"),
                "header.ftl escapes itself, included from an auto-escaped tags.ftl");
        assertEquals("About &lt;us&gt;|About <us>", read(out, "about.html"), "the square-bracket syntax");
        assertEquals("A &amp; &lt;i&gt;B&lt;/i&gt;|A & <i>B</i><p>1 < 2</p><?xml-stylesheet?>", read(out, "archive.html"),
                "?html escapes once and the rest prints as written, as in JBake");
        assertEquals("A &amp; &lt;i&gt;B&lt;/i&gt;<#escape x as x?xml>", read(out, "index.html"),
                "a comment, or text in #noparse, is not a directive");
    }

    @Test
    void aDocumentHasALanguageOnlyWhenItsHeaderSetsOne() throws Exception {
        jbakeSite("");
        write(site, "templates/post.ftl", "<#if content.lang??>hreflang=\"${content.lang}\"<#else>none</#if>");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        post("blog/b.md", "title=B\ndate=2024-01-02\ntype=post\nstatus=published\nlang=de");
        Path out = bake();
        assertEquals("none", read(out, "blog/a.html"), "not the site's language, as JBake has none");
        assertEquals("hreflang=\"de\"", read(out, "blog/b.html"));
    }

    @Test
    void templatesFormatWithJBakesLocaleAndZone() throws Exception {
        jbakeSite("jvm.locale=fr\nfreemarker.timezone=Asia/Tokyo\n");
        write(site, "templates/post.ftl", "${content.date?string(\"d MMMM HH:mm\")}");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        assertEquals("1 janvier 09:00", read(bake(), "blog/a.html"), "a date of the site's zone (UTC), shown in Tokyo");
    }

    @Test
    void feedDatesAreEnglishWhateverJBakesLocaleWhileThePagesFollowIt() throws Exception {
        jbakeSite("jvm.locale=de\nrender.feed=true\n");
        write(site, "templates/post.ftl", "${content.date?string(\"EEE, d MMM yyyy\")}");
        write(site, "templates/feed.ftl", "<#ftl output_format=\"XML\"><rss><#list published_posts as p>"
                + "<pubDate>${p.date?string(\"EEE, d MMM yyyy HH:mm:ss Z\")}</pubDate></#list>"
                + "<lastBuildDate>${published_date?string(\"EEE, d MMM yyyy\")}</lastBuildDate></rss>");
        post("blog/a.md", "title=A\ndate=2024-03-04\ntype=post\nstatus=published");
        Path out = bake();
        assertEquals("<rss><pubDate>Mon, 4 Mar 2024 00:00:00 +0000</pubDate>"
                + "<lastBuildDate>Mon, 4 Mar 2024</lastBuildDate></rss>", read(out, "feed.xml"), "RFC 822: English");
        assertEquals("Mo., 4 März 2024", read(out, "blog/a.html"), "a page's dates in jvm.locale's words, as JBake's");
    }

    @Test
    void configValuesAreTextBooleansAndLists() throws Exception {
        jbakeSite("index.paginate=true\nsite.menu=Home, About\n");
        write(site, "templates/index.ftl", """
                <#if config.index_paginate>paged</#if>|${config.index_paginate}|${(config.render_tags == "true")?c}|\
                <#list config.site_menu as m>[${m}]</#list>|${config.site_menu}|${currentPageNumber}/${numberOfPages}|\
                ${previousFileName!"none"}|${nextFileName!"none"}""");
        assertEquals("paged|true|true|[Home][About]|Home, About|0/0||", read(bake(), "index.html"),
                "without posts, JBake renders the index unpaged");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        assertEquals("paged|true|true|[Home][About]|Home, About|1/1|none|none", read(bake(), "index.html"));
        // a comma escaped in the file (\\,) is a comma of the text, as JBake's configuration reads it
        jbakeSite("site.keywords=a\\\\, b\\\\, c\nsite.pair=x\\\\, y, z\n");
        write(site, "templates/index.ftl", "${config.site_keywords}|${config.site_keywords?is_sequence?c}|"
                + "<#list config.site_pair as p>[${p}]</#list>");
        assertEquals("a, b, c|false|[x, y][z]", read(bake(), "index.html"));
    }

    @Test
    void jbakesDatabaseAnswersAsJBakesQueriesDo() throws Exception {
        jbakeSite("template.note.file=note.ftl\n");
        write(site, "templates/note.ftl", "${content.title}");
        write(site, "templates/page.ftl", """
                <#list db.getPublishedPosts() as p>${p.title};</#list>|${db.getPublishedPostsByTag("x").size()}\
                |<#list db.getPublishedDocumentsByTag("x") as d>${d.title};</#list>|${db.getPublishedPages()?size}\
                |<#list db.getPublishedContent("note") as n>${n.title}</#list>|${db.getPublishedCount("post")}\
                |${db.getDocumentCount("note")}|<#list db.getAllTags() as t>${t};</#list>\
                |<#list db.getTags() as t>${t};</#list>|${db.getDocumentByUri("about.html")[0].title}\
                |${db.getAllContent("none")?size}|${db.getPublishedPosts(true)?size}""");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\ntags=x, y");
        post("blog/b.md", "title=B\ndate=2024-02-01\ntype=post\nstatus=published\ntags=y");
        post("notes/n.md", "title=N\ndate=2024-03-01\ntype=note\nstatus=published\ntags=x, z");
        post("about.md", "title=About\ndate=2024-01-01\ntype=page\nstatus=published");
        Path out = out();
        BakeOptions options = BakeOptions.of(site, out).withClock(CLOCK).withCache(BakeOptions.defaultCache(site));
        new Baker(options).bake();
        assertEquals("B;A;|1|A;N;|1|N|2|1|x;y;z;|x;y;|About|0|2", read(out, "about.html"));
        // a page that reads db depends on every list: a rebuild after a post is retitled makes it again
        post("blog/b.md", "title=B2\ndate=2024-02-01\ntype=post\nstatus=published\ntags=y");
        new Baker(options).bake();
        assertTrue(read(out, "about.html").startsWith("B2;A;|"), read(out, "about.html"));
        // bodies and maps arrive as in the model's own lists, auto-escaped or not; tags' spellings are one tag
        write(site, "jbake.properties", "render.feed=false\nrender.archive=false\ntemplate.note.file=note.ftl\n"
                + "journal.ftl.autoescape=true\n");
        write(site, "templates/page.ftl", "${db.getPublishedPosts()[0].body}|${published_posts[0].body}|"
                + "${db.getPublishedPostsByTag(\"X\")?size}|${(db.getPublishedPosts()[0]?keys?size"
                + " == published_posts[0]?keys?size)?c}|${db.getAllTags().contains(\"y\")?c}|${db.getTags().isEmpty()?c}");
        new Baker(options).bake();
        assertEquals("<p>Text of blog/b.md with <b>bold</b> &amp; more.</p>\n|<p>Text of blog/b.md with <b>bold</b> &amp;"
                + " more.</p>\n|1|true|true|false", read(out, "about.html"));
        write(site, "templates/page.ftl", "${(db.getPublishedPosts().length)!\"none\"}|${db.getTags().empty???c}");
        new Baker(options).bake();
        assertEquals("none|false", read(out, "about.html"), "an unknown name is missing, as in any hash");
        // what serves JBake's own bake fails with the template's line and what to use instead
        write(site, "templates/index.ftl", "<h1>Posts</h1>\n\n<#list db.getUnrenderedContent() as p></#list>\n");
        ContentException e = assertThrows(ContentException.class, this::bake);
        Problem p = e.errors().get(0);
        assertEquals("templates/index.ftl", p.path());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("JBake's database") && p.message().contains("published_posts"), p.message());
    }

    @Test
    void dataFilesAreReadAsJBakeReadsThem() throws Exception {
        jbakeSite("");
        write(site, "data/team.yaml", "name: Team\nsince: 2019-04-01\nsize: 12\nopen: yes\nmembers: [Ann, Bo]\n");
        write(site, "data/sub/list.yml", "- 1.5\n- x\n");
        write(site, "templates/page.ftl", """
                <#assign t = data.get("team.yaml")>${t.name}|${t.since?string("yyyy")}|${t.size + 1}|${t.open?c}|\
                <#list t.members as m>${m};</#list>|<#list data.get("sub/list.yml").data as v>${v};</#list>""");
        post("about.md", "title=About\ndate=2024-01-01\ntype=page\nstatus=published");
        assertEquals("Team|2019|13|true|Ann;Bo;|1.5;x;", read(bake(), "about.html"));
    }

    /**
     * JBake wraps data with Freemarker's BeansWrapper: values are Java objects whose methods
     * templates call, as a real JBake theme does ({@code authors?keys?filter(key -> key.contains(" "))},
     * where {@code ?keys} lists the map's methods too); a key still wins over a method of its name,
     * and no value leads to its class.
     */
    @Test
    void dataValuesAreJavaObjectsAsJBakeHandsThem() throws Exception {
        jbakeSite("");
        write(site, "data/team.yaml", "size: 12\nmembers: [Ann, Bo]\npeople:\n  Anna Lindqvist:\n    role: editor\n"
                + "  Bo:\n    role: intern\n");
        write(site, "templates/page.ftl", """
                <#assign t = data.get("team.yaml")>${t.members.size()}|${t.members.contains("Bo")?c}|\
                ${t.people.get("Bo").role}|<#list t.people.keySet() as k>${k};</#list>|\
                ${t.people?keys?filter(key -> key.contains(" "))?join(",")}|${t.people?keys?seq_contains("keySet")?c}|\
                ${t.people.Bo.role.length()}|${t.size + 1}|${((t.getClass)??)?c}|${((t.people.Bo.role.class)??)?c}""");
        post("about.md", "title=About\ndate=2024-01-01\ntype=page\nstatus=published");
        assertEquals("2|true|intern|Anna Lindqvist;Bo;|Anna Lindqvist|true|6|13|false|false", read(bake(), "about.html"));
    }

    @Test
    void aMissingDataFileIsAnErrorNamingTheTemplateAndTheFiles() throws Exception {
        jbakeSite("");
        write(site, "data/team.yaml", "name: Team\n");
        write(site, "templates/page.ftl", "\n${data.get(\"staff.yaml\").name}");
        post("about.md", "title=About\ndate=2024-01-01\ntype=page\nstatus=published");
        ContentException e = assertThrows(ContentException.class, this::bake);
        Problem p = e.errors().get(0);
        assertEquals("templates/page.ftl", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("no data file data/staff.yaml") && p.message().contains("team.yaml"),
                p.message());
    }

    @Test
    void dataFilesAreReadSafely() throws Exception {
        jbakeSite("");
        write(site, "data/evil.yaml", "a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        write(site, "data/twice.yaml", "a: 1\nb: 2\na: 3\n");
        write(site, "data/bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n");
        ContentException e = assertThrows(ContentException.class, this::bake);
        List<String> errors = e.errors().stream().map(Problem::toString).toList();
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("data/evil.yaml:1") && m.contains("type tags")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("data/twice.yaml:3") && m.contains("duplicate")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("data/bomb.yaml") && m.contains("too many")), errors.toString());
    }

    @Test
    void withJBakesLayoutAMissingTemplateIsAnErrorNotTheTheme() throws Exception {
        jbakeSite("render.archive=true\n");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        ContentException e = assertThrows(ContentException.class, this::bake);
        assertTrue(e.errors().stream().anyMatch(p -> p.message().contains("templates/archive.ftl does not exist")),
                e.errors().toString());
    }

    @Test
    void aSitesFeedTemplateMakesTheFeedInEitherLayout() throws Exception {
        write(site, "content/articles/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n");
        write(site, "templates/feed.ftl", "<#ftl output_format=\"XML\"><rss><#list published_posts as p>"
                + "<title>${p.title}</title><d>${p.body}</d></#list>${published_date?string(\"yyyy\")}</rss>");
        Path out = bake();
        assertEquals("<rss><title>A</title><d>&lt;p&gt;Text.&lt;/p&gt;\n</d>2024</rss>", read(out, "feed.xml"),
                "the journal's layout, with the body escaped in an XML template");
        assertTrue(read(out, "articles/a.html").contains("<p>Text.</p>"), "and as markup in the theme's");
    }

    @Test
    void recommendationsAreMadeForTemplatesThatShowThem() throws Exception {
        jbakeSite("");
        post("blog/a.md", "title=Arctic shipping routes\ndate=2024-01-01\ntype=post\nstatus=published\ntags=Arctic");
        post("blog/b.md", "title=Arctic shipping lanes\ndate=2024-02-01\ntype=post\nstatus=published\ntags=Arctic");
        Path out = bake();
        assertEquals("Arctic shipping routes|blog/a.html|../", read(out, "blog/a.html"));
        write(site, "templates/post.ftl", "${content.title}:<#list related as r>${r.title}</#list>");
        out = bake();
        assertEquals("Arctic shipping routes:Arctic shipping lanes", read(out, "blog/a.html"),
                "JBake's model with the journal's recommendations");
    }

    @Test
    void aTypesExtensionNamesItsDocumentsFilesAsInJBake() throws Exception {
        jbakeSite("template.robots.file=robots.ftl\ntemplate.robots.extension=.txt\nsite.host=https://x.org\n");
        write(site, "templates/robots.ftl", "User-agent: *\nSitemap: ${config.site_host}/sitemap.xml?a=1&b=2\n"
                + "# ${content.uri} ${content.title}\n");
        write(site, "content/robots.html", "title=R & D\ntype=robots\nstatus=published\n~~~~~~\n");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published");
        Path out = bake();
        assertFalse(Files.exists(out.resolve("robots.html")), "JBake writes robots.txt, not robots.html");
        assertEquals("User-agent: *\nSitemap: https://x.org/sitemap.xml?a=1&b=2\n# robots.txt R & D\n",
                read(out, "robots.txt"), "the text as written, not HTML-escaped; its uri names the file written");
    }

    @Test
    void aTypesExtensionWithoutExtensionsIsTheFoldersIndexFile() throws Exception {
        jbakeSite("uri.noExtension=true\nuri.noExtension.prefix=/\ntemplate.humans.file=humans.ftl\n"
                + "template.humans.extension=.txt\n");
        write(site, "templates/humans.ftl", "${content.uri}");
        write(site, "content/humans.html", "title=H\ntype=humans\nstatus=published\n~~~~~~\n");
        Path out = bake();
        assertEquals("humans/index.txt", read(out, "humans/index.txt"));
    }

    @Test
    void aTypesExtensionHoldsInTheJournalsLayoutToo() throws Exception {
        write(site, "jbake.properties", "journal.layout=journal\nrender.sitemap=true\ntemplate.humans.file=humans.ftl\n"
                + "template.humans.extension=txt\n");
        write(site, "templates/humans.ftl", "Team: ${content.title}");
        write(site, "content/humans.md", "---\ntitle: Ann & Bo\ntype: humans\n---\n");
        Path out = bake();
        assertEquals("Team: Ann & Bo", read(out, "humans.txt"));
        assertFalse(read(out, "sitemap.xml").contains("humans"), "a text file is no page of the sitemap");
    }

    @Test
    void documentsHaveJBakesSha1AndCachedWhateverTheHeaderSays() throws Exception {
        jbakeSite("");
        write(site, "templates/post.ftl", "${content.sha1}|${content.cached?c}|${content.rendered???c}");
        post("blog/a.md", "title=A\ndate=2024-01-01\ntype=post\nstatus=published\nsha1=mine\ncached=false");
        byte[] source = Files.readAllBytes(site.resolve("content/blog/a.md"));
        String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(source));
        Path out = bake();
        assertEquals(sha1 + "|true|false", read(out, "blog/a.html"),
                "the file's SHA-1 and cached=true, as JBake sets them after reading the header; no rendered");
    }
}
