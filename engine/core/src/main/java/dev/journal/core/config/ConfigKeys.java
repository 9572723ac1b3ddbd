package dev.journal.core.config;

import static dev.journal.core.config.ConfigKey.Support.IGNORED;
import static dev.journal.core.config.ConfigKey.Support.USED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key the engine knows: JBake's keys with JBake's defaults wherever JBake has
 * the concept, and {@code journal.*} keys for what is new. The README's table of keys is checked
 * against this list by a test, so the two cannot drift apart.
 */
public final class ConfigKeys {

    private static final List<ConfigKey> KEYS = List.of(
            // Folders and files (JBake)
            key("content.folder", "content", "folder of articles and pages, relative to the source folder; set to a folder the site lacks, an error"),
            key("template.folder", "templates", "folder of Freemarker templates that override the built-in theme; set to a folder the site lacks, an error"),
            key("asset.folder", "assets", "folder copied as it is to the root of the site; set to a folder the site lacks, a warning"),
            key("asset.ignore", "false", "skip hidden files (dot-files and dot-folders) in the asset folder; with false they are copied (.nojekyll, .htaccess, .well-known/), but for version-control folders (.git, ...), .DS_Store, macOS's ._* files and the output marker .journal-output; they are always skipped in content"),
            key("destination.folder", "output", "output folder when none is given on the command line"),
            key("render.encoding", "UTF-8", "encoding of written pages (only UTF-8 is supported)"),
            key("template.encoding", "UTF-8", "encoding of template files (only UTF-8 is supported; a template that is not UTF-8 is an error naming its line)"),
            key("freemarker.outputencoding", "UTF-8", "accepted; pages are written in UTF-8 whatever it says (another value is a warning)"),
            key("site.host", "http://www.jbake.org", "absolute base URL of the published site, used for canonical links, feeds and the sitemap; its path (/journal/ in https://example.org/journal) begins the 404 page's links"),
            key("header.separator", "~~~~~~", "line that ends a JBake-style key=value header"),
            key("date.format", "yyyy-MM-dd", "date pattern of JBake-style headers"),
            key("default.status", "draft", "status of a JBake-style file whose header has none"),
            key("default.type", "", "type of a file whose header has none (empty: post, or page under journal.pages.folder)"),
            key("output.extension", ".html", "extension of written content pages"),
            key("draft.suffix", "-draft", "JBake's suffix for draft pages; drafts are shown only in preview here"),
            key("uri.noExtension", "false", "write content as folder/index.html and link to folder/"),
            key("uri.noExtension.prefix", "", "only content under this path prefix gets extension-less URIs (empty: all content)"),
            // What to render (JBake)
            key("render.index", "true", "render the home page; off, a build and check warn unless an asset is index.html"),
            key("index.file", "index.html", "file name of the home page"),
            key("index.paginate", "false", "split the home page into pages"),
            key("index.posts_per_page", "3", "articles per home page (and, with the journal's layout, per tag and author page) when paginating"),
            key("render.feed", "true", "render the RSS feeds: the site's, and each tag's and author's (see journal.render.tag.feeds)"),
            key("feed.file", "feed.xml", "file name of the RSS feeds: the site's at the root, a tag's or author's in its folder"),
            key("render.archive", "true", "render the archive page"),
            key("archive.file", "archive.html", "file name of the archive page"),
            key("render.tags", "true", "render one page per tag"),
            key("render.tagsindex", "false", "render the index of all tags"),
            key("tag.path", "tags", "folder of the tag pages"),
            key("tag.sanitize", "false", "with JBake's layout, spaces in tags become hyphens (in names and page file names); the journal's layout makes tag URLs from slugs"),
            key("render.sitemap", "false", "render the sitemap of every public page (and robots.txt, see journal.robots)"),
            key("sitemap.file", "sitemap.xml", "file name of the sitemap"),
            key("render.error404", "false", "render the 404 page (its links start at the site's root on its host, so that they work at any address a server sends it for)"),
            key("error404.file", "404.html", "file name of the 404 page"),
            // Template files (JBake)
            key("template.masterindex.file", "index.ftl", "template of the home page"),
            key("template.post.file", "post.ftl", "template of an article"),
            key("template.page.file", "page.ftl", "template of a static page"),
            key("template.archive.file", "archive.ftl", "template of the archive"),
            key("template.tag.file", "tags.ftl", "template of a tag page"),
            key("template.tagsindex.file", "tags-index.ftl", "template of the tag index"),
            key("template.feed.file", "feed.ftl", "template of the site's RSS feed, used instead of the built-in feed when the site's templates have it"),
            key("template.sitemap.file", "sitemap.ftl", "template of the sitemap, used instead of the built-in sitemap when the site's templates have it"),
            key("template.error404.file", "error404.ftl", "template of the 404 page"),
            key("template.author.file", "author.ftl", "template of an author's page"),
            key("template.authors.file", "authors.ftl", "template of the index of authors"),
            key("template.archiveyear.file", "archive-year.ftl", "template of one year of the archive"),
            key("jvm.locale", "", "JBake's locale; here the locale of templates (dates and numbers they format) when set, but for the RSS feed template (template.feed.file), whose dates RSS requires in English (RFC 822)"),
            key("freemarker.timezone", "", "time zone of templates (dates they format) when set; empty: journal.timezone"),
            key("template.search.file", "search.ftl", "template of the search page"),
            // Preview server (JBake)
            key("server.port", "8820", "port of the preview server"),
            key("server.hostname", "localhost", "JBake's server host name; the preview server always binds 127.0.0.1"),
            key("server.contextPath", "/", "JBake's server context path; the preview server serves at /"),
            // JBake keys accepted and ignored
            ignored("db.store", "memory", "JBake's OrientDB store; this engine has no database"),
            ignored("db.path", "cache", "JBake's OrientDB path; this engine has no database"),
            ignored("db.clear.cache", "false", "JBake's OrientDB cache switch; this engine has no database"),
            key("data.folder", "data", "folder of JBake's data files (.yaml, .yml), which templates read with data.get(\"name.yaml\"); set to a folder the site lacks, a warning"),
            ignored("data.file.docType", "data", "JBake's document type of data files; data files are not documents here"),
            key("markdown.extensions", "HARDWRAPS,AUTOLINKS,FENCED_CODE_BLOCKS,DEFINITIONS", "pegdown extensions: with JBake's layout HARDWRAPS keeps line breaks inside paragraphs; otherwise Markdown here is CommonMark with the GFM extensions"),
            ignored("markdown.maxParsingTimeInMillis", "2000", "pegdown time limit; CommonMark parsing is linear"),
            ignored("asciidoctor.option", "", "Asciidoctor's options (this key and asciidoctor.option.<name>, such as requires or template_dirs) are not applied: Asciidoctor runs in its safe mode, with the site's folder as its jail, and loads no Ruby libraries"),
            key("asciidoctor.attributes", "source-highlighter=prettify", "attributes every AsciiDoc file is converted with: name=value or name, separated by commas"),
            key("asciidoctor.attributes.export", "true", "hand every other key of jbake.properties to AsciiDoc files as an attribute, its dots as underscores ({site_host})"),
            key("asciidoctor.attributes.export.prefix", "", "prefix of the exported keys' attribute names"),
            ignored("thymeleaf.locale", "en_US", "Thymeleaf is not supported; templates are Freemarker"),
            ignored("img.path.update", "false", "relative image paths are always rewritten to resolve from the page"),
            ignored("img.path.prepend.host", "true", "images stay relative; feeds make links absolute"),
            ignored("ignore.file", ".jbakeignore", "JBake's ignore marker file"),
            ignored("version", "", "JBake's own version"),
            ignored("build.timestamp", "", "JBake's build time (never written: output must not depend on the clock)"),
            ignored("git.hash", "", "JBake's git hash"),
            ignored("example.project.freemarker", "", "JBake's init command"),
            ignored("example.project.groovy", "", "JBake's init command"),
            ignored("example.project.groovy-mte", "", "JBake's init command"),
            ignored("example.project.thymeleaf", "", "JBake's init command"),
            ignored("example.project.jade", "", "JBake's init command"),
            // Journal
            key("journal.layout", "auto", "jbake: JBake's output layout and template model (tag pages at tag.path/NAME.html, only the site's own templates); journal: the journal's; auto: jbake when the template folder holds JBake's home page template (template.masterindex.file, index.ftl), or, with render.index=false, any .ftl template a template.*.file key names"),
            key("journal.title", "Journal", "the journal's name, shown in the masthead, titles and feeds"),
            key("journal.description", "", "one sentence about the journal, for the home page and feeds"),
            key("journal.language", "en", "language of the site (the html lang attribute)"),
            key("journal.locale", "", "locale for dates and sorting, as a BCP 47 tag (empty: journal.language)"),
            key("journal.timezone", "UTC", "zone of dates written without one"),
            key("journal.date.format", "d MMMM yyyy", "how dates are shown on pages (java.time pattern)"),
            key("journal.render.authors", "true", "render one page per author and the index of authors"),
            key("journal.render.archive.years", "true", "render one archive page per year"),
            key("journal.author.path", "authors", "folder of the author pages"),
            key("journal.archive.path", "archive", "folder of the archive's pages per year"),
            key("journal.pages.folder", "pages", "content under this folder is of type page unless its header says otherwise"),
            key("journal.markdown.smart", "true", "smart typography: curly quotes, en and em dashes, ellipses (off unless set when journal.layout is jbake)"),
            key("journal.ftl.autoescape", "true", "HTML auto-escaping in a site's .ftl templates too (bodies stay HTML), but for those that escape their values themselves with JBake's #escape or ?html; false for JBake's output exactly: nothing escaped, bodies as text; unset with JBake's layout: false"),
            key("journal.markdown.html", "sanitize", "raw HTML in Markdown and .html content files: sanitize (an allow-list keeps safe markup), trust (kept as written) or escape (shown as text); unset with JBake's layout: trust"),
            key("journal.markdown.html.embeds", "youtube-nocookie.com, player.vimeo.com", "hosts (and their subdomains) whose pages raw HTML may embed with an https iframe when sanitising; empty for none"),
            key("journal.check.links", "error", "a link from an article to a path inside the site that the site will not have, or to a Markdown file the content does not have: error (check fails, and with it mvn verify) or warning (warning unless set when journal.layout is jbake)"),
            key("journal.fields", "", "front matter fields of the site's own, which its templates read (e.g. subtitle, images): comma-separated; no warning calls them unknown or misspelt"),
            key("journal.summary.length", "300", "maximum length in characters of a summary derived from the first paragraph"),
            key("journal.reading.wpm", "230", "reading speed in words per minute, for the reading time shown on articles"),
            key("journal.tags.sort", "name", "order of the tag index: name (in the site's locale) or count (most articles first)"),
            // Feeds and sitemap (Journal)
            key("journal.render.atom", "true", "render the Atom feeds: the site's, and each tag's and author's"),
            key("journal.atom.file", "atom.xml", "file name of the Atom feeds, placed like feed.file"),
            key("journal.render.jsonfeed", "true", "render the JSON Feeds: the site's, and each tag's and author's"),
            key("journal.jsonfeed.file", "feed.json", "file name of the JSON Feeds, placed like feed.file"),
            key("journal.render.tag.feeds", "true", "render feeds per tag (in each format switched on) beside the tag's page, e.g. tags/energy/feed.xml"),
            key("journal.render.author.feeds", "true", "render feeds per author (in each format switched on) beside the author's page"),
            key("journal.feed.entries", "20", "number of articles in each feed, newest first"),
            key("journal.feed.content", "full", "what the site's feeds carry: full (the article's HTML) or summary"),
            key("journal.feed.taxonomy.content", "summary", "what tag and author feeds carry: full or summary (summary keeps hundreds of feeds small)"),
            key("journal.robots", "true", "with render.sitemap, write robots.txt naming the sitemap (false when assets/ has its own; none for a site under a path, as crawlers read it only at the host's root)"),
            // Theme (Journal)
            key("journal.render.search", "true", "render the search page and its index (search-index.json, beside the page)"),
            key("journal.search.file", "search/index.html", "file name of the search page"),
            key("journal.render.citations", "true", "show a Cite this article block on articles and write a BibTeX and an RIS file beside each"),
            key("journal.image", "", "default image of social cards and JSON-LD: a path from the site's root or an http(s) URL (empty: the theme's images/journal-card.png)"),
            // Recommended articles
            key("journal.related.count", "4", "recommended articles under each article, pins included (0: no block)"),
            key("journal.related.weight.text", "1.0", "weight of the similarity of title, summary and body"),
            key("journal.related.weight.tags", "0.2", "weight of shared tags, a rare tag counting more than a common one"),
            key("journal.related.weight.authors", "0.1", "weight of shared authors"),
            key("journal.related.weight.freshness", "0.2", "share of the score (0 to 1) that depends on how recent an article is; an old article loses at most this share"),
            key("journal.related.freshness.halflife", "365", "days back from the newest article after which freshness halves"),
            key("journal.related.diversity", "0.3", "how much (0 to 1) an article's likeness to those already recommended lowers it, so the block is not several copies of one story"));

