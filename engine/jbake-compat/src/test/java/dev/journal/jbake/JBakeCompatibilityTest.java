package dev.journal.jbake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.Baker;
import dev.journal.core.write.SiteWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A site written for JBake, in the style of JBake's example Freemarker project (pagination, posts,
 * pages, a draft, scheduled and custom-type documents, tags, feed, sitemap), baked by stock JBake
 * 2.7.0 and by Journal: both must write the same files, and each page must have the same title,
 * links and text once white space is normalised. The differences that are deliberate are listed
 * in {@link #DIFFERENCES} with the reason, and each of them must still be seen, so that the list
 * stays true.
 *
 * <p>JBake runs in a JVM of its own, with the jars of engine/jbake-runtime (its Freemarker, jsoup
 * and others differ from Journal's), once per change of the site: its output is kept in
 * {@code target/jbake-output/<digest of the site>/}.
 */
class JBakeCompatibilityTest {

    static final Path SITE = Path.of("src/test/resources/jbake-site");

    /**
     * A deliberate difference: a file only one of the two writes, a part of a page to leave out, or
     * a page whose links are written differently but lead to the same places.
     */
    record Difference(String path, String onlyIn, String selector, boolean sameTargets, String reason) {

        static Difference onlyJBake(String path, String reason) {
            return new Difference(path, "JBake", null, false, reason);
        }

        static Difference onlyJournal(String path, String reason) {
            return new Difference(path, "Journal", null, false, reason);
        }

        /** Elements (a CSS selector) left out of the comparison of a page; path "*" for every page. */
        static Difference content(String path, String selector, String reason) {
            return new Difference(path, null, selector, false, reason);
        }

        /**
         * A page whose links are compared by the address each leads to from the page's own address,
         * not as written (JBake's {@code css/site.css} and Journal's {@code /css/site.css} from
         * {@code /404.html}).
         */
        static Difference sameTargets(String path, String reason) {
            return new Difference(path, null, null, true, reason);
        }

        boolean appliesTo(String page) {
            return path.equals("*") || path.equals(page);
        }
    }

    static final List<Difference> DIFFERENCES = List.of(
            Difference.onlyJBake("blog/2024/night-sky-draft.html", "JBake writes drafts as *-draft.html pages;"
                    + " Journal shows drafts only in preview (journal serve), never in a real build"),
            Difference.onlyJBake("blog/2099/expedition.html", "status=published-date with a date still to come:"
                    + " JBake writes the page (unlisted) at once; Journal writes it when its date has passed"),
            Difference.onlyJournal(SiteWriter.MARKER, "Journal marks the folders it writes, so that it can"
                    + " replace them as a whole and never replaces a folder it did not write"),
            Difference.content("*", ".version", "version is the version of the engine that bakes"),
            Difference.content("*", ".with-drafts", "posts, <type>s and all_content: JBake lists drafts in them;"
                    + " in Journal's real build a draft appears in no list and no variable, only in preview"),
            Difference.content("feed.xml", "channel > pubDate, channel > lastBuildDate", "published_date:"
                    + " JBake's is the time of the build, Journal's the date of the newest article, so that"
                    + " output does not depend on the clock"),
            Difference.sameTargets("404.html", "rootpath of the 404 page: JBake's is empty, so its links work"
                    + " only where the page is written, at the root; a server sends it for any missing address,"
                    + " at that address, and Journal's is the path of the site's root on its host (/ here), so"
                    + " that they work from every folder"));

    /**
     * Where a page's {@code nav.neighbours} (its {@code previousContent} and {@code nextContent}) is
     * left out: only where JBake's links disagree with themselves (A's next is B, but B's previous
     * is not A). JBake 2.7.0 finds a document in the list of its type by comparing maps, which now
     * and then fails (in our bakes, for the oldest documents of a type); it then links to a wrong
     * neighbour, or to the document itself, and not the same way from bake to bake. Journal links every document
     * to its older and newer neighbour of the same type.
     */
    static final String NEIGHBOURS = "nav.neighbours";

    /**
     * How links are compared, beyond the strings: percent-decoded, as JBake writes a tag's
     * {@code uri} as the tag is spelled ({@code tags/open data.html}) and Journal percent-encodes
     * it ({@code tags/open%20data.html}), a valid URL for the same file.
     */
    static String normaliseLink(String link) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c == '%' && i + 2 < link.length() && HexFormat.isHexDigit(link.charAt(i + 1))
                    && HexFormat.isHexDigit(link.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(link, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static Path jbakeSite;
    static Path journalSite;
    static BakeResult journalResult;
    /** Pages whose neighbours JBake linked inconsistently in this bake (see {@link #NEIGHBOURS}). */
    static Set<String> jbakeNeighboursWrong;

    /** How many bakes of stock JBake the comparison of neighbours may take (see {@link #bakeBoth}). */
    private static final int JBAKE_BAKES = 3;

    @BeforeAll
    static void bakeBoth() throws Exception {
        journalSite = Path.of("target", "journal-output");
        journalResult = new Baker(BakeOptions.of(SITE, journalSite)).bake();
        // stock JBake links neighbours differently from one bake to the next (its render threads
        // and its database's order), now and then wrongly on every page: baked again, up to a few
        // times, until enough of its pages can be compared with Journal's
        for (int bake = 1;; bake++) {
            jbakeSite = bakeWithJBake();
            Set<String> common = files(jbakeSite);
            common.retainAll(files(journalSite));
            jbakeNeighboursWrong = inconsistentNeighbours(jbakeSite, common);
            if (comparableNeighbours() >= 3 || bake == JBAKE_BAKES) {
                break;
            }
            dev.journal.core.write.SiteWriter.deleteTree(jbakeSite.getParent());
        }
    }

    /** Journal's pages with neighbours on which JBake's neighbours are consistent. */
    private static long comparableNeighbours() throws IOException {
        return files(journalSite).stream().filter(p -> p.endsWith(".html")).filter(p -> {
            try {
                return parse(journalSite, p).selectFirst(NEIGHBOURS) != null && !jbakeNeighboursWrong.contains(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
    }

    /**
     * Journal's neighbours are consistent, so where it differs from JBake's, JBake's are wrong; and
     * enough of JBake's are right (in one of a few bakes) for the comparison to check Journal's.
     */
    @Test
    void journalLinksNeighboursBothWays() throws IOException {
        assertEquals(Set.of(), inconsistentNeighbours(journalSite, files(journalSite)));
        assertTrue(comparableNeighbours() >= 3, "JBake's neighbours are right on too few pages to compare, in "
                + JBAKE_BAKES + " bakes: wrong on " + jbakeNeighboursWrong);
    }

    /**
     * Among {@code pages} (the published documents), those whose previous/next links do not agree
     * with the links of the pages they lead to.
     */
    static Set<String> inconsistentNeighbours(Path root, Set<String> pages) throws IOException {
        java.util.Map<String, String[]> links = new java.util.TreeMap<>();
        for (String page : pages) {
            if (!page.endsWith(".html")) {
                continue;
            }
            Element nav = parse(root, page).selectFirst(NEIGHBOURS);
            if (nav != null) {
                links.put(page, new String[] {target(page, nav.selectFirst("a[rel=prev]")),
                        target(page, nav.selectFirst("a[rel=next]"))});
            }
        }
        Set<String> wrong = new TreeSet<>();
        links.forEach((page, prevNext) -> {
            String[] prev = prevNext[0] == null ? null : links.get(prevNext[0]);
            String[] next = prevNext[1] == null ? null : links.get(prevNext[1]);
            if (prevNext[0] != null && (prev == null || !page.equals(prev[1]))
                    || prevNext[1] != null && (next == null || !page.equals(next[0]))) {
                wrong.add(page);
            }
        });
        return wrong;
    }

    /** The page a link on {@code page} leads to, or null without a link. */
    private static String target(String page, Element a) {
        if (a == null) {
            return null;
        }
        return Path.of(page).resolveSibling(normaliseLink(a.attr("href"))).normalize().toString().replace('\\', '/');
    }

    @Test
    void journalDetectsAJBakeSiteAndTakesTheKeysItsTemplatesReadAsItsOwn() throws IOException {
        assertTrue(dev.journal.core.config.ConfigLoader.load(SITE).jbakeLayout(),
                "a site with templates/index.ftl is built with JBake's layout (journal.layout=auto)");
        // site.title and site.description are no known keys, but header.ftl reads them as
        // config.site_title and config.site_description; a file without a header is left out, as
        // JBake leaves it out, and said to be
        assertEquals(List.of("content/old-survey.html:1: warning: no header: a content file starts with a JBake header"
                + " (title=..., date=..., then a line ~~~~~~) or with front matter between lines ---; the file is left"
                + " out of the site, as JBake leaves it out"),
                journalResult.warnings().stream().map(Object::toString).toList());
    }

    @Test
    void sameFiles() throws IOException {
        Set<String> jbake = files(jbakeSite);
        Set<String> journal = files(journalSite);
        for (Difference d : DIFFERENCES) {
            if ("JBake".equals(d.onlyIn())) {
                assertTrue(jbake.remove(d.path()), "listed as written by JBake only, but JBake did not: " + d);
                assertTrue(!journal.contains(d.path()), "Journal writes " + d.path() + " after all: " + d);
            } else if ("Journal".equals(d.onlyIn())) {
                assertTrue(journal.remove(d.path()), "listed as written by Journal only, but it did not: " + d);
            }
        }
        assertEquals(jbake, journal, "the files of the site (JBake: expected; Journal: actual)");
    }

    @TestFactory
    Stream<DynamicTest> samePages() throws IOException {
        Set<String> common = files(jbakeSite);
        common.retainAll(files(journalSite));
        return common.stream().map(page -> DynamicTest.dynamicTest(page, () -> comparePage(page)));
    }

    /**
     * Each difference about a part of a page is seen: the element exists and differs; and so is each
     * about links that lead to the same places: they are written differently.
     */
    @Test
    void listedContentDifferencesOccur() throws IOException {
        for (Difference d : DIFFERENCES) {
            if (d.sameTargets()) {
                assertTrue(!links(parse(jbakeSite, d.path())).equals(links(parse(journalSite, d.path()))),
                        "listed as links written differently, but they are the same: " + d);
                continue;
            }
            if (d.selector() == null) {
                continue;
            }
            boolean differs = false;
            for (String page : files(jbakeSite)) {
                if (!d.appliesTo(page) || !Files.exists(journalSite.resolve(page)) || !(page.endsWith(".html")
                        || page.endsWith(".xml"))) {
                    continue;
                }
                Document a = parse(jbakeSite, page);
                Document b = parse(journalSite, page);
                if (!a.select(d.selector()).text().equals(b.select(d.selector()).text())) {
                    differs = true;
                    break;
                }
            }
            assertTrue(differs, "listed as a difference, but no page differs there: " + d);
        }
    }

    private static void comparePage(String page) throws IOException {
        byte[] expected = Files.readAllBytes(jbakeSite.resolve(page));
        byte[] actual = Files.readAllBytes(journalSite.resolve(page));
        if (!page.endsWith(".html") && !page.endsWith(".xml")) {
            assertArrayEquals(expected, actual, page + " is copied as it is");
            return;
        }
        Document a = parse(jbakeSite, page);
        Document b = parse(journalSite, page);
        for (Difference d : DIFFERENCES) {
            if (d.selector() != null && d.appliesTo(page)) {
                a.select(d.selector()).remove();
                b.select(d.selector()).remove();
            }
        }
        if (jbakeNeighboursWrong.contains(page)) {
            a.select(NEIGHBOURS).remove();
            b.select(NEIGHBOURS).remove();
        }
        assertEquals(a.title(), b.title(), page + ": title");
        if (DIFFERENCES.stream().anyMatch(d -> d.sameTargets() && d.appliesTo(page))) {
            assertEquals(targets(a, page), targets(b, page), page + ": where the links lead");
        } else {
            assertEquals(links(a), links(b), page + ": links");
        }
        assertEquals(texts(a, page), texts(b, page), page + ": text");
    }

    private static Document parse(Path root, String page) throws IOException {
        String text = Files.readString(root.resolve(page), StandardCharsets.UTF_8);
        return page.endsWith(".xml") ? Jsoup.parse(text, "", Parser.xmlParser()) : Jsoup.parse(text);
    }

    /** Every link and reference of the page, in order. */
    private static List<String> links(Document d) {
        List<String> out = new ArrayList<>();
        for (Element e : d.select("[href], [src]")) {
            String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            out.add(e.tagName() + " " + normaliseLink(link));
        }
        return out;
    }

    /** Every link and reference of the page, in order, as the address it leads to from the page's own. */
    private static List<String> targets(Document d, String page) {
        URI at = URI.create("http://site/" + page.replace(" ", "%20"));
        List<String> out = new ArrayList<>();
        for (Element e : d.select("[href], [src]")) {
            String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            out.add(e.tagName() + " " + normaliseLink(at.resolve(link.replace(" ", "%20")).toString()));
        }
        return out;
    }

    /**
     * The text of a page, white space normalised: of an HTML page its body and its meta
     * descriptions; of an XML file each element's text, HTML in it (a feed's descriptions) as text.
     */
    private static List<String> texts(Document d, String page) {
        List<String> out = new ArrayList<>();
        if (page.endsWith(".xml")) {
            for (Element e : d.getAllElements()) {
                if (e.children().isEmpty() && !e.text().isBlank()) {
                    out.add(e.tagName() + ": " + Jsoup.parseBodyFragment(e.text()).text());
                }
            }
            return out;
        }
        for (Element meta : d.select("meta[content]")) {
            out.add(meta.attr("name") + meta.attr("property") + ": " + meta.attr("content"));
        }
        out.add(d.body().text());
        return out;
    }

    static Set<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * The site as stock JBake bakes it, in {@code target/jbake-output/<digest>/site}: baked once
     * for each version of the site and of JBake's jars, then reused.
     */
    static Path bakeWithJBake() throws Exception {
        Path lib = Path.of(System.getProperty("jbake.lib", "../jbake-runtime/target/jbake-lib"));
        if (!Files.isDirectory(lib) || !Files.exists(lib.resolve("jbake-core-2.7.0.jar"))) {
            fail("stock JBake's jars are not in " + lib.toAbsolutePath() + "; build with the reactor,"
                    + " e.g. mvn -pl engine/jbake-compat -am verify");
        }
        Path root = Path.of(System.getProperty("jbake.output", "target/jbake-output"))
                .resolve(digest(SITE, lib));
        Path site = root.resolve("site");
        Path done = root.resolve("done");
        if (Files.exists(done)) {
            return site;
        }
        Files.createDirectories(root);
        Path log = root.resolve("jbake.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Stock JBake formats dates with the JVM's zone and locale: fixed to Journal's defaults.
        Process p = new ProcessBuilder(java, "-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US",
                "-Dfile.encoding=UTF-8", "-cp", lib.toAbsolutePath() + "/*", "org.jbake.launcher.Main",
                "-b", SITE.toAbsolutePath().toString(), site.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("JBake did not finish in 5 minutes; see " + log.toAbsolutePath());
        }
        assertEquals(0, p.exitValue(), "JBake failed; see " + log.toAbsolutePath());
        Files.writeString(done, "");
        return site;
    }

    private static String digest(Path site, Path lib) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String f : files(site)) {
            sha.update(f.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(site.resolve(f)));
            // and its time: a document without a date is dated by it, by JBake and by Journal
            sha.update(Long.toString(Files.getLastModifiedTime(site.resolve(f)).toMillis()).getBytes(StandardCharsets.UTF_8));
        }
        for (String f : files(lib)) {
            sha.update(f.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
