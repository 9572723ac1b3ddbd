package dev.journal.core.render;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.Utf8;
import dev.journal.core.parse.UrlPolicy;
import freemarker.core._CoreAPI;
import freemarker.template.Version;
import freemarker.cache.AndMatcher;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.NotMatcher;
import freemarker.cache.OrMatcher;
import freemarker.cache.TemplateConfigurationFactory;
import freemarker.cache.TemplateConfigurationFactoryException;
import freemarker.cache.TemplateLoader;
import freemarker.cache.TemplateSourceMatcher;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freemarker, configured safely: HTML auto-escaping for {@code .ftlh} templates and for a site's
 * JBake-style {@code .ftl} ones (XML for {@code .ftlx}; not for a {@code .ftl} template that escapes
 * its values itself with JBake's {@code #escape} or {@code ?html}), no {@code new} or {@code api} built-ins,
 * exceptions rethrown rather than printed into pages, and the site's locale and zone rather than
 * the JVM's. The site's template folder comes
 * first and the built-in theme fills in every template the site does not override.
 */
public final class TemplateEngine {

    /** Where the built-in theme's templates live on the class path. */
    static final String THEME = "/dev/journal/core/theme/templates";

    private final Configuration freemarker;
    private final Path siteTemplates;
    private final String folder;
    /** The site's RSS feed template ({@code template.feed.file}), whose dates are always English. */
    private final String feedTemplate;
    /** Whether the site's .ftl templates are auto-escaped ({@code journal.ftl.autoescape}, by layout). */
    private final boolean ftlEscaped;

    /**
     * @param siteTemplates the site's template folder, {@code template.folder} under the site's
     *                      folder; null for the built-in theme alone
     */
    public TemplateEngine(SiteConfig config, Path siteTemplates) throws IOException {
        this.siteTemplates = siteTemplates;
        this.folder = folderName(config.get("template.folder"));
        this.feedTemplate = config.get("template.feed.file").strip();
        Configuration cfg = new Interruptible(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (siteTemplates != null && Files.isDirectory(siteTemplates)) {
            loaders.add(new Utf8Templates(siteTemplates.toFile()));
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class, THEME));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setLocalizedLookup(false);
        cfg.setLocale(config.templateLocale());
        cfg.setTimeZone(TimeZone.getTimeZone(config.templateZone()));
        cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone(config.templateZone()));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(HTML_WRAPPER);
        this.ftlEscaped = config.autoescapeFtl();
        if (ftlEscaped) {
            cfg.setTemplateConfigurations(jbakeTemplates(config, cfg.getTemplateLoader()));
        }
        this.freemarker = cfg;
    }

    /**
     * The site's templates, read as strict UTF-8 ({@code template.encoding}): FreeMarker's own loader
     * reads a file through an {@link java.io.InputStreamReader}, which turns a byte that is not UTF-8
     * (a template saved as Latin-1) into U+FFFD without a word, and every page then shows it. A
     * template is read whole, once (FreeMarker keeps it parsed), so the check costs nothing worth
     * counting. A template that declares another encoding in its {@code <#ftl encoding="...">}
     * header is read in that encoding, as FreeMarker does.
     */
    private static final class Utf8Templates extends FileTemplateLoader {

        Utf8Templates(File folder) throws IOException {
            super(folder);
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            if (!(source instanceof File file) || !isUtf8(encoding)) {
                return super.getReader(source, encoding);
            }
            byte[] bytes = Files.readAllBytes(file.toPath());
            try {
                return new StringReader(Utf8.strict(bytes));
            } catch (Utf8.MalformedException e) {
                if (declaresOtherEncoding(bytes)) {
                    return super.getReader(source, encoding); // FreeMarker reads it again in the declared one
                }
                String name = getBaseDirectory().toPath().relativize(file.toPath()).toString()
                        .replace(File.separatorChar, '/');
                throw new NotUtf8(name, e.line(), e.getMessage());
            }
        }

        private static boolean isUtf8(String encoding) {
            try {
                return encoding != null && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /** Whether the template starts with an {@code ftl} header naming an encoding other than UTF-8. */
        private static boolean declaresOtherEncoding(byte[] bytes) {
            String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
            Matcher m = FTL_ENCODING.matcher(head);
            return m.lookingAt() && !isUtf8(m.group(1));
        }
    }

    /** An {@code ftl} header, first in a template, with its {@code encoding} parameter. */
    private static final Pattern FTL_ENCODING = Pattern.compile(
            "(?:\\xEF\\xBB\\xBF)?\\s*[<\\[]#ftl\\s[^>\\]]*?\\bencoding\\s*=\\s*[\"']([^\"']*)[\"']");

    /** A site's template that is not UTF-8, with its name and the line of its first bad byte. */
    static final class NotUtf8 extends IOException {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final int line;

        NotUtf8(String name, int line, String message) {
            super(message);
            this.name = name;
            this.line = line;
        }
    }

    /** Wraps {@link Html} as markup: for templates whose output format is HTML (the theme's {@code .ftlh}). */
    private static final ObjectWrapper HTML_WRAPPER = new Wrapper(true);
    /** Wraps {@link Html} as text: for every other template (JBake's {@code .ftl}, XML). */
    private static final ObjectWrapper TEXT_WRAPPER = new Wrapper(false);

    private static final class Wrapper extends DefaultObjectWrapper {
        private final boolean markup;

        Wrapper(boolean markup) {
            super(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34), true);
            this.markup = markup;
        }

        @Override
        protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
            if (obj instanceof Html html) {
                return markup ? HTMLOutputFormat.INSTANCE.fromMarkup(html.markup()) : new SimpleScalar(html.markup());
            }
            return super.handleUnknownType(obj);
        }
    }


    /**
     * JBake's {@code .ftl} templates get HTML auto-escaping too ({@code journal.ftl.autoescape}), so
     * that a title or a tag written as {@code <script>} is shown, not run, whatever theme a site
     * brings; bodies are HTML markup there. A template that wants JBake's unescaped output says so
     * with {@code <#ftl auto_esc=false>}, or a site switches the key off to get JBake's behaviour
     * exactly (nothing escaped, bodies as text). The feed and sitemap templates are XML, not HTML,
     * and keep the format they declare themselves, as does the template of a content type whose
     * files are not pages ({@code template.robots.extension=.txt}).
     *
     * <p>A template that escapes its values itself, with JBake's {@code <#escape x as x?xml>} (JBake's
     * example project did, in its header, post and index templates) or {@code ?html}, is read as if
     * it began with {@code <#ftl auto_esc=false>}: Freemarker refuses both where escaping is
     * automatic, and escaping its values twice would show {@code &amp;amp;}. Its values print as
     * JBake prints them, escaped inside {@code #escape} and by {@code ?html}, as they are elsewhere;
     * bodies stay HTML markup. The
     * decision is each template's own, made from its source, so it holds wherever the template is
     * used: a {@code header.ftl} with {@code #escape} included by a {@code tags.ftl} without it is
     * read without auto-escaping, and the {@code tags.ftl} with it.
     */
    private static TemplateConfigurationFactory jbakeTemplates(SiteConfig config, TemplateLoader loader) {
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        List<TemplateSourceMatcher> notHtml = new ArrayList<>(List.of(
                new FileNameGlobMatcher(config.get("template.feed.file").strip()),
                new FileNameGlobMatcher(config.get("template.sitemap.file").strip())));
        // a content type whose files are not pages (template.robots.extension=.txt): its template
        // makes text, which HTML escaping would garble (&amp; in a URL)
        UrlPolicy urls = new UrlPolicy(config);
        for (String key : config.values().keySet()) {
            if (key.startsWith("template.") && key.endsWith(".extension")) {
                String type = key.substring("template.".length(), key.length() - ".extension".length());
                String ext = urls.typeExtension(type);
                String file = config.get("template." + type + ".file").strip();
                if (ext != null && !urls.isPage("x" + ext) && !file.isEmpty()) {
                    notHtml.add(new FileNameGlobMatcher(file));
                }
            }
        }
        TemplateSourceMatcher xml = new OrMatcher(notHtml.toArray(TemplateSourceMatcher[]::new));
        return new EscapingItself(new ConditionalTemplateConfigurationFactory(
                new AndMatcher(new FileNameGlobMatcher("*.ftl"), new NotMatcher(xml)), html), loader);
    }

    /**
     * The configuration of the auto-escaped {@code .ftl} templates, but for those among them whose
     * source uses legacy escaping ({@code #escape} or {@code #noescape}, in {@code <#...>} or
     * {@code [#...]} syntax, or the {@code ?html} built-in and its kin, outside comments): HTML, not
     * auto-escaped. Freemarker's own matchers look at a template's name only, so this one reads the
     * source, through the same loader and source object the template is then parsed from: a second
     * read of a small file, each time Freemarker loads the template.
     */
    private static final class EscapingItself extends TemplateConfigurationFactory {
        /**
         * Freemarker's comments and {@code #noparse} blocks, in either syntax: a directive in one
         * is no directive.
         */
        private static final Pattern COMMENT = Pattern.compile("<#--.*?-->|\\[#--.*?--]"
                + "|<#no[pP]arse\\s*>.*?</#no[pP]arse\\s*>|\\[#no[pP]arse\\s*].*?\\[/#no[pP]arse\\s*]", Pattern.DOTALL);
        /**
         * The start tag of {@code #escape} or {@code #noescape} (also in camel case), in either
         * syntax, or a legacy escaping built-in after an expression ({@code content.title?html},
         * {@code ?xhtml}, {@code ?xml}, {@code ?rtf}; not the {@code <?xml} of a declaration).
         */
        private static final Pattern LEGACY = Pattern.compile("[<\\[]#(?:escape|noescape|noEscape)(?=[\\s/>\\]])"
                + "|(?<=[\\w)\\]\"'!])\\?(?:html|xhtml|xml|rtf)(?!\\w)");

        private final TemplateConfigurationFactory autoEscaped;
        private final TemplateConfiguration escapingItself = new TemplateConfiguration();
        private final TemplateLoader loader;

        EscapingItself(TemplateConfigurationFactory autoEscaped, TemplateLoader loader) {
            this.autoEscaped = autoEscaped;
            this.loader = loader;
            escapingItself.setOutputFormat(HTMLOutputFormat.INSTANCE);
            escapingItself.setAutoEscapingPolicy(Configuration.DISABLE_AUTO_ESCAPING_POLICY);
        }

        @Override
        public TemplateConfiguration get(String sourceName, Object templateSource)
                throws IOException, TemplateConfigurationFactoryException {
            TemplateConfiguration tc = autoEscaped.get(sourceName, templateSource);
            return tc != null && escapesItself(templateSource) ? escapingItself : tc;
        }

        private boolean escapesItself(Object templateSource) throws IOException {
            StringWriter text = new StringWriter();
            try (Reader reader = loader.getReader(templateSource, "UTF-8")) {
                reader.transferTo(text);
            }
            return LEGACY.matcher(COMMENT.matcher(text.toString()).replaceAll("")).find();
        }

        @Override
        protected void setConfigurationOfChildren(Configuration cfg) {
            autoEscaped.setConfiguration(cfg);
            escapingItself.setParentConfiguration(cfg);
        }
    }

    /**
     * The template for a configured file name: the site's file of that name, else the site's or the
     * theme's {@code .ftlh} of the same stem, else the theme's template for {@code fallback}.
     */
    public Optional<Template> find(String configuredName, String fallback) throws IOException {
        return find(configuredName, fallback, false);
    }

    /**
     * As {@link #find(String, String)}; with {@code siteOnly} (JBake's layout) only the site's own
     * templates are used, never the built-in theme's.
     */
    public Optional<Template> find(String configuredName, String fallback, boolean siteOnly) throws IOException {
        String stem = configuredName.contains(".") ? configuredName.substring(0, configuredName.lastIndexOf('.'))
                : configuredName;
        for (String name : List.of(configuredName, stem + ".ftlh", fallback + ".ftlh")) {
            if (name.isBlank() || name.startsWith(".") || siteOnly && !siteHas(name)) {
                continue;
            }
            try {
                Template t = freemarker.getTemplate(name, null, null, true, true);
                if (t != null) {
                    return Optional.of(t);
                }
            } catch (SecurityException e) {
                // FreeMarker's loader refuses a template that resolves outside its folder (a link)
                throw new Refused(name, "a template must be a file inside the template folder, and this one is a "
                        + "link that leads outside it; copy the file in rather than linking to it");
            } catch (TemplateNotFoundException e) {
                // try the next name
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the site's template folder holds a template of this name; the built-in theme does
     * not count. Decides whether a site's JBake {@code feed.ftl} or {@code sitemap.ftl} replaces the
     * built-in generator.
     */
    public boolean siteHas(String name) {
        String n = name.strip();
        if (siteTemplates == null || n.isEmpty() || n.contains("..") || n.startsWith("/")) {
            return false;
        }
        return Files.isRegularFile(siteTemplates.resolve(n));
    }

    /** Renders a template with a model into UTF-8 bytes. */
    public byte[] render(Template template, Map<String, Object> model) throws TemplateException, IOException {
        dev.journal.core.internal.Utf8Writer out = new dev.journal.core.internal.Utf8Writer(32 * 1024);
        ObjectWrapper wrapper = template.getOutputFormat() instanceof HTMLOutputFormat ? HTML_WRAPPER : TEXT_WRAPPER;
        Environment env = template.createProcessingEnvironment(model, out, wrapper);
        // what the template's methods hand back (JBake's db) is wrapped as its model is
        env.setObjectWrapper(wrapper);
        if (template.getName().equals(feedTemplate)) {
            // RSS dates (pubDate, lastBuildDate) are RFC 822, whose day and month names are English:
            // in jvm.locale's words (JBake's "Mo, 1 Jan." under de) feed readers refuse them
            env.setLocale(Locale.US);
        }
        Alarm alarm = new Alarm(Thread.currentThread());
        java.util.concurrent.ScheduledFuture<?> set = WATCHDOG.schedule(alarm::ring, timeLimitMillis,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            env.process();
        } catch (StackOverflowError e) {
            // a macro or function that calls itself without end: the site's mistake, said as one
            throw new Refused(template.getName(), "the template called itself too deeply to render (a macro,"
                    + " function or include that calls itself without end?); the stack overflowed");
        } catch (RuntimeException | TemplateException | IOException e) {
            if (alarm.rang()) {
                throw tooLong(template);
            }
            throw e;
        } finally {
            set.cancel(false);
            if (alarm.stop()) {
                Thread.interrupted(); // rang as the page ended: the thread goes on uninterrupted
            }
        }
        if (alarm.rang()) {
            throw tooLong(template);
        }
        return out.toByteArray();
    }

    /** How long one page's render may take, in milliseconds: a minute, a thousand times a long page's. */
    static volatile long timeLimitMillis = 60_000;

    /** Interrupts the render of a page that has gone on longer than {@link #timeLimitMillis}. */
    private static final java.util.concurrent.ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private static java.util.concurrent.ScheduledThreadPoolExecutor watchdog() {
        var w = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "journal-template-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true); // a page that ended takes its alarm out of the queue at once
        return w;
    }

    private Refused tooLong(Template template) {
        return new Refused(template.getName(), "the template rendered one page for more than "
                + timeLimitMillis / 1000 + " s and was stopped (a #list of a range that never ends, a loop"
                + " that never stops?)");
    }

    /** The watchdog's alarm for one render: rings (interrupts the thread) only while the render goes on. */
    private static final class Alarm {
        private final Thread thread;
        private boolean done;
        private boolean rang;

        Alarm(Thread thread) {
            this.thread = thread;
        }

        synchronized void ring() {
            if (!done) {
                rang = true;
                thread.interrupt(); // Freemarker's loops look at it (Interruptible)
            }
        }

        /** Ends the render; true when the alarm rang, so the thread's interrupt is to be cleared. */
        synchronized boolean stop() {
            done = true;
            return rang;
        }

        synchronized boolean rang() {
            return rang;
        }
    }

    /**
     * Freemarker's configuration, whose every template (a page's, and each one it includes or
     * imports, which Freemarker loads through this method) checks between a loop's rounds whether
     * its thread was interrupted, so that the watchdog can stop a loop that never ends. Freemarker
     * makes such checks through its internal API (the one its online evaluator uses).
     */
    private static final class Interruptible extends Configuration {
        /** The templates given their checks, each once; guarded by itself. */
        private final java.util.Set<Template> checked = java.util.Collections.newSetFromMap(
                new java.util.WeakHashMap<>());

        Interruptible(Version version) {
            super(version);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (t != null && parseAsFTL) {
                synchronized (checked) {
                    if (checked.add(t)) {
                        _CoreAPI.addThreadInterruptedChecks(t);
                    }
                }
            }
            return t;
        }
    }

    /** A template the engine will not use, with its name. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final String name;

        Refused(String name, String message) {
            super(message);
            this.name = name;
        }
    }

    /** A template problem, located in the template file (the site's, or the built-in theme's). */
    public Problem problem(Exception e) {
        // a template that is not UTF-8, loaded for a page or by another's include or import
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotUtf8 bad) {
                return Problem.error(templatePath(bad.name), bad.line, bad.getMessage());
            }
        }
        String name;
        int line;
        String message;
        if (e instanceof TemplateException te) {
            name = te.getTemplateSourceName();
            line = te.getLineNumber() == null ? 0 : te.getLineNumber();
            message = firstLines(te.getMessageWithoutStackTop()) + markupHint(te, name, ftlEscaped);
        } else if (e instanceof Refused r) {
            name = r.name;
            line = 0;
            message = r.getMessage();
        } else if (e instanceof ParseException pe) {
            return syntaxError(pe);
        } else {
            name = null;
            line = 0;
            message = e.getMessage();
        }
        return Problem.error(templatePath(name), line, message);
    }

    /** A template's syntax error, at the line and column Freemarker gives. */
    private Problem syntaxError(ParseException pe) {
        return Problem.error(templatePath(pe.getTemplateName()), pe.getLineNumber(), "syntax error at column "
                + pe.getColumnNumber() + ": " + firstLines(pe.getEditorMessage()));
    }

    /**
     * The syntax errors of every template in the site's template folder ({@code .ftl}, {@code .ftlh},
     * {@code .ftlx}), whether a page uses it or another includes it: parsing a template stops at its
     * first error, and a page's render at the first template it cannot parse, so a render alone
     * would show one error at a time. Templates are few and are parsed once (Freemarker keeps them),
     * so the render that follows parses nothing again.
     */
    public List<Problem> syntaxErrors() throws IOException {
        if (siteTemplates == null || !Files.isDirectory(siteTemplates)) {
            return List.of();
        }
        Path folder = siteTemplates.toRealPath();
        List<String> names;
        try (var files = Files.walk(siteTemplates)) {
            // a link out of the folder is not loaded here: Freemarker would remember the refusal, and a
            // page that uses it could no longer say why (see find)
            names = files.filter(Files::isRegularFile).filter(f -> inside(f, folder))
                    .map(f -> siteTemplates.relativize(f).toString().replace(File.separatorChar, '/'))
                    .filter(n -> n.matches("(?:[^./][^/]*/)*[^./][^/]*\\.ftl[hx]?"))
                    .sorted().toList();
        }
        List<Problem> problems = new ArrayList<>();
        for (String name : names) {
            try {
                freemarker.getTemplate(name, null, null, true, true);
            } catch (ParseException | NotUtf8 e) {
                problems.add(problem(e));
            }
        }
        return problems;
    }

    /** {@code <#include "x">}, {@code <#import "x" as y>} (or with square brackets), and what follows the keyword. */
    private static final java.util.regex.Pattern INCLUDE = java.util.regex.Pattern.compile(
            "[<\\[]#(?:include|import)\\s+(\"([^\"]*)\"|'([^']*)'|[^\\s>\\]]*)");

    /**
     * The site's templates that {@code names} and what they include or import reach, as
     * {@code folder/name} paths (as problems name them); null when one names another by an
     * expression rather than a string, which only rendering would tell.
     */
    public java.util.Set<String> reachableFrom(java.util.Set<String> names) {
        java.util.Set<String> reached = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String name = todo.pop().replace('\\', '/').replaceFirst("^/+", "");
            if (name.isEmpty() || !siteHas(name) || !reached.add(folder + "/" + name)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(siteTemplates.resolve(name), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                return null; // unreadable: say nothing of what it reaches
            }
            java.util.regex.Matcher m = INCLUDE.matcher(text);
            while (m.find()) {
                String target = m.group(2) != null ? m.group(2) : m.group(3);
                if (target == null || target.contains("${") || target.contains("*")) {
                    return null; // an expression, or an acquisition (*/x.ftl): only rendering knows
                }
                String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
                todo.push(target.startsWith("/") ? target.substring(1)
                        : java.nio.file.Path.of(dir + target).normalize().toString().replace('\\', '/'));
            }
        }
        return reached;
    }

    private static boolean inside(Path file, Path folder) {
        try {
            return file.toRealPath().startsWith(folder);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The template that cannot be parsed a failure comes of (the kind {@link #syntaxErrors} reports),
     * as the parse's exception; null when the failure is of another kind.
     */
    public static Exception syntaxFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException || t instanceof NotUtf8) {
                return (Exception) t;
            }
        }
        return null;
    }

    /**
     * The site's template folder as {@code template.folder} names it from the site's folder, with
     * {@code /} separators ({@code theme/templates}): where problems say its templates are.
     */
    public String folder() {
        return folder;
    }

    private static String folderName(String configured) {
        String name = configured.strip().replace('\\', '/');
        try {
            name = Path.of(name).normalize().toString().replace('\\', '/');
        } catch (java.nio.file.InvalidPathException e) {
            // as written; the configuration reports it
        }
        name = name.replaceAll("/+$", "");
        return name.isEmpty() ? "." : name;
    }

    /**
     * What to do when a template used HTML markup (a body, where templates are auto-escaped) as
     * text: Freemarker names the type {@code markup_output} and no more. A JBake template written
     * for bodies as text ({@code content.body?length}, {@code ?replace}, comparisons) fails so; JBake
     * 2.7.0 auto-escapes nothing, and neither do a site's {@code .ftl} templates with JBake's layout
     * or {@code journal.ftl.autoescape=false} (the theme's {@code .ftlh} ones are always auto-escaped).
     */
    private static String markupHint(TemplateException te, String name, boolean ftlEscaped) {
        String m = te.getMessageWithoutStackTop();
        if (m != null && m.contains("Expected a markup output, but this has evaluated to a string")
                && name != null && name.endsWith(".ftl") && !ftlEscaped) {
            // a template written for auto-escaping (content.body?markup_string) in a site that has none
            return "; the value is text, not HTML markup: the site's .ftl templates are not auto-escaped (with"
                    + " JBake's layout none is, as in JBake), so a body is its HTML as text: drop ?markup_string,"
                    + " or set journal.ftl.autoescape=true in jbake.properties";
        }
        if (m == null || !m.contains("markup_output")) {
            return "";
        }
        return "; the value is HTML markup (in an auto-escaped template, bodies and what #assign captures"
                + " are), not text: write"
                + " ?markup_string for its HTML as text (content.body?markup_string?length)"
                + (name != null && name.endsWith(".ftl") ? ", or set journal.ftl.autoescape=false in jbake.properties"
                        + " for JBake's behaviour (no .ftl template auto-escaped, bodies as text)" : "");
    }

    private String templatePath(String name) {
        if (name == null) {
            return "(template)";
        }
        if (siteTemplates != null
                && Files.exists(siteTemplates.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return folder + "/" + name;
        }
        return "(built-in theme)/" + name;
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "template error";
        }
        String m = message.strip();
        int cut = m.indexOf("\n\n");
        String first = cut > 0 ? m.substring(0, cut) : m;
        // ?eval and ?interpret put the error they met between markers after their first paragraph
        int begin = m.indexOf("---begin-message---");
        int end = begin < 0 ? -1 : m.indexOf("---end-message---", begin);
        if (begin > 0 && end > begin && !first.contains("---begin-message---")) {
            String inner = m.substring(begin + "---begin-message---".length(), end).strip();
            int innerCut = inner.indexOf("\n\n");
            first = first + " " + (innerCut > 0 ? inner.substring(0, innerCut) : inner);
        }
        return SafeText.collapseWhitespace(first);
    }
}
