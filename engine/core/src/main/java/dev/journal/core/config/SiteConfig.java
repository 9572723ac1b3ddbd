package dev.journal.core.config;

import dev.journal.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.Spelling;
import dev.journal.core.internal.markdown.MarkdownOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's configuration: {@code jbake.properties} over the defaults of {@link ConfigKeys}, with
 * typed, validated accessors. Immutable; built by {@link ConfigLoader}.
 */
public final class SiteConfig {

    /** File name of the configuration, as in JBake. */
    public static final String FILE_NAME = "jbake.properties";

    /** The keys that name a generated file of the site (the home page, the archive, the feeds...). */
    public static final List<String> PAGE_FILE_KEYS = List.of("index.file", "archive.file", "feed.file",
            "sitemap.file", "error404.file", "journal.atom.file", "journal.jsonfeed.file", "journal.search.file");
    /** The keys that name a folder of generated pages ({@link #folder}). */
    public static final List<String> PAGE_FOLDER_KEYS = List.of("tag.path", "journal.author.path",
            "journal.archive.path");
    private final Map<String, String> values;
    private final List<Problem> problems;
    /** The warnings about unknown keys, by the name templates read the key by ({@code config.my_key}). */
    private final Map<Problem, String> unknownKeys;
    /** The errors that a content or template folder jbake.properties names is not made (yet). */
    private final java.util.Set<Problem> notMade;
    /** The keys whose values were refused (reported among the problems): their defaults stand in. */
    private final java.util.Set<String> refused;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter displayDate;
    private final Locale templateLocale;
    private final ZoneId templateZone;
    private final java.util.Set<String> explicit;
    private final Map<String, Integer> lines;
    private final boolean jbakeLayout;

    SiteConfig(Map<String, String> fileValues, Map<String, Integer> lines) {
        this(fileValues, lines, null, List.of());
    }

