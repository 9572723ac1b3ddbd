package dev.journal.core.check;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.internal.Spelling;
import dev.journal.core.internal.html.RawLinks;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.internal.markdown.MarkdownResult.Reference;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.UrlPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of the content that only the whole site can answer, beyond what a build refuses: fields
 * the engine does not know, revisions dated later than now, images and authors' photos that the
 * site will not have, images without alt text, links from published articles to files the site will
 * not have, articles without tags, and articles sharing a slug (links to drafts and scheduled
 * articles are the index's errors, as in a build). Pure: from the parsed articles and the list of
 * files the build would write to problems.
 */
public final class SiteChecks {

    private final SiteConfig config;
    private final SiteIndex index;
    private final Set<String> files;
    private final String hostPath;
    private final String contentFolder;
    private final String assetFolder;
    private final Set<String> ownFields;
    /** Whether articles are expected to name their authors: the built-in theme's bylines (JBake's model has none). */
    private final boolean bylines;
    /** Whether a link to a path the site will not have is an error ({@code journal.check.links}). */
    private final boolean brokenLinksAreErrors;
    /**
     * For the preview: what check reports as errors is said as warnings, so that an author learns
     * of it while the preview still builds.
     */
    private final boolean asWarnings;
    /** The drafts and articles scheduled for later, by the path their page would have. */
    private final Map<String, Article> hiddenPages = new HashMap<>();

    /**
     * @param config the site's configuration
     * @param index  the real build's index (drafts and scheduled articles hidden)
     * @param files  every path the real build writes, relative to the output folder
     */
    public SiteChecks(SiteConfig config, SiteIndex index, Set<String> files) {
        this(config, index, files, false);
    }

    /**
     * @param asWarnings whether check's errors are said as warnings (the preview's), each saying it is
     *                   an error of {@code journal check}
     */
    public SiteChecks(SiteConfig config, SiteIndex index, Set<String> files, boolean asWarnings) {
        this.asWarnings = asWarnings;
        this.config = config;
        this.index = index;
        this.files = Set.copyOf(files);
        this.hostPath = config.sitePath();
        this.contentFolder = config.get("content.folder").strip();
        this.assetFolder = config.get("asset.folder").strip();
        this.ownFields = config.ownFields();
        this.bylines = !config.jbakeLayout();
        this.brokenLinksAreErrors = config.brokenLinksAreErrors();
        index.hidden().forEach(h -> hiddenPages.put(h.outputPath(), h));
    }

    /** JBake's default {@code site.host}. */
    private static final String JBAKE_HOST = "http://www.jbake.org";

    /**
     * {@code site.host} left at (or set to) JBake's default, or empty, with the journal's layout:
     * every canonical link, feed, sitemap entry and citation would name http://www.jbake.org, a
     * site the journal is not, or no site at all. JBake's layout keeps JBake's default, as JBake
     * does, without a word.
     */
    public static Optional<Problem> defaultHost(SiteConfig config) {
        String host = config.get("site.host").strip();
        if (config.jbakeLayout() || config.refused("site.host") || config.isSet("site.host") && !host.isEmpty()
                && !host.replaceAll("/+$", "").equalsIgnoreCase(JBAKE_HOST)) {
            return Optional.empty();
        }
        if (host.isEmpty()) {
            return Optional.of(Problem.warning(SiteConfig.FILE_NAME, config.line("site.host"), "site.host is empty, so"
                    + " the pages' canonical links, the feeds, the sitemap and the citations have no address of the"
                    + " journal; set site.host to it (https://journal.example.org/)"));
        }
        return Optional.of(Problem.warning(SiteConfig.FILE_NAME, config.line("site.host"), (config.isSet("site.host")
                ? "site.host is JBake's default" : "site.host is not set") + ", so the pages' canonical"
                + " links, the feeds, the sitemap and the citations name " + config.siteHost() + ", JBake's default;"
                + " set site.host to the journal's address (https://journal.example.org/)"));
    }

    /** An error of check; for the preview, a warning that says it is one. */
    private Problem error(String path, int line, String message) {
        return asWarnings ? Problem.warning(path, line, message + " (an error of journal check)")
                : Problem.error(path, line, message);
    }

    /** The problems of {@code articles} (every parsed document, drafts included). */
    public List<Problem> check(List<Article> articles) {
        Set<String> published = new HashSet<>();
        index.documents().forEach(a -> published.add(a.outputPath()));
        Map<String, Article> byContentPath = new HashMap<>();
        articles.forEach(a -> byContentPath.put(a.contentPath(), a));
        Map<String, Set<String>> ids = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Article a : articles) {
            unknownFields(a, ownFields, problems);
            boolean isPublished = published.contains(a.outputPath());
            if (isPublished && a.updated() != null && a.updated().isAfter(index.now())) {
                problems.add(Problem.warning(a.sourcePath(), a.line("updated"), "updated is later than now ("
                        + index.now().toLocalDate() + "): feeds and the sitemap give it as the last change as written"));
            }
            if (a.isPost() && a.tags().isEmpty()) {
                problems.add(Problem.warning(a.sourcePath(), a.line("tags"),
                        "no tags: the article appears on no topic page"));
            }
            if (bylines && a.isPost() && a.authors().isEmpty()) {
                problems.add(Problem.warning(a.sourcePath(), a.line(a.meta().containsKey("authors") ? "authors" : "author"),
                        "no author: the article has no byline and is on no author's page"));
            }
            if (!config.jbakeLayout()) { // with JBake's layout the image is the templates' field, named as they like
                siteFile(a, "image", a.image(), problems);
            }
            siteFile(a, "pdf", a.meta().get("pdf") instanceof String pdf ? pdf.strip() : null, problems);
            for (Reference ref : a.references()) {
                if (ref.image()) {
                    image(a, ref, problems);
                } else if (isPublished) {
                    link(a, ref, problems);
                    anchor(a, ref, byContentPath, ids, problems);
                }
            }
        }
        duplicateSlugs(articles, problems);
        photos(articles, problems);
        siteImage(problems);
        return problems;
    }

    /**
     * A warning when the site has no home page: {@code render.index} is off and nothing else (a
     * file among the assets) is written to {@code index.html}, so that the root of the site, which
     * every page's header links to, leads nowhere.
     *
     * @param written whether the build writes a path, relative to the output folder
     */
    public static Optional<Problem> noHomePage(SiteConfig config, java.util.function.Predicate<String> written) {
        if (config.flag("render.index") || written.test("index.html")) {
            return Optional.empty();
        }
        return Optional.of(Problem.warning(SiteConfig.FILE_NAME, config.line("render.index"), "render.index is false"
                + " and no file of the site is index.html: the site has no home page, and the links to its root lead"
                + " nowhere (set render.index=true, or put an index.html in " + config.get("asset.folder").strip() + ")"));
    }

    /** Fields the engine does not know; those that look like a misspelling of one are the parse's warnings. */
    private static void unknownFields(Article a, Set<String> own, List<Problem> problems) {
        boolean profile = a.isAuthorProfile();
        for (String key : a.lines().keySet().stream().sorted().toList()) {
            if (ContentParser.knownField(key, profile, own) || ContentParser.nearestField(key, profile).isPresent()) {
                continue;
            }
            problems.add(Problem.warning(a.sourcePath(), a.line(key), "unknown field '" + key + "'; templates may"
                    + " read it as content." + key + ", the engine gives it no meaning (name the site's own fields in"
                    + " journal.fields)"));
        }
    }

    private void image(Article a, Reference ref, List<Problem> problems) {
        String dest = ref.destination();
        if (ref.raw() ? ref.text() == null : ref.text().isBlank()) {
            String message = ref.raw() ? "image " + dest + " has no alt attribute: describe it, <img src=\"" + dest
                    + "\" alt=\"what the image shows\">, or give alt=\"\" to an image that only decorates"
                    : "image " + dest + " has no alt text: describe it between the brackets, ![what the image shows]("
                            + dest + ")";
            // a warning with JBake's layout, so that a JBake site, which JBake never asked for alt texts,
            // checks as before (as its broken links do)
            problems.add(config.jbakeLayout() ? Problem.warning(a.sourcePath(), ref.line(), message)
                    : error(a.sourcePath(), ref.line(), message));
        }
        String target = sitePath(a, ref);
        if (target == null || exists(target)) {
            return;
        }
        String message = "image " + dest + notFound(target);
        String written = sitePath(dest);
        if (!dest.startsWith("/") && written != null && !written.equals(target) && files.contains(written)) {
            String up = "../".repeat((int) a.contentPath().chars().filter(c -> c == '/').count());
            message += "; to show the site's " + written + ", write " + up + dest + " or /" + dest;
        }
        problems.add(error(a.sourcePath(), ref.line(), message));
    }

    /**
     * A file named in the front matter ({@code image}, {@code pdf}) that the site will not have: its
     * page, social card and citations would link to nothing. Addresses of other sites are not looked at.
     */
    private void siteFile(Article a, String key, String value, List<Problem> problems) {
        if (value == null || value.isEmpty() || !value.startsWith("/") && !UrlPolicy.isRelative(value)) {
            return;
        }
        String target = sitePath(a, value.substring(0, RawLinks.pathEnd(value)));
        if (target != null && !exists(target)) {
            problems.add(error(a.sourcePath(), a.line(key), key + " " + value + notFound(target)));
        }
    }

    /**
     * The site's card image ({@code journal.image}) when it is a path the site will not have: every
     * page's social card and JSON-LD would name a missing file. An address of another site is not
     * looked at, nor one the configuration refused.
     */
    private void siteImage(List<Problem> problems) {
        String image = config.get("journal.image").strip();
        if (image.isEmpty() || image.contains(":") || image.startsWith("//") || config.problems().stream()
                .anyMatch(p -> p.isError() && p.line() == config.line("journal.image") && p.line() > 0)) {
            return;
        }
        String target = ContentParser.filePath("index.md", "/" + image.substring(0, RawLinks.pathEnd(image))
                .replaceFirst("^/+", ""));
        if (target != null && !target.isEmpty() && !exists(target)) {
            problems.add(error(SiteConfig.FILE_NAME, config.line("journal.image"), "journal.image " + image
                    + notFound(target)));
        }
    }

    /** Authors' photos the site will not have: the author's page would show a broken image. */
    private void photos(List<Article> articles, List<Problem> problems) {
        Map<String, Article> bySource = new HashMap<>();
        articles.forEach(a -> bySource.put(a.sourcePath(), a));
        for (var author : index.authors()) {
            var profile = author.profile();
            if (profile == null || profile.photo() == null) {
                continue;
            }
            String target = URI.create(profile.photo()).getPath();
            if (!exists(target)) {
                Article a = bySource.get(profile.sourcePath());
                Object written = a == null ? null : a.meta().get("photo");
                problems.add(error(profile.sourcePath(), a == null ? 0 : a.line("photo"), "photo "
                        + (written == null ? target : written) + notFound(target)));
            }
        }
    }

    private void link(Article a, Reference ref, List<Problem> problems) {
        String dest = ref.destination();
        String target = sitePath(a, ref);
        if (target == null) {
            return;
        }
        if (ContentParser.isDocumentLink(target)) {
            // a missing Markdown file is an error of the parse, a draft or scheduled one of the index
            return;
        }
        if (exists(target)) {
            return;
        }
        Article hidden = hiddenPages.get(target.isEmpty() || target.endsWith("/") ? target + "index.html" : target);
        if (hidden == null) {
            hidden = hiddenPages.get(target + "/index.html");
        }
        if (hidden != null) {
            // as a link to its Markdown file is (SiteIndexer): the address would give the subject away
            String why = hidden.draft() ? "a draft" : "scheduled for " + hidden.date().toLocalDate();
            problems.add(error(a.sourcePath(), ref.line(), "link to " + dest + ", the page of "
                    + hidden.sourcePath() + ", which is " + why + " and has no page in this build; remove the link"
                    + " until it is published"));
        } else {
            String message = "link to " + dest + ": the site will have no " + target;
            // the way to a warning is check's to say; the preview's warning says it is an error of check
            problems.add(brokenLinksAreErrors ? error(a.sourcePath(), ref.line(), message
                    + (asWarnings ? "" : " (journal.check.links=warning makes this a warning)"))
                    : Problem.warning(a.sourcePath(), ref.line(), message));
        }
    }

    /**
     * A link to a place in an article ({@code #section}, {@code other.md#section}) whose page has
     * no element of that id: the link opens the page at its top. The ids are those of the body
     * (headings, notes, raw HTML) and those the theme reserves; {@code #top} is the page's top.
     */
    private static void anchor(Article a, Reference ref, Map<String, Article> byContentPath,
            Map<String, Set<String>> ids, List<Problem> problems) {
        String dest = ref.destination();
        int hash = dest.indexOf('#');
        if (hash < 0) {
            return;
        }
        String fragment = ContentParser.decode(dest.substring(hash + 1));
        if (fragment.isEmpty() || fragment.equalsIgnoreCase("top")) {
            return;
        }
        Article target = a;
        if (hash > 0) {
            Optional<String> path = ContentParser.linkedContentPath(a.contentPath(), dest);
            target = path.filter(ContentParser::isDocumentLink).map(byContentPath::get).orElse(null);
            if (target == null) {
                return; // not an article's page, or a missing one: the parse's error
            }
        }
        Article page = target;
        Set<String> known = ids.computeIfAbsent(page.contentPath(), k -> idsOf(page));
        if (!known.contains(fragment)) {
            String meant = Spelling.nearest(fragment, known.stream().sorted().toList(), 2)
                    .map(id -> "; did you mean #" + id + "?").orElse("");
            problems.add(Problem.warning(a.sourcePath(), ref.line(), "link to " + dest + ": "
                    + (page == a ? "this article" : page.sourcePath()) + " has no heading or element with the id '"
                    + fragment + "', so the link opens at the top of the page" + meant));
        }
    }

    /** An {@code id="..."} attribute of the HTML a body is rendered to. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("\\sid=\"([^\"]*)\"");

    /** The ids on an article's page that its body decides, with those the built-in theme reserves. */
    private static Set<String> idsOf(Article a) {
        Set<String> found = new HashSet<>(MarkdownRenderer.RESERVED_IDS);
        java.util.regex.Matcher m = ID.matcher(a.bodyHtml());
        while (m.find()) {
            found.add(org.jsoup.parser.Parser.unescapeEntities(m.group(1), true));
        }
        return found;
    }

    /** Articles sharing a slug: their URLs differ, but {@code related} lists name articles by slug. */
    private static void duplicateSlugs(List<Article> articles, List<Problem> problems) {
        Map<String, Article> first = new HashMap<>();
        articles.stream().filter(Article::isPost).sorted(Comparator.comparing(Article::sourcePath)).forEach(a -> {
            Article other = first.putIfAbsent(a.slug(), a);
            // two on one page are the parse's error already
            if (other != null && !SafePaths.fold(other.outputPath()).equals(SafePaths.fold(a.outputPath()))) {
                problems.add(Problem.warning(a.sourcePath(), a.line("slug"), "the slug '" + a.slug()
                        + "' is also the slug of " + other.sourcePath() + "; related lists cannot tell them apart"));
            }
        });
    }

    /** What a message says of a file the site will not have, after naming it. */
    private String notFound(String target) {
        return " not found: the site will have no " + target + " (looked for " + contentFolder + "/" + target + " and "
                + assetFolder + "/" + target + ")";
    }

    /**
     * Where a reference leads in the site: as {@link #sitePath(Article, String)}; an address of raw
     * HTML that names no content file as the browser reads it, from the article's page.
     */
    private String sitePath(Article a, Reference ref) {
        String dest = ref.destination();
        if (!ref.raw() || ContentParser.linkedContentPath(a.contentPath(), dest).filter(ContentParser::isDocumentLink)
                .isPresent()) {
            return sitePath(a, dest);
        }
        return dest.startsWith("/") ? sitePath(dest) : ContentParser.linkedContentPath(a.outputPath(), dest).orElse(null);
    }

    /**
     * Where a destination written in an article leads in the site, relative to its root; null for
     * destinations outside it (other sites, fragments, mail addresses).
     */
    private String sitePath(Article a, String dest) {
        // a link to a Markdown file from the root is read from the content folder's root, as the build reads it
        Optional<String> content = ContentParser.linkedContentPath(a.contentPath(), dest);
        return dest.startsWith("/") && content.isEmpty() ? sitePath(dest) : content.orElse(null);
    }

    /** A destination read from the site's root: {@code /img/x.png}, or {@code img/x.png} as if written there. */
    private String sitePath(String dest) {
        if (dest.startsWith("//")) {
            return null;
        }
        if (!dest.startsWith("/")) {
            return ContentParser.linkedContentPath("index.md", dest).orElse(null);
        }
        if (!dest.startsWith(hostPath)) {
            return null;
        }
        return ContentParser.linkedContentPath("index.md", dest.substring(hostPath.length())).orElse(null);
    }

    private boolean exists(String target) {
        if (target.isEmpty() || target.endsWith("/")) {
            return files.contains(target + "index.html");
        }
        return files.contains(target) || files.contains(target + "/index.html");
    }

}
