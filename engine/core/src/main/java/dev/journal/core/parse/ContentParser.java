package dev.journal.core.parse;

import dev.journal.core.IoMessage;
import dev.journal.core.internal.Digests;
import dev.journal.core.Problem;
import dev.journal.core.analysis.SearchCounts;
import dev.journal.core.analysis.SearchTerms;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.Spelling;
import dev.journal.core.internal.Utf8;
import dev.journal.core.internal.asciidoc.AsciiDoc;
import dev.journal.core.load.ContentLoader;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.internal.markdown.MarkdownResult;
import dev.journal.core.internal.markdown.SafeUrlSanitizer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.related.ArticleTerms;
import dev.journal.core.related.RelatedSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The parse stage: content files to {@link Article}s.
 *
 * <p>Two passes, each parallel over the files: first every header (cheap), which fixes each page's
 * URL; then every body, whose links to other Markdown files are rewritten to those URLs. Each file
 * is parsed independently; problems are collected from all of them, never thrown one by one.
 */
public final class ContentParser {

    /** Front matter fields with a meaning; any other is passed to templates as it is. */
    public static final Set<String> KNOWN_FIELDS = Set.of("title", "author", "authors", "date", "updated", "tags",
            "summary", "draft", "status", "slug", "image", "pdf", "lang", "type", "related");
    /** The fields an author's profile ({@code type: author}) has besides an article's. */
    private static final Set<String> PROFILE_FIELDS = Set.of("name", "role", "photo", "links");
    private static final List<String> KNOWN = KNOWN_FIELDS.stream().sorted().toList();
    private static final List<String> KNOWN_IN_PROFILES = java.util.stream.Stream.concat(KNOWN.stream(),
            PROFILE_FIELDS.stream()).sorted().toList();

    /**
     * The type of an author's profile: its {@code name} (or {@code title}) says whose, its body is
     * the biography. Profiles are not pages of their own; the author's page shows them, so their
     * links are rewritten to resolve from that page.
     */
    public static final String AUTHOR_TYPE = "author";
    /** Types the engine makes pages of without a {@code template.<type>.file}. */
    private static final List<String> BUILT_IN_TYPES = List.of("post", "page", AUTHOR_TYPE);

    /**
     * Marks a value still to be filled in, as {@code journal import} writes it ({@code "TODO: the
     * title"}). Such a value in a field with a meaning is an error, so it can never be published.
     */
    public static final String PLACEHOLDER = "TODO";

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    /** A type as JBake reads it from its template keys' names ({@code template.<type>.file}). */
    private static final Pattern JBAKE_TYPE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final SafeUrlSanitizer SITE_FILE_URLS = new SafeUrlSanitizer(Set.of("http", "https"));

    private final SiteConfig config;
    /** The site's own front matter fields ({@code journal.fields}). */
    private final Set<String> ownFields;
    private final MarkdownRenderer markdown;
    private final FrontMatterParser frontMatter;
    private final UrlPolicy urls;
    private final String pagesFolder;
    private final boolean englishTerms;
    /** Whether each article's terms are counted for the recommender and for search; null: not for search. */
    private final boolean relatedTerms;
    private final SearchTerms searchTerms;
    /** JBake's {@code tag.sanitize}: spaces in tags become hyphens; with JBake's layout only, where tags name files. */
    private final boolean sanitizeTags;
    /** The site's folder, which AsciiDoc files read their includes from; null: they read none. */
    private final java.nio.file.Path site;
    /** The attributes every AsciiDoc file is converted with ({@code asciidoctor.attributes} and the exported keys). */
    private final Map<String, Object> asciiDocAttributes;

    /**
     * A cached article's link to this name says its file is parsed again on every build: an
     * AsciiDoc file with includes, whose included files the cache does not know. No content file
     * has this path, so the link never leads where it led.
     */
    private static final String READ_AGAIN = "\0includes";

    /** Most tags, and most authors, one article may have. */
    static final int MAX_NAMES = 200;

    /** A parser that counts every article's terms for the recommender and for search. */
    public ContentParser(SiteConfig config, MarkdownRenderer markdown) {
        this(config, markdown, true, true);
    }

    /**
     * A parser that counts each article's terms for the recommender ({@code relatedTerms}) and for
     * the search index ({@code searchCounts}) only when the site uses them; the stages that need them
     * count them for an article that has none.
     */
    public ContentParser(SiteConfig config, MarkdownRenderer markdown, boolean relatedTerms, boolean searchCounts) {
        this(config, markdown, relatedTerms, searchCounts, null);
    }

    /**
     * As {@link #ContentParser(SiteConfig, MarkdownRenderer, boolean, boolean)}, for the site in
     * {@code site}, whose AsciiDoc files may include its other files.
     */
    public ContentParser(SiteConfig config, MarkdownRenderer markdown, boolean relatedTerms, boolean searchCounts,
            java.nio.file.Path site) {
        this.site = site == null ? null : realPath(site);
        this.asciiDocAttributes = asciiDocAttributes(config);
        this.config = config;
        this.markdown = markdown;
        this.frontMatter = new FrontMatterParser(config.get("header.separator"));
        this.urls = new UrlPolicy(config);
        String pages = config.get("journal.pages.folder").strip();
        this.pagesFolder = pages.endsWith("/") ? pages : pages + "/";
        this.englishTerms = RelatedSettings.from(config).english();
        this.relatedTerms = relatedTerms;
        this.searchTerms = searchCounts ? new SearchTerms(config.language()) : null;
        this.sanitizeTags = config.jbakeLayout() && config.flag("tag.sanitize");
        this.ownFields = config.ownFields();
    }

    /** The articles of the files that parsed, in the order given, and every problem found. */
    public record Parsed(List<Article> articles, List<Problem> problems) {
        public Parsed {
            articles = List.copyOf(articles);
            problems = List.copyOf(problems);
        }
    }

    /** Parses every file, in parallel on {@code pool}. */
    public Parsed parse(List<SourceFile> files, ForkJoinPool pool) {
        return parse(files, pool, ParseCache.NONE);
    }

    /** A file on its way through the parse: its cached article if any, its header if parsed. */
    private static final class Item {
        /** The file; without its bytes once its header is read or its article found in the cache. */
        SourceFile file;
        ParseCache.Entry cached;
        Header header;
        /** Whether the progress counted it already: found in the cache, then parsed again after all. */
        boolean counted;

        Item(SourceFile file, ParseCache.Entry cached) {
            this.file = file;
            this.cached = cached;
        }
    }

    /**
     * Parses every file, in parallel on {@code pool}, taking from {@code cache} the articles of files
     * that did not change since they were cached and whose links still lead where they did.
     */
    public Parsed parse(List<SourceFile> files, ForkJoinPool pool, ParseCache cache) {
        return parse(files, pool, cache, () -> { });
    }