    /**
     * @param sourceDir    the site's folder, to look for JBake templates when {@code journal.layout}
     *                     is {@code auto}; null when there is no site folder (tests, tools)
     * @param fileProblems what reading the file found (keys set twice)
     */
    SiteConfig(Map<String, String> fileValues, Map<String, Integer> lines, Path sourceDir, List<Problem> fileProblems) {
        Map<String, String> merged = new TreeMap<>();
        for (ConfigKey key : ConfigKeys.all()) {
            merged.put(key.name(), key.defaultValue());
        }
        List<Problem> found = new ArrayList<>(fileProblems);
        fileValues.forEach((key, value) -> {
            // properties escapes (\u0001) can write characters that no page or feed may hold
            String safe = SafeText.clean(value);
            if (!safe.equals(value)) {
                found.add(Problem.warning(FILE_NAME, lines.getOrDefault(key, 0), key
                        + " holds a control or non-character; replaced by U+FFFD"));
            }
            merged.put(key, safe);
        });
        this.values = Collections.unmodifiableMap(merged);
        Validator v = new Validator(lines, found);
        // the language is the pages' lang attribute, the feeds' language and, without journal.locale, the locale
        boolean ownLocale = !get("journal.locale").isBlank();
        // a refused value gives way to what its default means: journal.locale, jvm.locale and
        // freemarker.timezone to the site's language and zone, journal.date.format to its pattern
        Locale language = v.locale("journal.language", get("journal.language").trim(), Locale.ENGLISH);
        this.locale = ownLocale ? v.locale("journal.locale", localeTag(), language) : language;
        this.zone = v.zone("journal.timezone", get("journal.timezone"), ZoneId.of("UTC"));
        this.displayDate = v.pattern("journal.date.format", get("journal.date.format"), locale,
                DateTimeFormatter.ofPattern(ConfigKeys.find("journal.date.format").orElseThrow().defaultValue(), locale));
        this.templateLocale = get("jvm.locale").isBlank() ? locale
                : v.locale("jvm.locale", get("jvm.locale").trim(), locale);
        this.templateZone = get("freemarker.timezone").isBlank() ? zone
                : v.zone("freemarker.timezone", get("freemarker.timezone"), zone);
        v.pattern("date.format", get("date.format"), locale, DateTimeFormatter.ISO_LOCAL_DATE);
        for (ConfigKey key : ConfigKeys.all()) {
            if (key.defaultValue().equals("true") || key.defaultValue().equals("false")) {
                v.bool(key.name(), get(key.name()));
            }
        }
        v.positive("index.posts_per_page", get("index.posts_per_page"));
        v.positive("journal.summary.length", get("journal.summary.length"));
        v.positive("journal.reading.wpm", get("journal.reading.wpm"));
        v.positive("journal.feed.entries", get("journal.feed.entries"));
        v.oneOf("journal.feed.content", get("journal.feed.content"), "full", "summary");
        v.oneOf("journal.feed.taxonomy.content", get("journal.feed.taxonomy.content"), "full", "summary");
        v.oneOf("journal.tags.sort", get("journal.tags.sort"), "name", "count");
        v.oneOf("journal.check.links", get("journal.check.links"), "error", "warning");
        v.atLeast("journal.related.count", get("journal.related.count"), 0);
        v.decimal("journal.related.weight.text", get("journal.related.weight.text"), 0, 1000);
        v.decimal("journal.related.weight.tags", get("journal.related.weight.tags"), 0, 1000);
        v.decimal("journal.related.weight.authors", get("journal.related.weight.authors"), 0, 1000);
        v.decimal("journal.related.weight.freshness", get("journal.related.weight.freshness"), 0, 1);
        v.decimal("journal.related.freshness.halflife", get("journal.related.freshness.halflife"), 1, 1_000_000);
        v.decimal("journal.related.diversity", get("journal.related.diversity"), 0, 1);
        v.port("server.port", get("server.port"));
        v.utf8("render.encoding", get("render.encoding"));
        v.utf8("template.encoding", get("template.encoding"));
        v.ignoredEncoding("freemarker.outputencoding", get("freemarker.outputencoding"));
        if (!get("default.status").isBlank()) {
            // read as a header's status is, in any case; empty: published
            v.oneOf("default.status", get("default.status").strip().toLowerCase(Locale.ROOT), "published",
                    "published-date", "draft");
        }
        v.folderName("content.folder", get("content.folder"));
        v.folderName("template.folder", get("template.folder"));
        v.folderName("asset.folder", get("asset.folder"));
        if (!get("data.folder").isBlank()) {
            v.folderName("data.folder", get("data.folder"));
        }
        for (String key : PAGE_FOLDER_KEYS) {
            v.folderName(key, get(key));
        }
        v.rawHtml("journal.markdown.html", get("journal.markdown.html"));
        for (String key : PAGE_FILE_KEYS) {
            v.fileName(key, get(key));
        }
        v.hosts("journal.markdown.html.embeds", get("journal.markdown.html.embeds"));
        v.siteImage("journal.image", get("journal.image"));
        for (String name : fileValues.keySet()) {
            v.known(name);
        }
        if (sourceDir != null) {
            v.folder("content.folder", fileValues, sourceDir, true, "nothing would be built from it");
            v.folder("template.folder", fileValues, sourceDir, true, "the built-in theme would be used instead");
            v.folder("asset.folder", fileValues, sourceDir, false, "no assets are copied");
            v.folder("data.folder", fileValues, sourceDir, false, "templates find no data files");
        }
        this.explicit = java.util.Set.copyOf(fileValues.keySet());
        this.lines = Map.copyOf(lines);
        this.jbakeLayout = v.layout(get("journal.layout"), this, sourceDir);
        if (jbakeLayout) {
            // JBake picks a template's engine by its extension; the journal's layout renders any name as Freemarker
            for (String name : fileValues.keySet()) {
                if (name.startsWith("template.") && name.endsWith(".file")) {
                    v.freemarker(name, get(name));
                }
            }
        }
        v.siteHost("site.host", get("site.host"), jbakeLayout);
        this.problems = List.copyOf(found);
        this.unknownKeys = Map.copyOf(v.unknownKeys);
        this.notMade = java.util.Set.copyOf(v.notMade);
        this.refused = java.util.Set.copyOf(v.refused);
        // a refused value (reported among the problems) gives way to its default wherever it is
        // read, so that what is made with it (a check's render, say) shows the problem once
        for (String key : refused) {
            // a key of the list takes its default; a type's template key (template.event.file), which has
            // none, is as if not set: the type's pages use the post template
            merged.put(key, ConfigKeys.find(key).map(ConfigKey::defaultValue).orElse(""));
        }
    }