    private static final Map<String, ConfigKey> BY_NAME = index();

    private ConfigKeys() {
    }

    /** Every known key, in the README's order. */
    public static List<ConfigKey> all() {
        return KEYS;
    }

    public static Optional<ConfigKey> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Whether a key not in the list is still one the engine expects: a template for a custom
     * content type ({@code template.<type>.file}), or the extension of a type's files
     * ({@code template.<type>.extension}).
     */
    static boolean isPatternKey(String name) {
        return name.startsWith("template.") && (name.endsWith(".file") && name.length() > "template..file".length()
                || name.endsWith(".extension") && name.length() > "template..extension".length());
    }

    /**
     * Whether a key is JBake's {@code template.<x>.extension} for a page that is no content type
     * (the home page, the sitemap, ...: a page with a template key of its own and no documents),
     * which JBake 2.7.0 ignores: only documents' files take their type's extension.
     */
    static boolean isIgnoredExtension(String name) {
        if (!name.startsWith("template.") || !name.endsWith(".extension")) {
            return false;
        }
        String type = name.substring("template.".length(), name.length() - ".extension".length());
        return !type.equals("post") && !type.equals("page") && find("template." + type + ".file").isPresent();
    }

    private static ConfigKey key(String name, String value, String description) {
        return new ConfigKey(name, value, USED, description);
    }

    private static ConfigKey ignored(String name, String value, String description) {
        return new ConfigKey(name, value, IGNORED, description);
    }

    private static Map<String, ConfigKey> index() {
        Map<String, ConfigKey> map = new LinkedHashMap<>();
        for (ConfigKey key : KEYS) {
            if (map.put(key.name(), key) != null) {
                throw new IllegalStateException("duplicate key " + key.name());
            }
        }
        return map;
    }
}