    /**
     * As {@link #parse(List, ForkJoinPool, ParseCache)}, calling {@code step} (from any thread) as
     * each file is done: found in the cache, parsed, or failed.
     */
    public Parsed parse(List<SourceFile> files, ForkJoinPool pool, ParseCache cache, Runnable step) {
        List<Item> items = pool.submit(() -> files.parallelStream().map(unread -> {
            SourceFile f = unread;
            if (f.bytes() == null && f.origin().digest() == null) {
                try {
                    f = f.read();
                } catch (IOException e) {
                    Item failed = new Item(f, null);
                    failed.header = unreadable(f, e);
                    step.run();
                    return failed;
                }
            }
            String digest = f.bytes() != null ? digest(f.bytes()) : f.origin().digest();
            Item item = new Item(f, cache.find(f.path(), digest).orElse(null));
            if (item.cached == null) {
                item.header = header(f, digest);
                item.file = item.header.file;
                if (!item.header.ok) {
                    step.run();
                }
            } else {
                item.file = f.released(digest);
                step.run();
            }
            return item;
        }).toList()).join();
        Map<String, String> uris = new HashMap<>();
        Set<String> failed = new HashSet<>(); // content files whose own errors are reported: links to them are not
        for (Item i : items) {
            if (i.cached != null) {
                uris.put(i.cached.article().contentPath(), i.cached.article().uri());
            } else if (i.header.ok) {
                uris.put(i.file.contentPath(), i.header.target.uri());
            } else {
                failed.add(i.file.contentPath());
            }
        }
        // a cached article whose links now lead elsewhere (a linked page moved, appeared or went) is parsed again
        List<Item> stale = items.stream().filter(i -> i.cached != null && !stillLinked(i.cached, uris)).toList();
        pool.submit(() -> stale.parallelStream().forEach(i -> {
            i.cached = null;
            i.counted = true;
            i.header = header(i.file, null);
        })).join();
        List<Problem> problems = new ArrayList<>();
        Map<String, Article> byOutput = new HashMap<>();
        for (Item i : items) {
            if (i.header != null) {
                problems.addAll(i.header.problems);
            }
            Article a = i.cached != null ? i.cached.article() : null;
            Header h = i.header;
            if (a == null && (h == null || !h.ok)) {
                continue;
            }
            String type = a != null ? a.type() : h.type;
            if (AUTHOR_TYPE.equals(type)) {
                continue; // two profiles of one author are reported by the indexer, which knows both names
            }
            String out = a != null ? a.outputPath() : h.target.outputPath();
            Article other = byOutput.putIfAbsent(SafePaths.fold(out), a != null ? a : placeholder(h));
            if (other != null) {
                if (config.jbakeLayout()) { // a page named after its file: no line decides it
                    problems.add(Problem.error(i.file.path(), 1, "this page and " + other.sourcePath()
                            + " would both be written to " + out + "; rename one of the files"));
                    continue;
                }
                int slugLine = a != null ? a.line("slug") : h.fm.line("slug");
                problems.add(Problem.error(i.file.path(), slugLine, "this page and " + other.sourcePath()
                        + " (line " + other.line("slug") + ") would both be written to " + out
                        + "; give one of them another slug"));
            }
        }
        List<Item> toParse = items.stream().filter(i -> i.cached == null && i.header.ok).toList();
        List<Outcome> bodies = pool.submit(() -> toParse.parallelStream().map(i -> {
            Map<String, String> linked = new java.util.concurrent.ConcurrentHashMap<>();
            if (i.header.includes) {
                linked.put(READ_AGAIN, "read again");
            }
            Recording recording = new Recording(uris, linked);
            Outcome b = body(i.header, recording, cache);
            if (b.article() != null) {
                // the broken links are looked up through the recording too, so a cached article
                // still linked as it was has the same ones and keeps them among its problems
                List<Problem> broken = brokenLinks(b.article(), recording, failed);
                List<Problem> own = new ArrayList<>(i.header.problems);
                own.addAll(b.problems());
                own.addAll(broken);
                cache.keep(new ParseCache.Entry(b.article(), List.copyOf(own), Map.copyOf(linked)));
                b = b.with(broken);
            }
            i.header = null; // its decoded text is not needed now
            if (!i.counted) {
                step.run();
            }
            return b;
        }).toList()).join();
        // a file whose header has errors gets its body's problems too (links to missing files, raw
        // HTML removed, notes without citations), so that one run lists all of the file's problems
        List<Item> unbuilt = items.stream().filter(i -> i.cached == null && i.header != null && !i.header.ok
                && i.header.fm != null && i.header.file != null).toList();
        if (!unbuilt.isEmpty()) {
            pool.submit(() -> unbuilt.parallelStream().map(i -> bodyProblems(i.header, uris, failed)).toList()).join()
                    .forEach(problems::addAll);
        }
        List<Article> articles = new ArrayList<>();
        for (Outcome b : bodies) {
            problems.addAll(b.problems());
            if (b.article() != null) {
                articles.add(b.article());
            }
        }
        for (Item i : items) {
            if (i.cached != null) {
                cache.keep(i.cached);
                problems.addAll(i.cached.problems());
                articles.add(i.cached.article());
            }
        }
        if (config.jbakeLayout()) {
            datedByFiles(articles, items);
        }
        articles.sort(java.util.Comparator.comparing(Article::sourcePath));
        return new Parsed(articles, problems);
    }

    /**
     * With JBake's layout, a document without a date is dated by its file's modification time, as
     * JBake dates it (to the millisecond), so that its templates find {@code content.date} on every
     * document. The articles are kept (and cached) undated, and dated here by the file as it is now.
     */
    private void datedByFiles(List<Article> articles, List<Item> items) {
        Map<String, Long> modified = new HashMap<>();
        for (Item i : items) {
            if (i.file != null && i.file.origin() != null) {
                modified.put(i.file.path(), i.file.origin().modified());
            }
        }
        articles.replaceAll(a -> a.date() != null || !modified.containsKey(a.sourcePath()) ? a
                : a.datedAt(java.time.Instant.ofEpochMilli(Math.floorDiv(modified.get(a.sourcePath()), 1_000_000L))
                        .atZone(config.zone())));
    }

    /**
     * The articles without those whose page an article earlier in the list claims (their paths
     * compared as {@link SafePaths#fold} does): the parse reports each of those as an error, and a
     * check that goes on to render the site renders the first alone, rather than report every file
     * the two would make (page, citation files) once more. Authors' profiles are kept: the indexer
     * reports two of one author.
     */
    public static List<Article> firstOnEachPage(List<Article> articles) {
        Set<String> taken = new HashSet<>();
        List<Article> first = new ArrayList<>(articles.size());
        for (Article a : articles) {
            if (AUTHOR_TYPE.equals(a.type()) || taken.add(SafePaths.fold(a.outputPath()))) {
                first.add(a);
            }
        }
        return first;
    }