    /** Whether the value {@code jbake.properties} gives the key was refused (its default stands in). */
    public boolean refused(String key) {
        return refused.contains(key);
    }

    /** Defaults only, as for a site with no {@code jbake.properties}. */
    public static SiteConfig defaults() {
        return new SiteConfig(Map.of(), Map.of());
    }

    /** A configuration from explicit values over the defaults (tests, tools). */
    public static SiteConfig of(Map<String, String> values) {
        return new SiteConfig(values, Map.of());
    }

    /** Problems with the configuration itself: errors for bad values, warnings for unknown keys. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * As {@link #problems()}, but no unknown key is warned about that a template reads:
     * {@code readByTemplates} holds the names templates read from {@code config} (a key with
     * {@code .} as {@code _}: {@code config.my_custom_key} for {@code my.custom.key}).
     */
    public List<Problem> problems(java.util.Set<String> readByTemplates) {
        if (unknownKeys.isEmpty() || readByTemplates.isEmpty()) {
            return problems;
        }
        return problems.stream().filter(p -> {
            String unknown = unknownKeys.get(p); // null for every problem but an unknown key's
            return unknown == null || !readByTemplates.contains(unknown);
        }).toList();
    }

    /** Whether a problem is only that a configured content or template folder is not made yet. */
    public boolean folderNotMadeYet(Problem p) {
        return notMade.contains(p);
    }