    private static boolean isAsciiDoc(SourceFile file) {
        return ContentLoader.ASCIIDOC_EXTENSIONS.contains(file.extension());
    }

    /**
     * An AsciiDoc file as Asciidoctor reads it: from disk in the site's folder, includes and all;
     * else (no file, or a site with a symbolic link to a place outside it, which Asciidoctor's jail,
     * a comparison of paths, would follow) its text alone, without includes.
     */
    private AsciiDoc.Source asciiDoc(SourceFile file, String text) {
        java.nio.file.Path onDisk = site == null || file.origin() == null ? null : realPath(file.origin().file());
        boolean inside = onDisk != null && onDisk.startsWith(site) && linkOut().isEmpty();
        return new AsciiDoc.Source(inside ? site : null, inside ? onDisk : null, file.path(), text);
    }

    /**
     * The first symbolic link in the site's folder that leads outside it (or a folder that cannot
     * be listed, which may hold one), looked for once, when an AsciiDoc file is read.
     */
    private Optional<String> linkOut() {
        synchronized (this) {
            if (linkOut == null) {
                linkOut = findLinkOut(site);
            }
            return linkOut;
        }
    }

    private Optional<String> linkOut;

    private static Optional<String> findLinkOut(java.nio.file.Path site) {
        String[] found = new String[1];
        try {
            java.nio.file.Files.walkFileTree(site, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink() && !realPath(file).startsWith(site)) {
                        found[0] = site.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                        return java.nio.file.FileVisitResult.TERMINATE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
                    // a folder that cannot be listed may hold such a link: taken as one (includes off)
                    found[0] = site.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    return java.nio.file.FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            return Optional.of(".");
        }
        return Optional.ofNullable(found[0]);
    }

    private static java.nio.file.Path realPath(java.nio.file.Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * What AsciiDoc files are converted with, as JBake converts them: {@code asciidoctor.attributes}
     * ({@code name=value} or {@code name}, separated by commas), and with
     * {@code asciidoctor.attributes.export} every other key of the configuration, its dots as
     * underscores, after {@code asciidoctor.attributes.export.prefix}.
     */
    private static Map<String, Object> asciiDocAttributes(SiteConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (config.flag("asciidoctor.attributes.export")) {
            String prefix = config.get("asciidoctor.attributes.export.prefix").strip();
            config.values().forEach((k, v) -> {
                if (!k.startsWith("asciidoctor")) {
                    out.put(prefix + k.replace('.', '_'), v.replace("\\,", ","));
                }
            });
        }
        for (String entry : SiteConfig.items(config.get("asciidoctor.attributes"))) {
            if (!entry.isEmpty()) {
                int eq = entry.indexOf('=');
                out.put(eq < 0 ? entry : entry.substring(0, eq).strip(), eq < 0 ? "" : entry.substring(eq + 1).strip());
            }
        }
        return Map.copyOf(out);
    }

    /** Whether every content file a cached article's links named still has the URI it had then. */
    private static boolean stillLinked(ParseCache.Entry entry, Map<String, String> uris) {
        for (var e : entry.linked().entrySet()) {
            if (!uris.getOrDefault(e.getKey(), "").equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A view of the URIs of the content files that records which ones a body's links looked up. */
    private static final class Recording extends java.util.AbstractMap<String, String> {
        private final Map<String, String> uris;
        private final Map<String, String> seen;

        Recording(Map<String, String> uris, Map<String, String> seen) {
            this.uris = uris;
            this.seen = seen;
        }

        @Override
        public String get(Object key) {
            String uri = uris.get(key);
            seen.put((String) key, uri == null ? "" : uri);
            return uri;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            throw new UnsupportedOperationException("only looked up");
        }
    }

    /** Enough of a new file's article to name it in a message about two pages on one path. */
    private static Article placeholder(Header h) {
        return new Article(h.file.path(), h.file.contentPath(), h.type, h.draft, h.title == null ? "" : h.title,
                List.of(), null, null, List.of(), null, h.slug == null ? "" : h.slug, h.target.outputPath(),
                h.target.uri(), null, null, Article.Related.DEFAULT, Map.of(), Body.of("", ""), List.of(), 0,
                List.of(), "", "", h.fm.lines(), h.fm.entryLines(), null, null);
    }

    /** Parses one file on the calling thread (for tools that look at a single file). */
    public Parsed parseOne(SourceFile file, Map<String, String> knownUris) {
        Header h = header(file, null);
        if (!h.ok) {
            return new Parsed(List.of(), h.problems);
        }
        Map<String, String> uris = new HashMap<>(knownUris);
        uris.put(file.contentPath(), h.target.uri());
        Outcome b = body(h, uris, ParseCache.NONE);
        List<Problem> problems = new ArrayList<>(h.problems);
        problems.addAll(b.problems());
        if (b.article() == null) {
            return new Parsed(List.of(), problems);
        }
        problems.addAll(brokenLinks(b.article(), uris, Set.of()));
        return new Parsed(List.of(b.article()), problems);
    }

    /** The header of one file, validated and typed; the first pass. */
    private static final class Header {
        String digest;
        String sha1;
        SourceFile file;
        FrontMatter fm;
        boolean ok;
        final List<Problem> problems = new ArrayList<>();
        String type;
        boolean draft;
        String title;
        List<String> authors = List.of();
        ZonedDateTime date;
        ZonedDateTime updated;
        List<String> tags = List.of();
        String summary;
        String slug;
        UrlPolicy.Target target;
        String image;
        String lang;
        Article.Related related = Article.Related.DEFAULT;
        /** An AsciiDoc file with includes: parsed on every build. */
        boolean includes;
    }

    /** The header of a file; {@code digest} is its bytes', when the file comes with them and they were digested. */
    private Header header(SourceFile unread, String digest) {
        Header h = new Header();
        String path = unread.path();
        SourceFile file;
        try {
            file = unread.read(); // left unread as unchanged, but not found in the cache
        } catch (IOException e) {
            return unreadable(unread, e);
        }
        h.digest = digest != null && unread.bytes() != null ? digest : digest(file.bytes());
        h.sha1 = Digests.sha1(file.bytes());
        // the bytes go once decoded: the header and the body's text are all the parse needs of them
        h.file = file.released(h.digest);
        String text;
        try {
            text = Utf8.decode(file.bytes());
        } catch (Utf8.MalformedException e) {
            h.problems.add(Problem.error(path, e.line(), e.getMessage()));
            return h;
        }
        text = replaceControls(path, text, h.problems);
        FrontMatterParser.Result result = frontMatter.parse(path, text);
        String read = text;
        // no header at all, as JBake would see it, rather than front matter that is there but wrong
        boolean noHeader = result.frontMatter() == null && result.problems().stream()
                .allMatch(p -> !p.isError() || FrontMatterParser.saysNoHeader(p, read));
        if (isAsciiDoc(file)) {
            h.includes = text.contains("include::");
            List<Problem> beyond = AsciiDocHeader.limits(path, text);
            if (!beyond.isEmpty()) {
                h.problems.addAll(beyond);
                return h;
            }
            if (noHeader) {
                // no JBake header: the document's own header, as JBake reads it
                AsciiDoc.Header asciiDocHeader;
                try {
                    // read as JBake reads it: without the site's attributes (a key title= would be the title)
                    asciiDocHeader = AsciiDoc.header(asciiDoc(file, text), Map.of());
                } catch (RuntimeException e) {
                    h.problems.add(Problem.error(path, 1, "the AsciiDoc header cannot be read: " + e.getMessage()));
                    return h;
                }
                FrontMatter own = AsciiDocHeader.of(path, text, asciiDocHeader, !config.jbakeLayout(), h.problems);
                if (own == null) {
                    String message = "no header: an AsciiDoc file starts with its title (= Title) and attributes"
                            + " (:jbake-type: post, :jbake-status: published), or with a JBake header (title=..., then"
                            + " a line " + config.get("header.separator").strip() + ")";
                    h.problems.add(config.jbakeLayout() ? Problem.warning(path, 1, message
                            + "; the file is left out of the site, as JBake leaves it out")
                            : Problem.error(path, 1, message));
                    return h;
                }
                result = new FrontMatterParser.Result(own, List.of());
            }
        }
        if (noHeader && result.frontMatter() == null && config.jbakeLayout()) {
            // JBake leaves a file without a header out ("has an invalid header, it has been ignored");
            // front matter that is there but wrong (YAML that does not read) stays an error
            for (Problem p : result.problems()) {
                String message = p.message().startsWith("no front matter: a content file starts")
                        ? "no header: a content file starts with a JBake header (title=..., date=..., then a line "
                                + config.get("header.separator").strip() + ") or with front matter between lines ---"
                        : p.message();
                h.problems.add(p.isError() ? Problem.warning(p.path(), p.line(), message
                        + "; the file is left out of the site, as JBake leaves it out") : p);
            }
            return h;
        }
        h.problems.addAll(result.problems());
        if (result.frontMatter() == null) {
            return h;
        }
        FrontMatter fm = result.frontMatter();
        if (config.jbakeLayout() && fm.format() == FrontMatter.Format.YAML && !fm.lines().containsKey("title")
                && !fm.lines().containsKey("type") && result.problems().stream().noneMatch(Problem::isError)) {
            // JBake reads no YAML front matter: a file whose front matter names neither title nor type
            // (a search engine's verification file) is one it leaves out, as it leaves out every such file
            h.problems.add(Problem.warning(path, 1, "front matter without title or type: the file is left out of"
                    + " the site, as JBake, which reads no front matter of this kind, leaves it out"));
            return h;
        }
        h.fm = fm;
        // the fields are checked even when the front matter has errors, so that every problem of the
        // file is reported at once; a line the front matter's reading has an error on gets no second
        Set<Integer> erred = new HashSet<>();
        result.problems().stream().filter(Problem::isError).forEach(p -> erred.add(p.line()));
        List<Problem> fieldProblems = new ArrayList<>();
        Fields f = new Fields(path, fm, fieldProblems, config.zone());
        h.type = type(f, file.contentPath(), fm);
        boolean profile = AUTHOR_TYPE.equals(h.type);
        if (config.jbakeLayout() && !profile && fm.format() == FrontMatter.Format.JBAKE
                && (fm.get("title") == null || fm.get("title") instanceof String t && t.isBlank())) {
            // JBake makes the page of a header without a title, which its templates show as they can
            fieldProblems.add(Problem.warning(path, 1, "title is missing: the page has none, as JBake makes it"));
            h.title = "";
        } else {
            h.title = profile && fm.get("title") == null ? f.text("name", true) : f.text("title", true);
        }
        h.authors = authors(f, fm);
        h.tags = f.list("tags", "tag");
        // each tag's and author's pages list the article with all of its tags and authors: thousands
        // of them would make pages of thousands of lines each, by the thousand
        if (h.tags.size() > MAX_NAMES) {
            fieldProblems.add(Problem.error(path, fm.line("tags"), "tags lists " + h.tags.size() + " tags; an article"
                    + " has at most " + MAX_NAMES));
            h.tags = h.tags.subList(0, MAX_NAMES);
        }
        if (h.authors.size() > MAX_NAMES) {
            String key = fm.lines().containsKey("authors") ? "authors" : "author";
            fieldProblems.add(Problem.error(path, fm.line(key), key + " lists " + h.authors.size() + " authors; an"
                    + " article has at most " + MAX_NAMES));
            h.authors = h.authors.subList(0, MAX_NAMES);
        }
        if (sanitizeTags) {
            h.tags = h.tags.stream().map(t -> t.replace(' ', '-')).distinct().toList();
        }
        h.summary = f.text("summary", false);
        if (config.jbakeLayout()) {
            // JBake's image is a field for the site's templates (url('img/${content.image}')), as any
            // other: no problem of it is reported, and it is the page's card image only where it is one
            h.image = siteFile(new Fields(path, fm, new ArrayList<>(), config.zone()), fm, file.contentPath(), "image");
        } else {
            h.image = siteFile(f, fm, file.contentPath(), "image");
        }
        siteFile(f, fm, file.contentPath(), "pdf"); // read from the front matter by the views, once checked
        h.lang = lang(f, fm);
        h.draft = draft(f, fm);
        boolean jbake = fm.format() == FrontMatter.Format.JBAKE;
        // with JBake's layout, what follows the date.format's part is ignored, as JBake ignores it
        h.date = f.date("date", jbake ? config.get("date.format") : null, config.jbakeLayout());
        h.updated = f.date("updated", jbake ? config.get("date.format") : null, config.jbakeLayout());
        if (h.date == null && !fm.lines().containsKey("date") && "post".equals(h.type) && config.jbakeLayout()) {
            // dated by its file after the parse (datedByFiles), as JBake dates it
            Problem missing = f.missing("date", "");
            fieldProblems.add(Problem.warning(path, missing.line(), missing.message() + " (the post is dated by its"
                    + " file's modification time, as JBake dates it, which changes when the file is copied or checked"
                    + " out again)"));
        } else if (h.date == null && !fm.lines().containsKey("date") && "post".equals(h.type)) {
            Problem missing = f.missing("date", "; every article needs one, e.g. date: 2024-06-28");
            // a draft is not published, so it may wait for its date; the preview shows it dated at the build
            fieldProblems.add(h.draft ? Problem.warning(path, missing.line(), missing.message()
                    + " before it is published (a draft; the preview dates it at the build's time)") : missing);
        }
        if (h.date != null && h.updated != null && h.updated.isBefore(h.date)) {
            fieldProblems.add(Problem.warning(path, fm.line("updated"), "updated is earlier than date"));
        }
        // with JBake's layout a page is named after its file whatever the header says, as JBake names
        // it: a slug there is a field for templates, not the page's name
        String slug = config.jbakeLayout() ? null : f.text("slug", false);
        if (slug != null) {
            h.slug = Slugs.slug(slug);
            if (h.slug.isEmpty()) {
                fieldProblems.add(Problem.error(path, fm.line("slug"), "slug " + Problem.quote(slug)
                        + " has no letter or digit"));
            }
        }
        h.related = related(f, fm);
        if (!"post".equals(h.type) && !h.related.pinned().isEmpty()) {
            // only articles have recommended articles: a page's pins would be silently unused
            fieldProblems.add(Problem.warning(path, fm.line("related"), "related: only articles (type post) have"
                    + " recommended articles, so the " + h.type + "'s pins are not used"));
        }
        h.target = urls.document(file.contentPath(), h.slug == null || h.slug.isEmpty() ? null : h.slug, h.type);
        if (profile && h.title != null && !Slugs.slug(h.title).isEmpty()) {
            h.target = urls.section(config.folder("journal.author.path"), Slugs.slug(h.title));
        }
        SafePaths.problem(h.target.outputPath()).ifPresent(why -> fieldProblems.add(Problem.error(path,
                fm.lines().containsKey("slug") ? fm.line("slug") : 0, "this file cannot become the page "
                        + h.target.outputPath() + ": " + why + (config.jbakeLayout() ? "; rename the file"
                        : "; rename the file or give it a slug"))));
        if (h.slug == null) {
            String out = h.target.outputPath();
            // a folder's index.html, or index.txt for a type with an extension of its own
            String own = urls.typeExtension(h.type);
            boolean inFolder = out.endsWith("/index.html") || own != null && out.endsWith("/index" + own);
            String stem = inFolder ? out.substring(0, out.lastIndexOf("/index")) : out;
            stem = stem.substring(stem.lastIndexOf('/') + 1);
            int dot = stem.lastIndexOf('.');
            h.slug = dot > 0 && !inFolder ? stem.substring(0, dot) : stem;
        }
        misspelt(path, fm, profile, ownFields, !h.draft, fieldProblems);
        fieldProblems.stream().filter(p -> !(p.isError() && erred.contains(p.line()))).forEach(h.problems::add);
        h.ok = h.problems.stream().noneMatch(Problem::isError);
        return h;
    }

    /**
     * Fields that look like a misspelling of one the engine knows ({@code stauts}, {@code tgas}):
     * a warning on their line, in every build, as the field they meant is silently missing
     * (a JBake header without its status is a draft). Other unknown fields, which a site's
     * templates may read, are {@code journal check}'s to list; those the site declares its own
     * ({@code journal.fields}) are neither's. A line that already has a problem
     * (a required field reported missing there) gets no second one. A misspelt {@code draft} or
     * {@code status} of a document that would be published without it is an error: the author
     * meant to hold it back (an embargoed article would go out).
     */
    private static void misspelt(String path, FrontMatter fm, boolean profile, Set<String> own, boolean published,
            List<Problem> problems) {
        for (String key : fm.lines().keySet().stream().sorted().toList()) {
            if (knownField(key, profile, own)) {
                continue;
            }
            Optional<String> meant = nearestField(key, profile);
            int line = fm.line(key);
            if (meant.isPresent() && problems.stream().noneMatch(p -> p.line() == line)) {
                String message = "unknown field '" + key + "' (did you mean " + meant.get() + "?)";
                // only where the misspelt field says to hold the document back (draf: true, stauts: draft)
                String said = String.valueOf(fm.values().get(key)).strip().toLowerCase(java.util.Locale.ROOT);
                boolean holdsBack = published && (meant.get().equals("draft") && (said.equals("true")
                        || said.equals("yes")) || meant.get().equals("status") && said.equals("draft"));
                problems.add(holdsBack ? Problem.error(path, line, message + ": without it this document is"
                        + " published; correct the field's name") : Problem.warning(path, line, message));
            }
        }
    }

    /**
     * Whether a front matter field has a meaning: one the engine reads (and, in an author's profile,
     * a profile's), or one of the site's own ({@code own}: {@code journal.fields}).
     */
    public static boolean knownField(String key, boolean profile, Set<String> own) {
        return KNOWN_FIELDS.contains(key) || profile && PROFILE_FIELDS.contains(key) || own.contains(key);
    }

    /** The known field {@code key} looks like a misspelling of, if any. */
    public static Optional<String> nearestField(String key, boolean profile) {
        return Spelling.nearest(key, profile ? KNOWN_IN_PROFILES : KNOWN);
    }

    /** The header of a file that cannot be read: that problem alone. */
    private static Header unreadable(SourceFile file, IOException e) {
        Header h = new Header();
        h.file = file;
        h.problems.add(Problem.error(file.path(), 0, "cannot be read: " + IoMessage.reason(e)));
        return h;
    }

    private String type(Fields f, String contentPath, FrontMatter fm) {
        String t = f.text("type", false);
        if (t == null) {
            if (contentPath.startsWith(pagesFolder)) {
                return "page";
            }
            String def = config.jbakeLayout() ? config.get("default.type").strip()
                    : config.get("default.type").strip().toLowerCase(Locale.ROOT);
            return def.isEmpty() ? "post" : def;
        }
        // JBake's types are as written, of letters, digits, _ and - (template.redirectBase.file,
        // _content_blog_index); the journal's are words in lower case
        t = config.jbakeLayout() ? t.strip() : t.strip().toLowerCase(Locale.ROOT);
        if (!(config.jbakeLayout() ? JBAKE_TYPE : TYPE).matcher(t).matches()) {
            f.problems.add(Problem.error(f.path, fm.line("type"), "type " + Problem.quote(t)
                    + (config.jbakeLayout() ? " must be letters, digits, _ and - (a type of template.<type>.file)"
                            : " must be a word such as post or page")));
            return "post";
        }
        if (!BUILT_IN_TYPES.contains(t) && config.get("template." + t + ".file").isBlank()
                && !config.refused("template." + t + ".file")) { // a refused one is reported where it is set
            // the renderer's choice: template.<type>.file (set, or one of JBake's defaults), else the post template
            f.problems.add(Problem.warning(f.path, fm.line("type"), "type " + Problem.quote(t) + " has no template"
                    + " (no template." + t + ".file in jbake.properties), so its page is made with the post template"
                    + Spelling.nearest(t.toLowerCase(Locale.ROOT), BUILT_IN_TYPES).map(k -> "; did you mean " + k + "?")
                            .orElse("")));
        }
        return t;
    }

    private static List<String> authors(Fields f, FrontMatter fm) {
        if (fm.get("author") != null && fm.get("authors") != null) {
            f.problems.add(Problem.error(f.path, fm.line("authors"), "give either author or authors, not both"));
            return List.of();
        }
        if (fm.get("author") instanceof String one) {
            if (one.isBlank()) {
                f.problems.add(Problem.error(f.path, fm.line("author"), "author is empty"));
                return List.of();
            }
            if (f.placeholder("author", one)) {
                return List.of();
            }
            return List.of(one.strip());
        }
        return f.list(fm.get("author") != null ? "author" : "authors", "author");
    }

    private boolean draft(Fields f, FrontMatter fm) {
        Object draft = fm.get("draft");
        boolean isDraft = false;
        if (draft != null) {
            if (draft instanceof Boolean b) {
                isDraft = b;
            } else {
                f.problems.add(Problem.error(f.path, fm.line("draft"), "draft must be true or false"));
            }
        }
        String status = f.text("status", false);
        if (status == null && fm.format() == FrontMatter.Format.JBAKE && draft == null) {
            status = config.get("default.status").strip();
        }
        if (status != null) {
            switch (status.strip().toLowerCase(Locale.ROOT)) {
                case "draft" -> isDraft = true;
                case "published", "published-date", "" -> { }
                default -> {
                    if (config.jbakeLayout()) {
                        // JBake writes such a page, in no list; here it is left out, as a draft is
                        isDraft = true;
                        f.problems.add(Problem.warning(f.path, fm.line("status"), "status " + Problem.quote(status)
                                + " is neither published, published-date nor draft: JBake writes its page, in no list;"
                                + " here it is left out, as a draft is"));
                    } else {
                        f.problems.add(Problem.error(f.path, fm.line("status"), "status " + Problem.quote(status)
                                + " must be published, published-date or draft"));
                    }
                }
            }
        }
        return isDraft;
    }

    /**
     * A file the article names in its front matter ({@code image}, {@code pdf}): a URL with an
     * allowed scheme, or a path that stays inside the site (relative to the article's folder, or to
     * the site's root when it starts with {@code /}); null, and an error on its line, for any other.
     */
    private static String siteFile(Fields f, FrontMatter fm, String contentPath, String key) {
        String ref = f.text(key, false);
        if (ref == null || ref.isEmpty()) {
            return ref;
        }
        String why = null;
        if (ref.indexOf('\\') >= 0) {
            why = "uses \\; write paths with /";
        } else if (SITE_FILE_URLS.sanitizeImageUrl(ref).isEmpty()) {
            why = "is not a relative path or an http(s) address";
        } else if (ref.startsWith("/") && !ref.startsWith("//") || UrlPolicy.isRelative(ref)) {
            int cut = indexOfAny(ref, "#?");
            String p = decode(cut < 0 ? ref : ref.substring(0, cut));
            String dir = contentPath.contains("/") ? contentPath.substring(0, contentPath.lastIndexOf('/') + 1) : "";
            if (normalize(p.startsWith("/") ? p.substring(1) : dir + p) == null) {
                why = "points outside the site";
            }
        }
        if (why != null) {
            f.problems.add(Problem.error(f.path, fm.line(key), key + " " + Problem.quote(ref) + " " + why));
            return null;
        }
        return ref;
    }

    /** The article's language, a BCP 47 tag such as {@code en} or {@code pt-BR}. */
    private static String lang(Fields f, FrontMatter fm) {
        String lang = f.text("lang", false);
        if (lang == null) {
            return null;
        }
        try {
            // a language of five to eight letters is well-formed, but none is registered: english, deutsch
            String language = new java.util.Locale.Builder().setLanguageTag(lang).build().getLanguage();
            if (!language.isEmpty() && language.length() <= 3) {
                return lang;
            }
        } catch (java.util.IllformedLocaleException e) {
            // reported below
        }
        f.problems.add(Problem.error(f.path, fm.line("lang"), "lang " + Problem.quote(lang)
                + " is not a language tag such as en or pt-BR"));
        return null;
    }

    private static Article.Related related(Fields f, FrontMatter fm) {
        Object related = fm.get("related");
        if (related == null || Boolean.TRUE.equals(related)) {
            return Article.Related.DEFAULT;
        }
        if (Boolean.FALSE.equals(related)) {
            return new Article.Related(true, List.of());
        }
        List<String> pinned = f.list("related", "related article");
        return new Article.Related(false, pinned.stream().map(Slugs::slug).filter(s -> !s.isEmpty()).toList());
    }

    /** Typed access to front matter fields, reporting values of the wrong kind. */
    private static final class Fields {
        final String path;
        final FrontMatter fm;
        final List<Problem> problems;
        final java.time.ZoneId zone;

        Fields(String path, FrontMatter fm, List<Problem> problems, java.time.ZoneId zone) {
            this.path = path;
            this.fm = fm;
            this.problems = problems;
            this.zone = zone;
        }

        /**
         * A required field is missing: reported at the line of a field that looks like a misspelling
         * of it (titel, Date, tilte), when the header has one, else at the file's first line.
         */
        Problem missing(String key, String example) {
            for (String written : fm.values().keySet()) {
                if (!KNOWN_FIELDS.contains(written)
                        && Spelling.nearest(written.toLowerCase(Locale.ROOT), List.of(key)).isPresent()) {
                    return Problem.error(path, fm.line(written), key + " is missing; did you mean " + key
                            + " rather than " + written + "?");
                }
            }
            return Problem.error(path, 1, key + " is missing" + example);
        }

        String text(String key, boolean required) {
            Object v = fm.get(key);
            if (v == null) {
                if (required) {
                    problems.add(fm.lines().containsKey(key) ? Problem.error(path, fm.line(key), key + " is empty")
                            : missing(key, ""));
                }
                return null;
            }
            if (v instanceof String s) {
                if (required && s.isBlank()) {
                    problems.add(Problem.error(path, fm.line(key), key + " is empty"));
                    return null;
                }
                return placeholder(key, s) ? null : s.strip();
            }
            problems.add(Problem.error(path, fm.line(key), key + " must be text, not " + kind(v)));
            return null;
        }

        /** A list of names, written as a YAML list or as one comma-separated string. */
        List<String> list(String key, String what) {
            Object v = fm.get(key);
            if (v == null) {
                return List.of();
            }
            List<?> items;
            if (v instanceof String s) {
                items = FrontMatter.commaList(s);
            } else if (v instanceof List<?> l) {
                items = l;
            } else {
                problems.add(Problem.error(path, fm.line(key), key + " must be a list or comma-separated text, not "
                        + kind(v)));
                return List.of();
            }
            Map<String, String> seen = new LinkedHashMap<>();
            for (Object item : items) {
                if (!(item instanceof String name)) {
                    problems.add(Problem.error(path, fm.line(key), "each " + what + " must be text, not " + kind(item)));
                    continue;
                }
                if (name.isBlank()) {
                    problems.add(Problem.error(path, fm.line(key), "empty " + what + " in " + key));
                    continue;
                }
                if (placeholder(key, name)) {
                    continue;
                }
                if (name.indexOf(';') >= 0) {
                    problems.add(Problem.warning(path, fm.line(key), what + " " + Problem.quote(name.strip())
                            + " holds a semicolon, so it is one " + what + ": separate " + what + "s with commas,"
                            + " or write a list"));
                }
                seen.putIfAbsent(Slugs.key(name), name.strip());
            }
            return List.copyOf(seen.values());
        }

        ZonedDateTime date(String key, String jbakePattern, boolean jbakeLayout) {
            Object v = fm.get(key);
            if (v == null) {
                if (fm.lines().containsKey(key)) { // written with nothing after it
                    problems.add(Problem.error(path, fm.line(key), key + " is empty; give a date such as"
                            + " 2024-06-28"));
                }
                return null;
            }
            if (!(v instanceof String raw)) {
                problems.add(Problem.error(path, fm.line(key), key + " must be a date such as 2024-06-28, not "
                        + kind(v)));
                return null;
            }
            if (raw.isBlank()) {
                problems.add(Problem.error(path, fm.line(key), key + " is empty; give a date "
                        + (jbakePattern != null ? "written as date.format says, " + jbakePattern.strip()
                        : "such as 2024-06-28")));
                return null;
            }
            if (placeholder(key, raw)) {
                return null;
            }
            java.util.function.Consumer<String> warnings = w -> problems.add(Problem.warning(path, fm.line(key),
                    key + ": " + w));
            try {
                return jbakePattern == null ? Dates.parse(raw, zone, warnings)
                        : jbakeLayout ? Dates.parseAsJBake(raw, jbakePattern, zone, warnings)
                        : Dates.parse(raw, jbakePattern, zone, warnings);
            } catch (Dates.DateException e) {
                problems.add(Problem.error(path, fm.line(key), key + ": " + e.getMessage()));
                return null;
            }
        }

        /** Reports a value that is still a {@link #PLACEHOLDER}; true when it is one. */
        boolean placeholder(String key, String value) {
            if (!isPlaceholder(value)) {
                return false;
            }
            problems.add(Problem.error(path, fm.line(key), key + " is still a placeholder (" + value.strip()
                    + "); replace it before building"));
            return true;
        }

        private static String kind(Object v) {
            return v instanceof List ? "a list" : v instanceof Map ? "a set of fields" : v instanceof Boolean
                    ? "true/false" : Problem.quote(String.valueOf(v));
        }
    }

    /** Whether a front matter value is a {@link #PLACEHOLDER}, alone or followed by a colon and a hint. */
    public static boolean isPlaceholder(String value) {
        String v = value.strip();
        return v.equals(PLACEHOLDER) || v.startsWith(PLACEHOLDER + ":");
    }

    /** The second pass's outcome for one file: the article, or the problem that prevented it. */
    private record Outcome(Article article, List<Problem> problems) {
        Outcome with(List<Problem> more) {
            if (more.isEmpty()) {
                return this;
            }
            List<Problem> all = new ArrayList<>(problems);
            all.addAll(more);
            return new Outcome(article, all);
        }
    }

    /** The second pass: the body, with links rewritten, and the article assembled. */
    private Outcome body(Header h, Map<String, String> uris, ParseCache cache) {
        String out = h.target.outputPath();
        MarkdownResult r;
        List<Problem> warnings = new ArrayList<>();
        try {
            if (isAsciiDoc(h.file)) {
                AsciiDoc.Source source = asciiDoc(h.file, h.fm.body());
                if (!source.onDisk() && h.includes && site != null && linkOut().isPresent()) {
                    warnings.add(Problem.warning(h.file.path(), h.fm.bodyLine(), "AsciiDoc includes are not read in"
                            + " this site: " + linkOut().get() + " is a symbolic link to a place outside it, which"
                            + " Asciidoctor's safe mode would follow"));
                }
                AsciiDoc.Converted c;
                try {
                    c = AsciiDoc.convert(source, h.fm.bodyLine(), asciiDocAttributes);
                } catch (RuntimeException e) {
                    return new Outcome(null, List.of(Problem.error(h.file.path(), h.fm.bodyLine(),
                            "the AsciiDoc text cannot be converted: " + e.getMessage())));
                }
                c.notes().forEach(n -> warnings.add(Problem.warning(n.path(), n.line(), n.message())));
                r = markdown.renderHtml(c.html(), 0);
            } else {
                r = h.file.extension().startsWith("htm") ? markdown.renderHtml(h.fm.body(), h.fm.bodyLine())
                        : markdown.render(h.fm.body(), h.fm.bodyLine(), links(h.file.contentPath(), out, uris));
            }
        } catch (StackOverflowError e) {
            return new Outcome(null, List.of(Problem.error(h.file.path(), h.fm.bodyLine(),
                    "the body is nested too deeply to render (quotes, lists or HTML elements inside each other)")));
        } catch (IllegalArgumentException e) {
            // the limits of commonmark (a table of more than a million cells) and of the sanitiser
            return new Outcome(null, List.of(Problem.error(h.file.path(), h.fm.bodyLine(),
                    "the body cannot be rendered: " + e.getMessage())));
        }
        if (r.titleLevelLine() > 0 && !config.jbakeLayout()) {
            // the theme prints the title as the page's one h1; a second would break its outline
            warnings.add(Problem.warning(h.file.path(), r.titleLevelLine(), "a heading of level 1 (# ...) in the"
                    + " body: the title is the page's heading of level 1; start the body's sections with ## instead"));
        }
        r.notes().forEach(n -> warnings.add(Problem.warning(h.file.path(), n.line(), n.message())));
        String summary = h.summary != null ? markdown.typography(h.summary)
                : SafeText.shorten(r.firstParagraph(), config.number("journal.summary.length"));
        String title = markdown.typography(h.title);
        String text = r.text();
        return new Outcome(new Article(h.file.path(), h.file.contentPath(), h.type, h.draft, title,
                h.authors, h.date, h.updated, h.tags, summary, h.slug, out, h.target.uri(), h.image, h.lang,
                h.related, h.fm.values(), cache.body(r.html(), text), r.headings(), countWords(text),
                r.references(),
                h.digest, h.sha1,
                h.fm.lines(), h.fm.entryLines(), relatedTerms ? ArticleTerms.of(title, summary, text, englishTerms) : null,
                searchTerms == null ? null : SearchCounts.of(searchTerms, title, h.authors, h.tags, summary, text)),
                List.copyOf(warnings));
    }

    /**
     * The problems of the body of a file whose header has errors (it makes no page): what a parse
     * of its Markdown says (notes, raw HTML and addresses removed) and its links to content files
     * that do not exist. Its links are left as written, as no page is made of it.
     */
    private List<Problem> bodyProblems(Header h, Map<String, String> uris, Set<String> failed) {
        if (h.file.extension().startsWith("htm") || isAsciiDoc(h.file)) {
            return List.of();
        }
        MarkdownResult r;
        try {
            r = markdown.render(h.fm.body(), h.fm.bodyLine(), UnaryOperator.identity());
        } catch (StackOverflowError | IllegalArgumentException e) {
            return List.of(); // as the page's render would say, once the header is right
        }
        List<Problem> problems = new ArrayList<>();
        r.notes().forEach(n -> problems.add(Problem.warning(h.file.path(), n.line(), n.message())));
        problems.addAll(brokenLinks(h.file.path(), h.file.contentPath(), r.references(), uris, failed));
        return problems;
    }

    /**
     * Rewrites a relative link in the file at {@code contentPath} so that it resolves from the page
     * at {@code outputPath}: a link to another content file (relative, or from the content folder's
     * root: {@code /articles/2024/other.md}) becomes a link to its page, a relative link to any other
     * file is adjusted for the page's place in the output.
     */
    private static UnaryOperator<String> links(String contentPath, String outputPath, Map<String, String> uris) {
        String dir = folderOf(contentPath);
        return dest -> {
            String path = linkPath(dest);
            String target = path == null ? null : resolve(dir, path);
            if (target == null) {
                return dest;
            }
            String uri = uris.get(target);
            if (uri == null) {
                if (isDocumentLink(target)) {
                    return dest;
                }
                uri = UrlPolicy.encode(target);
            }
            return UrlPolicy.relative(outputPath, uri) + dest.substring(path.length());
        };
    }

    /**
     * Links to Markdown files that are not in the content, or that lead out of the content folder. A
     * link to one of the {@code failed} files (content files whose header has errors, reported on
     * their own) is not reported again: the page is missing because of those errors.
     */
    private List<Problem> brokenLinks(Article a, Map<String, String> uris, Set<String> failed) {
        return brokenLinks(a.sourcePath(), a.contentPath(), a.references(), uris, failed);
    }

    private List<Problem> brokenLinks(String sourcePath, String contentPath,
            List<MarkdownResult.Reference> references, Map<String, String> uris, Set<String> failed) {
        List<Problem> problems = new ArrayList<>();
        String dir = folderOf(contentPath);
        for (MarkdownResult.Reference ref : references) {
            String dest = ref.destination();
            String path = ref.image() ? null : linkPath(dest);
            if (path == null || !isDocumentLink(path)) {
                continue;
            }
            String target = resolve(dir, path);
            // a warning where broken links are (journal.check.links; unless set, with JBake's layout), and
            // left as written, as JBake leaves every link: a JBake site builds as before
            boolean warn = !config.brokenLinksAreErrors();
            String leftAsWritten = "; it is left as written, as broken links are warnings here (journal.check.links)";
            if (target == null) {
                String message = "link to " + dest + ", which leads out of the content folder: a link reaches another"
                        + " article through its path from this file's folder, or from the content folder's root"
                        + " (/articles/...)";
                problems.add(warn ? Problem.warning(sourcePath, ref.line(), message + leftAsWritten)
                        : Problem.error(sourcePath, ref.line(), message));
            } else if (!uris.containsKey(target) && !failed.contains(target)) {
                String message = "link to " + dest + ", which is not a content file (looked for " + target
                        + " in the content folder)";
                // raw HTML may name a file of the site that ends in .md (a download), as JBake sites do
                problems.add(ref.raw() ? Problem.warning(sourcePath, ref.line(), message + "; in raw HTML it is left"
                        + " as written, for a file of the site of that name")
                        : warn ? Problem.warning(sourcePath, ref.line(), message + leftAsWritten)
                        : Problem.error(sourcePath, ref.line(), message));
            }
        }
        return problems;
    }

    /**
     * The content path a link in the file at {@code contentPath} points to, when it is a relative
     * link to a file in the content folder ({@code ../2024/other.md#notes} from
     * {@code articles/2025/x.md} is {@code articles/2024/other.md}) or a link to a Markdown file
     * from the content folder's root ({@code /articles/2024/other.md}).
     */
    public static Optional<String> linkedContentPath(String contentPath, String destination) {
        String path = linkPath(destination);
        return path == null ? Optional.empty() : Optional.ofNullable(resolve(folderOf(contentPath), path));
    }

    /**
     * The path part of a link destination (before its {@code #} or {@code ?}) when the link names a
     * file of the content: a relative link, or a link to a Markdown file from the content folder's
     * root; null for any other destination (another site, a fragment, a root-relative link to a
     * file that is not Markdown, which the browser resolves from the site's root).
     */
    private static String linkPath(String dest) {
        boolean rooted = dest.startsWith("/") && !dest.startsWith("//");
        if (!rooted && !UrlPolicy.isRelative(dest)) {
            return null;
        }
        int cut = indexOfAny(dest, "#?");
        String path = cut < 0 ? dest : dest.substring(0, cut);
        return path.isEmpty() || rooted && !isDocumentLink(path) ? null : path;
    }

    /** The content path {@link #linkPath a link's path} leads to from folder {@code dir}; null outside the content. */
    private static String resolve(String dir, String path) {
        return path.startsWith("/") ? normalize(decode(path.substring(1))) : normalize(dir + decode(path));
    }

    /**
     * The path a file's path written in the file at {@code contentPath} names, percent-decoded:
     * relative to that file's folder, or from the root with a leading slash; null when it climbs
     * out (an author's {@code photo}).
     */
    public static String filePath(String contentPath, String written) {
        return resolve(folderOf(contentPath), written);
    }

    private static String folderOf(String contentPath) {
        int slash = contentPath.lastIndexOf('/');
        return slash < 0 ? "" : contentPath.substring(0, slash + 1);
    }

    /** Whether a path names a Markdown file, which a link must reach through its page. */
    public static boolean isDocumentLink(String path) {
        return dev.journal.core.internal.html.RawLinks.isDocumentPath(path);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** A link's path or fragment with its percent escapes decoded (UTF-8); as written when they are not well-formed. */
    public static String decode(String path) {
        try {
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    /** Resolves {@code .} and {@code ..}; null when the path climbs above the content folder. */
    public static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        String joined = String.join("/", parts);
        return path.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
    }

    static int countWords(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            // ASCII decided by ranges; the Unicode tables only for the rest
            boolean letter = c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    : Character.isLetterOrDigit(c);
            if (letter && !in) {
                words++;
            }
            in = letter || in && (c == '\'' || c == '\u2019' || c == '-');
        }
        return words;
    }

    /** Characters that no page, feed or JSON file may hold are replaced, with a warning at the first. */
    private static String replaceControls(String path, String text, List<Problem> problems) {
        int first = SafeText.firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        int line = 1;
        for (int i = 0; i < first; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        problems.add(Problem.warning(path, line, String.format(Locale.ROOT,
                "control character U+%04X replaced by U+FFFD", text.codePointAt(first))));
        return SafeText.clean(text);
    }

    private static String digest(byte[] bytes) {
        return Digests.sha256(bytes);
    }
}