    /** The value of a key, its default when absent, {@code ""} for a key nobody knows. */
    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The front matter fields the site declares its own ({@code journal.fields}): never called unknown. */
    public java.util.Set<String> ownFields() {
        return java.util.Arrays.stream(get("journal.fields").split(",")).map(String::strip).filter(f -> !f.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether {@code jbake.properties} sets the key (rather than the default applying). */
    public boolean isSet(String key) {
        // a refused value is not taken as set: its default stands in, as with the key left out
        return explicit.contains(key) && (refused == null || !refused.contains(key));
    }

    /** The line of {@code jbake.properties} that sets a key; 0 when the file does not set it. */
    public int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    /**
     * A switch of something JBake does not make (Atom and JSON feeds, per-tag feeds, robots.txt):
     * as set, else its default with the journal's layout and off with JBake's, so that a JBake
     * site gets the files JBake writes.
     */
    public boolean journalFlag(String key) {
        return isSet(key) || !jbakeLayout ? flag(key) : false;
    }

    /**
     * Whether the site is built with JBake's layout and model ({@code journal.layout}): tag pages
     * named after the tag, no pages from the built-in theme, JBake's {@code uri} forms.
     */
    public boolean jbakeLayout() {
        return jbakeLayout;
    }

    /**
     * JBake's HARDWRAPS Markdown extension (in {@code markdown.extensions}, as by default): a line
     * break inside a paragraph stays a line break. Only with JBake's layout; the journal's Markdown
     * is CommonMark, where such a break is a space.
     */
    public boolean hardWraps() {
        return jbakeLayout && java.util.Arrays.stream(get("markdown.extensions").split(","))
                .map(String::strip).anyMatch(e -> e.equals("HARDWRAPS") || e.equals("+HARDWRAPS"));
    }

    /**
     * What becomes of raw HTML in Markdown and {@code .html} content files
     * ({@code journal.markdown.html}): as set, else sanitised with the journal's layout and kept as
     * written with JBake's, as JBake keeps it (comments such as {@code <!-- more -->} and embeds
     * included).
     */
    public String rawHtml() {
        return isSet("journal.markdown.html") || !jbakeLayout ? get("journal.markdown.html").strip() : "trust";
    }

    /**
     * Whether a site's {@code .ftl} templates are auto-escaped ({@code journal.ftl.autoescape}): as
     * set, else so with the journal's layout and not with JBake's, whose templates read bodies as
     * text ({@code content.body?index_of(marker)}) and escape what they choose themselves.
     */
    public boolean autoescapeFtl() {
        return isSet("journal.ftl.autoescape") || !jbakeLayout ? flag("journal.ftl.autoescape") : false;
    }

    /** Smart typography: as set, else on for the journal's layout and off for JBake's (text as written). */
    public boolean smartTypography() {
        return isSet("journal.markdown.smart") ? flag("journal.markdown.smart") : !jbakeLayout;
    }

    /**
     * Whether a link to a path inside the site that the site will not have is an error of check: as
     * set, else so for the journal's layout and a warning for JBake's (a JBake site checks as before).
     */
    public boolean brokenLinksAreErrors() {
        return isSet("journal.check.links") ? get("journal.check.links").strip().equals("error") : !jbakeLayout;
    }

    /**
     * A value's items as JBake's configuration splits a list: at each comma but an escaped one
     * ({@code \\,} in the file, {@code \,} once read), which stays a comma of its item; each stripped.
     */
    public static List<String> items(String value) {
        return java.util.Arrays.stream(value.split("(?<!\\\\),")).map(p -> p.replace("\\,", ",").strip()).toList();
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(get(key).trim());
    }

    /**
     * A folder of generated pages ({@code tag.path}, {@code journal.author.path},
     * {@code journal.archive.path}) as the site's paths use it: written with or without a final
     * slash ({@code tags/} is the folder {@code tags}). Templates read the value as written.
     */
    public String folder(String key) {
        String v = get(key).strip();
        String trimmed = v.replaceAll("/+$", "");
        return trimmed.isEmpty() ? v : trimmed;
    }

    /** A whole number; the key's default when the value is not one (a refused value is its default already). */
    public int number(String key) {
        try {
            return Integer.parseInt(get(key).trim());
        } catch (NumberFormatException e) {
            return Integer.parseInt(ConfigKeys.find(key).orElseThrow().defaultValue());
        }
    }

    /** A decimal value ({@code 0.5}); the key's default when the value is not a number (reported as a problem). */
    public double decimal(String key) {
        try {
            double d = Double.parseDouble(get(key).trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // the default below; the validator has reported it
        }
        return Double.parseDouble(ConfigKeys.find(key).orElseThrow().defaultValue());
    }

    /** Every key and value, defaults included, sorted by key. */
    public Map<String, String> values() {
        return values;
    }

    /** Every value under its key with {@code .} replaced by {@code _}, as JBake hands config to templates. */
    public Map<String, String> templateValues() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.replace('.', '_'), v));
        return Collections.unmodifiableMap(out);
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The locale templates format with: {@code jvm.locale} when set, else the site's. */
    public Locale templateLocale() {
        return templateLocale;
    }

    /** The zone templates format dates in: {@code freemarker.timezone} when set, else the site's. */
    public ZoneId templateZone() {
        return templateZone;
    }

    public DateTimeFormatter displayDateFormat() {
        return displayDate;
    }

    /** {@code site.host} with exactly one trailing slash. */
    public String siteHost() {
        String host = get("site.host").trim();
        return host.endsWith("/") ? host : host + "/";
    }

    /**
     * The path of the site's root on its host, from {@code site.host}: {@code /}, or
     * {@code /journal/} for {@code https://example.org/journal}, percent-encoded as written there;
     * {@code /} when site.host has no path or is no URL. A link that starts with it leads to the same
     * file from every address of the published site.
     */
    public String sitePath() {
        try {
            String path = new URI(siteHost()).getRawPath();
            if (path == null || !path.startsWith("/")) {
                return "/";
            }
            // one slash first (a second would name a host), one last (after a query, say)
            path = "/" + path.replaceFirst("^/+", "");
            return path.endsWith("/") ? path : path + "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    public String title() {
        return get("journal.title");
    }

    public String language() {
        return get("journal.language");
    }

    private String localeTag() {
        String tag = get("journal.locale").trim();
        return tag.isEmpty() ? get("journal.language").trim() : tag;
    }

    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    /** Checks values and collects problems, located at the key's line in the file. */
    private static final class Validator {
        private final Map<String, Integer> lines;
        private final List<Problem> problems;
        /** The keys whose values were found wrong. */
        private final java.util.Set<String> refused = new java.util.HashSet<>();
        private final Map<Problem, String> unknownKeys = new java.util.HashMap<>();
        private final java.util.Set<Problem> notMade = new java.util.HashSet<>();

        Validator(Map<String, Integer> lines, List<Problem> problems) {
            this.lines = lines;
            this.problems = problems;
        }

        private void error(String key, String message) {
            refused.add(key);
            problems.add(Problem.error(FILE_NAME, lines.getOrDefault(key, 0), message));
        }

        /** The language tag's locale; {@code refusedAs} when it is none (reported). */
        Locale locale(String key, String tag, Locale refusedAs) {
            try {
                Locale parsed = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
                // a language of five to eight letters is well-formed, but none is registered: english, deutsch
                if (!parsed.getLanguage().isEmpty() && parsed.getLanguage().length() <= 3) {
                    return parsed;
                }
            } catch (IllformedLocaleException e) {
                // reported below
            }
            error(key, "'" + tag + "' is not a language tag such as en or en-GB");
            return refusedAs;
        }

        /** The time zone; {@code refusedAs} when it is none (reported). */
        ZoneId zone(String key, String id, ZoneId refusedAs) {
            try {
                return ZoneId.of(id.trim());
            } catch (DateTimeException e) {
                error(key, "'" + id + "' is not a time zone such as UTC or Europe/Berlin");
                return refusedAs;
            }
        }

        /** The date pattern; {@code refusedAs} when it is none (reported). */
        DateTimeFormatter pattern(String key, String pattern, Locale locale, DateTimeFormatter refusedAs) {
            try {
                return DateTimeFormatter.ofPattern(pattern, locale);
            } catch (IllegalArgumentException e) {
                error(key, "'" + pattern + "' is not a date pattern: " + e.getMessage());
                return refusedAs;
            }
        }

        /** {@code journal.layout}; {@code auto} looks for JBake's own templates in the site. */
        boolean layout(String value, SiteConfig config, Path sourceDir) {
            switch (value.trim()) {
                case "jbake":
                    return true;
                case "journal":
                    return false;
                case "auto":
                    return sourceDir != null && hasJBakeTemplates(config, sourceDir);
                default:
                    error("journal.layout", "journal.layout must be auto, jbake or journal, not '" + value + "'");
                    return false;
            }
        }

        /**
         * A site whose template folder holds JBake's home page template ({@code index.ftl}, not a
         * {@code .ftlh}): a JBake site brings all its templates, while a journal may override a few
         * of the theme's, even with JBake's names. A JBake site without a home page
         * ({@code render.index=false}, which no journal sets) is known by any of JBake's templates
         * it brings ({@code page.ftl} alone, say).
         */
        private static boolean hasJBakeTemplates(SiteConfig config, Path sourceDir) {
            if (isFtl(config, sourceDir, "template.masterindex.file")) {
                return true;
            }
            return config.get("render.index").strip().equals("false") && config.values().keySet().stream()
                    .filter(k -> k.startsWith("template.") && k.endsWith(".file"))
                    .anyMatch(k -> isFtl(config, sourceDir, k));
        }

        /** Whether the template a key names is a {@code .ftl} (not {@code .ftlh}) file of the site's template folder. */
        private static boolean isFtl(SiteConfig config, Path sourceDir, String key) {
            String name = config.get(key).trim();
            return !name.isEmpty() && !name.endsWith(".ftlh") && !name.endsWith(".ftlx")
                    && Files.isRegularFile(sourceDir.resolve(config.get("template.folder").trim()).resolve(name));
        }

        void bool(String key, String value) {
            String v = value.trim();
            if (!v.equals("true") && !v.equals("false")) {
                error(key, key + " must be true or false, not '" + value + "'");
            }
        }

        void positive(String key, String value) {
            try {
                if (Integer.parseInt(value.trim()) > 0) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a whole number above 0, not '" + value + "'");
        }

        void atLeast(String key, String value, int min) {
            try {
                if (Integer.parseInt(value.trim()) >= min) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a whole number of at least " + min + ", not '" + value + "'");
        }

        /** A decimal number from {@code min} to {@code max}, written with a dot ({@code 0.25}). */
        void decimal(String key, String value, double min, double max) {
            String v = value.trim();
            try {
                double d = v.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+") ? Double.parseDouble(v) : Double.NaN;
                if (d >= min && d <= max) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a number from " + format(min) + " to " + format(max) + ", such as "
                    + (0.5 >= min && 0.5 <= max ? "0.5" : format(min) + ".5") + ", not '" + value + "'");
        }

        private static String format(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        /**
         * The journal's address: an absolute http or https URL, which canonical links, feeds, the
         * sitemap and citations are made from. An error with the journal's layout; with JBake's a
         * warning, as JBake builds such a site (with those links broken). Empty is check's to warn of.
         */
        void siteHost(String key, String value, boolean jbakeLayout) {
            String v = value.strip();
            if (v.isEmpty()) {
                return;
            }
            try {
                if (httpAddress(new URI(v))) {
                    return;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            String message = key + " must be the journal's address, an absolute http or https URL such as"
                    + " https://journal.example.org/, not '" + value + "': canonical links, feeds, the sitemap and"
                    + " citations are made from it";
            if (jbakeLayout) {
                problems.add(Problem.warning(FILE_NAME, lines.getOrDefault(key, 0), message));
            } else {
                error(key, message);
            }
        }

        /**
         * An image every page may show (social cards): a path from the site's root or an http(s)
         * address, as pages and feeds give it whole; not another scheme ({@code javascript:}), a
         * backslash, or a path that climbs out of the site. Whether the file is there is check's to say.
         */
        void siteImage(String key, String value) {
            String v = value.strip();
            if (v.isEmpty()) {
                return;
            }
            String why = null;
            if (v.indexOf('\\') >= 0) {
                why = "uses \\; write paths with /";
            } else {
                try {
                    URI uri = new URI(v);
                    if (uri.getScheme() != null ? !httpAddress(uri) : v.startsWith("//")) {
                        why = "is neither a path from the site's root (/images/card.png) nor an http(s) address";
                    } else if (uri.getScheme() == null && climbsOut(uri.getPath())) {
                        why = "points outside the site";
                    }
                } catch (URISyntaxException e) {
                    why = "is neither a path from the site's root (/images/card.png) nor an http(s) address";
                }
            }
            if (why != null) {
                error(key, key + " " + Problem.quote(value) + " " + why);
            }
        }

        /**
         * Whether an address is an absolute http or https URL with a host (whose name, written in
         * other letters than ASCII's, is an authority without a host to {@link URI}).
         */
        private static boolean httpAddress(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && (uri.getHost() != null || uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank());
        }

        /** Whether a path's {@code ..} segments climb above the folder it starts from. */
        private static boolean climbsOut(String path) {
            int depth = 0;
            for (String part : path.split("/")) {
                if (part.equals("..")) {
                    if (--depth < 0) {
                        return true;
                    }
                } else if (!part.isEmpty() && !part.equals(".")) {
                    depth++;
                }
            }
            return false;
        }

        void port(String key, String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port > 0 && port < 65536) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a port number from 1 to 65535, not '" + value + "'");
        }

        void utf8(String key, String value) {
            if (!value.trim().equalsIgnoreCase("UTF-8")) {
                error(key, key + " must be UTF-8; other encodings are not supported");
            }
        }

        /** JBake's other template engines, by the extensions JBake 2.7.0 gives them to. */
        private static final Map<String, String> OTHER_ENGINES = Map.of("groovy", "Groovy", "gsp", "Groovy", "gxml",
                "Groovy", "tpl", "Groovy markup", "thyme", "Thymeleaf", "html", "Thymeleaf", "pebble", "Pebble", "peb",
                "Pebble", "jade", "Jade");

        /**
         * A template named for one of JBake's other engines: JBake picks the engine by the file's
         * extension, and this engine renders Freemarker alone, so the page would show its source.
         */
        void freemarker(String key, String value) {
            String name = value.strip();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (name.contains(".") && OTHER_ENGINES.containsKey(extension)) {
                error(key, key + " is '" + value + "', a " + OTHER_ENGINES.get(extension) + " template (JBake picks its"
                        + " engine by the extension): only Freemarker templates (.ftl) are rendered here");
            }
        }

        /** An encoding the engine does not use: pages are written in UTF-8 whatever it says. */
        void ignoredEncoding(String key, String value) {
            if (!value.trim().equalsIgnoreCase("UTF-8")) {
                problems.add(Problem.warning(FILE_NAME, lines.getOrDefault(key, 0), key + " is '" + value
                        + "', which is ignored: pages are written in UTF-8"));
            }
        }

        void folderName(String key, String value) {
            String v = value.trim();
            if (v.isEmpty() || v.startsWith("/") || v.startsWith("\\") || v.contains("..") || v.contains(":")) {
                error(key, key + " must be a relative folder inside the site, not '" + value + "'");
            }
        }

        /**
         * A folder that {@code jbake.properties} names (not a default) and the site does not have:
         * an error for the content and template folders, whose absence would silently make an empty
         * site or one in the built-in theme, a warning for the others. A value already refused as
         * leaving the site is not looked for.
         */
        void folder(String key, Map<String, String> fileValues, Path sourceDir, boolean needed, String otherwise) {
            String value = fileValues.containsKey(key) ? SafeText.clean(fileValues.get(key)).strip() : null;
            if (value == null || value.isEmpty() || refused.contains(key)) {
                return;
            }
            Path folder = sourceDir.resolve(value);
            if (Files.isDirectory(folder)) {
                return;
            }
            boolean aFile = Files.exists(folder);
            String why = aFile ? key + " is " + Problem.quote(value) + ", which is a file, not a folder"
                    : key + " is " + Problem.quote(value) + ", but the site has no folder " + value;
            String message = why + ": " + otherwise + " (create the folder or correct the value)";
            int line = lines.getOrDefault(key, 0);
            Problem p = needed ? Problem.error(FILE_NAME, line, message) : Problem.warning(FILE_NAME, line, message);
            problems.add(p);
            if (needed && !aFile) {
                notMade.add(p);
            }
        }

        void oneOf(String key, String value, String... allowed) {
            String v = value.trim();
            for (String a : allowed) {
                if (a.equals(v)) {
                    return;
                }
            }
            error(key, key + " must be " + String.join(" or ", allowed) + ", not '" + value + "'");
        }

        void fileName(String key, String value) {
            SafePaths.problem(value.strip()).ifPresent(why -> error(key, key
                    + " must be a file name inside the site, such as archive.html, not " + Problem.quote(value)
                    + ": " + why));
        }

        void rawHtml(String key, String value) {
            if (MarkdownOptions.RawHtml.of(value) == null) {
                error(key, key + " must be sanitize, trust or escape, not " + Problem.quote(value));
            }
        }

        void hosts(String key, String value) {
            for (String host : MarkdownOptions.hosts(value)) {
                if (!HOST.matcher(host).matches()) {
                    error(key, key + " must list host names such as player.vimeo.com, not " + Problem.quote(host));
                }
            }
        }

        void known(String name) {
            var key = ConfigKeys.find(name);
            int line = lines.getOrDefault(name, 0);
            if (key.isPresent()) {
                if (key.get().support() == ConfigKey.Support.IGNORED) {
                    problems.add(Problem.warning(FILE_NAME, line,
                            name + " is accepted and ignored: " + key.get().description()));
                }
                return;
            }
            if (ConfigKeys.isIgnoredExtension(name)) {
                String page = name.substring(0, name.length() - ".extension".length()) + ".file";
                problems.add(Problem.warning(FILE_NAME, line, name + " is accepted and ignored, as by JBake: only"
                        + " a content type's documents take template.<type>.extension; " + page + " is a page's"
                        + " template, whose file is named by its own key"));
                return;
            }
            if (ConfigKeys.isPatternKey(name)) {
                return;
            }
            if (name.startsWith("asciidoctor.option.")) {
                problems.add(Problem.warning(FILE_NAME, line, name + " is accepted and ignored: "
                        + ConfigKeys.find("asciidoctor.option").orElseThrow().description()));
                return;
            }
            String hint = Spelling.nearest(name, ConfigKeys.all().stream().map(ConfigKey::name).toList(), 2)
                    .map(k -> " (did you mean " + k + "?)")
                    .orElse("");
            Problem unknown = Problem.warning(FILE_NAME, line, "unknown key " + name + hint
                    + "; no template reads it (templates see it as config." + name.replace('.', '_') + ")");
            problems.add(unknown);
            unknownKeys.put(unknown, name.replace('.', '_'));
        }

    }
}
