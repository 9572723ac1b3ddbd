package dev.journal.core.internal.markdown;

import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.html.HtmlSanitizer;
import dev.journal.core.internal.html.RawLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Markdown to HTML with commonmark-java, plus what the rest of the pipeline needs from the syntax
 * tree: headings with their anchor ids, the plain text, the first paragraph, and every link and
 * image with its line. One instance is shared by all threads: commonmark's parser and renderer are
 * thread-safe, and all per-document state lives in the tree.
 */
public final class MarkdownRenderer {

    /** The footnotes extension's section, which has no heading of its own; it gets one. */
    private static final String FOOTNOTES = "<section class=\"footnotes\" data-footnotes>\n";
    /** The footnotes extension's link back from a note to its reference, which says so in English. */
    private static final String BACK_TO_REFERENCE = "aria-label=\"Back to reference ";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final MarkdownOptions options;
    private final HtmlSanitizer sanitizer;
    /** The notes' heading, in the site's language when it is known. */
    private final String footnotesHeading;
    /** {@code lang="<the site's language>" dir="<its direction>" }, for the engine's words in a body, or null. */
    private final String ownWords;
    private final SafeUrlSanitizer urls = new SafeUrlSanitizer(SafeUrlSanitizer.DEFAULT_SCHEMES);

    public MarkdownRenderer(MarkdownOptions options) {
        this.options = options;
        List<Extension> extensions = options.extensions()
                ? List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create(),
                        FootnotesExtension.create())
                : List.of();
        Parser.Builder parsing = Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES);
        if (options.pegdown()) {
            parsing.customBlockParserFactory(new PegdownHeadings());
        }
        this.parser = parsing.build();
        HtmlRenderer.Builder html = HtmlRenderer.builder()
                .extensions(extensions)
                .percentEncodeUrls(true)
                .escapeHtml(options.rawHtml() == MarkdownOptions.RawHtml.ESCAPE)
                .nodeRendererFactory(context -> new SilentNodes());
        if (options.hardWraps()) {
            html.softbreak("<br />\n");
        }
        if (options.safeUrls()) {
            html.sanitizeUrls(true).urlSanitizer(urls);
        }
        this.sanitizer = new HtmlSanitizer(options.embedHosts(), urls);
        if (options.headingIds() || options.safeUrls()) {
            html.attributeProviderFactory(context -> options.pegdown() ? WITHOUT_NOFOLLOW : JOURNAL);
        }
        this.renderer = html.build();
        this.ownWords = options.language() == null || options.language().isBlank() ? null
                : "lang=\"" + HtmlSanitizer.escape(options.language().strip()) + "\" dir=\""
                        + dev.journal.core.internal.Languages.direction(options.language()) + "\" ";
        this.footnotesHeading = FOOTNOTES + "<h2 class=\"footnotes-title\"" + (ownWords == null ? "" : " "
                + ownWords.strip()) + ">Notes</h2>\n";
    }

    public MarkdownOptions options() {
        return options;
    }

    /** A plain text (a title, a summary) with the same typography as bodies get. */
    public String typography(String plain) {
        return options.smart() && plain != null ? SmartPunctuation.text(plain) : plain;
    }

    /** Markdown to HTML only, as the CommonMark spec's examples use it. */
    public String toHtml(String markdown) {
        return render(markdown, 0, UnaryOperator.identity()).html();
    }

    /**
     * Renders one document.
     *
     * @param markdown  the body, without front matter
     * @param firstLine the line of the file on which the body starts (0 for none), for reported lines
     * @param links     rewrites each link and image destination (relative links, links to other
     *                  Markdown files); the identity to leave them
     */
    public MarkdownResult render(String markdown, int firstLine, UnaryOperator<String> links) {
        Node document = parser.parse(markdown);
        List<MarkdownResult.Reference> references = new ArrayList<>();
        boolean[] rawHtml = {false};
        int[] titleLevel = {0};
        List<MarkdownResult.Note> removed = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1 && titleLevel[0] == 0) {
                    titleLevel[0] = Math.max(1, line(heading, firstLine));
                }
                visitChildren(heading);
            }

            @Override
            public void visit(Link link) {
                references.add(new MarkdownResult.Reference(false, link.getDestination(), textOf(link),
                        line(link, firstLine)));
                link.setDestination(links.apply(link.getDestination()));
                if (options.safeUrls() && !link.getDestination().isBlank()
                        && urls.sanitizeLinkUrl(link.getDestination()).isEmpty()) {
                    removed.add(new MarkdownResult.Note(line(link, firstLine), "link to "
                            + SafeText.shorten(link.getDestination(), 60) + " removed: links lead only to relative"
                            + " addresses and to http, https, mailto, tel, ftp and ftps, so its text shows without it"));
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                references.add(new MarkdownResult.Reference(true, image.getDestination(), textOf(image),
                        line(image, firstLine)));
                image.setDestination(links.apply(image.getDestination()));
                visitChildren(image);
                if (options.safeUrls() && urls.sanitizeImageUrl(image.getDestination()).isEmpty()) {
                    // an image whose address is refused (or missing) is shown as its description
                    if (!image.getDestination().isBlank()) {
                        removed.add(new MarkdownResult.Note(line(image, firstLine), "image "
                                + SafeText.shorten(image.getDestination(), 60) + " removed: images come only from"
                                + " relative addresses and http, https, mailto, tel, ftp and ftps ones, so its description"
                                + " shows instead"));
                    }
                    for (Node alt = image.getFirstChild(); alt != null; alt = image.getFirstChild()) {
                        image.insertBefore(alt);
                    }
                    image.unlink();
                }
            }

            @Override
            public void visit(HtmlBlock html) {
                rawHtml[0] = true;
                removals(html.getLiteral(), line(html, firstLine));
                html.setLiteral(rawLinks(html.getLiteral(), line(html, firstLine)));
            }

            @Override
            public void visit(HtmlInline html) {
                rawHtml[0] = true;
                removals(html.getLiteral(), line(html, firstLine));
                html.setLiteral(rawLinks(html.getLiteral(), line(html, firstLine)));
            }

            /**
             * The links and images of raw HTML are among the references, checked as Markdown's are (a
             * missing file, a draft, a page the site will not have), each address read as the browser
             * reads it from the page; one that names a content file leads to its page, as in
             * Markdown. Shown as text, they are none.
             */
            private String rawLinks(String literal, int line) {
                if (options.rawHtml() == MarkdownOptions.RawHtml.ESCAPE) {
                    return literal;
                }
                List<RawLinks.Link> found = RawLinks.of(literal);
                for (RawLinks.Link l : found) {
                    references.add(new MarkdownResult.Reference(l.image(), l.destination(), l.text(),
                            line > 0 ? line + l.line() - 1 : 0, true));
                }
                // a content file's path leads to its page, as in Markdown; any other address is the
                // browser's to read from the page, as written
                return found.isEmpty() ? literal : RawLinks.rewrite(literal, found,
                        dest -> RawLinks.namesDocument(dest) ? links.apply(dest) : dest);
            }

            /** What the sanitiser will take out of a raw HTML node, which its author should know. */
            private void removals(String literal, int line) {
                if (options.rawHtml() == MarkdownOptions.RawHtml.SANITIZE) {
                    removalNotes(literal, line, removed);
                }
            }
        });
        List<MarkdownResult.Note> notes = new ArrayList<>(removed);
        if (options.extensions() && markdown.contains("[^")) {
            notes.addAll(footnoteNotes(document, markdown, firstLine));
        }
        notes.sort(java.util.Comparator.comparingInt(MarkdownResult.Note::line)); // stable: in order written
        if (options.smart()) {
            SmartPunctuation.apply(document);
        }
        List<dev.journal.core.parse.Heading> headings = options.headingIds()
                ? assignHeadingIds(document, markdown.contains("[^")) : List.of();
        // character references can write what the file cannot (&#1;, &#xFFFE;)
        String html = SafeText.clean(renderer.render(document));
        if (options.extensions() && html.contains(FOOTNOTES)) {
            html = html.replace(FOOTNOTES, footnotesHeading);
            if (ownWords != null) {
                html = html.replace(BACK_TO_REFERENCE, ownWords + BACK_TO_REFERENCE);
            }
        }
        if (rawHtml[0] && options.rawHtml() == MarkdownOptions.RawHtml.SANITIZE) {
            // only documents with raw HTML pay for parsing and cleaning their HTML
            html = sanitizer.clean(html);
        }
        return new MarkdownResult(html, headings.stream().map(MarkdownRenderer::safe).toList(),
                SafeText.clean(plainText(document, markdown.length())), SafeText.clean(firstParagraph(document)),
                references, rawHtml[0], titleLevel[0], List.copyOf(notes));
    }

    /**
     * Adds to {@code notes} what the sanitiser will take out of raw HTML that starts on line
     * {@code firstLine}: one warning per line, naming what goes.
     */
    private void removalNotes(String rawHtml, int firstLine, List<MarkdownResult.Note> notes) {
        Map<Integer, List<String>> byLine = new java.util.TreeMap<>();
        for (HtmlSanitizer.Removal r : sanitizer.removals(rawHtml)) {
            byLine.computeIfAbsent(firstLine <= 0 ? 0 : firstLine + r.line() - 1, k -> new ArrayList<>()).add(r.what());
        }
        byLine.forEach((at, what) -> notes.add(new MarkdownResult.Note(at, "raw HTML removed from the page: "
                + String.join(", ", what) + " (journal.markdown.html=sanitize keeps safe markup only)")));
    }

    private static dev.journal.core.parse.Heading safe(dev.journal.core.parse.Heading h) {
        String text = SafeText.clean(h.text());
        return text.equals(h.text()) ? h : new dev.journal.core.parse.Heading(h.level(), h.id(), text);
    }

    /**
     * A document written in HTML (JBake's {@code .html} content files), under the same raw HTML
     * policy as HTML in Markdown: cleaned, kept, or shown as text.
     */
    public MarkdownResult renderHtml(String html) {
        return renderHtml(html, 1);
    }

    /**
     * As {@link #renderHtml(String)}, for a body that starts on line {@code firstLine} of its file:
     * what the sanitiser removes is noted on its line (with 0, HTML made from the file, on none).
     */
    public MarkdownResult renderHtml(String html, int firstLine) {
        List<MarkdownResult.Note> notes = new ArrayList<>();
        String out;
        Element body;
        switch (options.rawHtml()) {
            case SANITIZE -> {
                removalNotes(html, firstLine, notes);
                body = sanitizer.cleanDocument(html).body();
                out = body.html();
            }
            case TRUST -> {
                body = Jsoup.parseBodyFragment(html).body();
                out = html;
            }
            default -> {
                out = "<pre>" + HtmlSanitizer.escape(html) + "</pre>\n";
                body = Jsoup.parseBodyFragment(out).body();
            }
        }
        // as in Markdown, the first paragraph with text: one of images alone has none
        String first = body.select("p").stream().map(Element::text).filter(t -> !t.isBlank()).findFirst().orElse("");
        return new MarkdownResult(SafeText.clean(out), List.of(), SafeText.clean(body.text()) + "\n",
                SafeText.clean(first), List.of(), true, 0, List.copyOf(notes));
    }

    private static int line(Node node, int firstLine) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty() || firstLine <= 0) {
            return 0;
        }
        return firstLine + spans.get(0).getLineIndex();
    }

    /**
     * Ids that headings never take: the ones the built-in theme's templates give their own elements.
     * A body is printed inside {@code layout.ftlh}'s {@code <main id="main">}, beside
     * {@code post.ftlh}'s contents, author notes, citation and further reading, whose titles carry
     * ids; the search page's form and results are reserved too, since a site's own layout may put a
     * search box on every page. A test holds this set to the ids written in the templates.
     */
    public static final Set<String> RESERVED_IDS = Set.of("main", "toc-title", "about-authors-title", "cite-title",
            "related-title", "search-form", "search-input", "search-hint", "search-status", "search-results",
            "search-more");

    /**
     * Gives every heading an id unique within the page. The id is the heading's text made into an
     * identifier as commonmark's {@link IdGenerator} makes it ({@link #identifier}; {@code h-} before
     * one that would start with a digit); when another heading already has it, or it is one of the
     * {@link #RESERVED_IDS} or the id of a footnote or footnote reference, it gets {@code -1},
     * {@code -2}... counting on until the id is free. A heading whose id is free keeps it, so links
     * to it stay good. The text is lower-cased here, independently of the JVM's locale (a Turkish
     * default changes {@code I}). The generator's own numbering of repeated texts is not used: it
     * gives {@code x}, {@code x-1}, {@code x-1} for the headings {@code x}, {@code x}, {@code x 1}.
     */
    private static List<dev.journal.core.parse.Heading> assignHeadingIds(Node document, boolean mayHaveFootnotes) {
        FootnoteIds footnotes = mayHaveFootnotes ? FootnoteIds.of(document) : FootnoteIds.NONE;
        Set<String> taken = new HashSet<>(RESERVED_IDS);
        Map<String, Integer> next = new HashMap<>(); // per identifier, the first suffix not yet tried
        List<dev.journal.core.parse.Heading> toc = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = textOf(heading).strip();
                String base = identifier(text.toLowerCase(Locale.ROOT));
                if (Character.isDigit(base.charAt(0))) { // never empty: "section" stands for nothing left
                    base = "h-" + base;
                }
                String id = base;
                if (footnotes.contains(id) || !taken.add(id)) {
                    int n = next.getOrDefault(base, 1);
                    while (footnotes.contains(id = base + "-" + n) || !taken.add(id)) {
                        n++;
                    }
                    next.put(base, n + 1);
                }
                heading.prependChild(new HeadingId(id));
                if (heading.getParent() instanceof Document) {
                    toc.add(new dev.journal.core.parse.Heading(heading.getLevel(), id, text));
                }
            }
        });
        return List.copyOf(toc);
    }

    /** The characters an identifier keeps, as commonmark's {@link IdGenerator} has them. */
    private static final Pattern ID_CHARACTERS = Pattern.compile("[\\w\\-_]+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * A heading's lower-cased text made into an identifier as {@link IdGenerator#generateId} makes
     * its first one (spaces become hyphens, only word characters, hyphens and underscores stay;
     * {@code section} when none is left), without a generator per heading, whose construction
     * compiles its pattern.
     */
    static String identifier(String lowerCased) {
        String hyphenated = lowerCased.replace(' ', '-');
        Matcher m = ID_CHARACTERS.matcher(hyphenated);
        StringBuilder id = new StringBuilder(hyphenated.length());
        while (m.find()) {
            id.append(hyphenated, m.start(), m.end());
        }
        return id.length() == 0 ? "section" : id.toString();
    }

    /** A footnote's citation as text: {@code [^label]}, where the footnotes extension found no note. */
    private static final Pattern UNRESOLVED_CITATION = Pattern.compile("\\[\\^([^\\]\\s]+)\\]");

    /**
     * Footnotes cited but never written (the citation is printed as written, {@code [^2]}) and
     * written but never cited (the extension leaves them out), each on its line. A citation whose
     * bracket is escaped in the source ({@code \[^2]}) is text meant as such.
     */
    private static List<MarkdownResult.Note> footnoteNotes(Node document, String markdown, int firstLine) {
        Map<String, FootnoteDefinition> written = new java.util.LinkedHashMap<>();
        Set<String> cited = new HashSet<>();
        List<MarkdownResult.Note> notes = new ArrayList<>();
        String[][] lines = {null}; // split only when a citation without its note is found
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomBlock block) {
                if (block instanceof FootnoteDefinition note) {
                    written.putIfAbsent(note.getLabel().toLowerCase(Locale.ROOT), note);
                }
                visitChildren(block);
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof FootnoteReference citation) {
                    cited.add(citation.getLabel().toLowerCase(Locale.ROOT));
                }
                visitChildren(node);
            }

            @Override
            public void visit(Text text) {
                String literal = text.getLiteral();
                if (literal.indexOf("[^") < 0) {
                    return; // most text: no citation the extension left as written
                }
                Matcher m = UNRESOLVED_CITATION.matcher(literal);
                String source = null;
                while (m.find()) {
                    if (source == null) {
                        if (lines[0] == null) {
                            lines[0] = markdown.split("\r\n|\r|\n", -1);
                        }
                        List<SourceSpan> spans = text.getSourceSpans();
                        source = spans.isEmpty() || spans.get(0).getLineIndex() >= lines[0].length ? ""
                                : lines[0][spans.get(0).getLineIndex()];
                    }
                    String label = m.group(1);
                    String citation = "[^" + label + "]";
                    int at = source.indexOf(citation);
                    while (at > 0 && source.charAt(at - 1) == '\\') {
                        at = source.indexOf(citation, at + 1);
                    }
                    if (at >= 0) {
                        notes.add(new MarkdownResult.Note(line(text, firstLine), "footnote " + citation + " has no"
                                + " note, so it shows as written: add the note on a line of its own, " + citation
                                + ": its text"));
                    }
                }
            }
        });
        written.forEach((key, note) -> {
            if (!cited.contains(key)) {
                String citation = "[^" + note.getLabel() + "]";
                notes.add(new MarkdownResult.Note(line(note, firstLine), "the note " + citation + " is cited nowhere"
                        + " in the text, so it is not shown: cite it with " + citation + " where it belongs, or"
                        + " remove it"));
            }
        });
        notes.sort(java.util.Comparator.comparingInt(MarkdownResult.Note::line));
        return List.copyOf(notes);
    }

    /**
     * The ids the footnotes extension writes, known from the labels of a document's notes: a note
     * labelled {@code L} is {@code fn-L}, its first reference {@code fnref-L}, its n-th
     * {@code fnref-L-n}. Every note defined counts, referenced or not, and n runs up to the number of
     * references in the document, so the set holds at least the ids written (it is asked rather than
     * listed, which would take notes times references).
     */
    private record FootnoteIds(Set<String> labels, int references) {

        /** A document without footnotes: its source has no {@code [^}. */
        static final FootnoteIds NONE = new FootnoteIds(Set.of(), 0);

        static FootnoteIds of(Node document) {
            Set<String> labels = new HashSet<>();
            int[] references = {0};
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.CustomBlock block) {
                    if (block instanceof FootnoteDefinition note) {
                        labels.add(note.getLabel());
                    }
                    visitChildren(block);
                }

                @Override
                public void visit(org.commonmark.node.CustomNode node) {
                    if (node instanceof FootnoteReference) {
                        references[0]++;
                    }
                    visitChildren(node);
                }
            });
            return new FootnoteIds(Set.copyOf(labels), references[0]);
        }

        boolean contains(String id) {
            if (labels.isEmpty()) {
                return false;
            }
            if (id.startsWith("fn-")) {
                return labels.contains(id.substring(3));
            }
            if (!id.startsWith("fnref-")) {
                return false;
            }
            String rest = id.substring(6);
            int dash = rest.lastIndexOf('-');
            return labels.contains(rest)
                    || dash > 0 && isRepeat(rest.substring(dash + 1)) && labels.contains(rest.substring(0, dash));
        }

        /** Whether {@code n} is the number of a note's second or later reference: 2 up to the references. */
        private boolean isRepeat(String n) {
            if (n.isEmpty() || n.length() > 9 || n.charAt(0) == '0') {
                return false;
            }
            for (int i = 0; i < n.length(); i++) {
                if (n.charAt(i) < '0' || n.charAt(i) > '9') {
                    return false;
                }
            }
            int number = Integer.parseInt(n);
            return number >= 2 && number <= references;
        }
    }

    /**
     * Puts each heading's id on it, and takes commonmark's {@code rel="nofollow"} off links within
     * the site (it stays on links to other sites).
     */
    private static final AttributeProvider ATTRIBUTES = (Node node, String tagName, Map<String, String> attributes) -> {
        if (node instanceof Heading && node.getFirstChild() instanceof HeadingId id) {
            attributes.put("id", id.id);
        } else if (node instanceof Link && "nofollow".equals(attributes.get("rel"))) {
            String href = attributes.getOrDefault("href", "");
            if (!href.startsWith("//") && (href.startsWith("/") || href.startsWith("#") || href.startsWith("mailto:")
                    || dev.journal.core.parse.UrlPolicy.isRelative(href))) {
                attributes.remove("rel");
            }
        }
    };

    /**
     * As {@link #ATTRIBUTES}, for the journal's layout: a code block's {@code <pre>} and a table,
     * which scroll sideways on a narrow screen, can be reached by keyboard ({@code tabindex="0"},
     * WCAG 2.1.1); a column's alignment is a class ({@code align-right}) rather than the
     * {@code align} attribute, which HTML no longer has, and which the theme's styles set.
     */
    private static final AttributeProvider JOURNAL = (Node node, String tagName, Map<String, String> attributes) -> {
        ATTRIBUTES.setAttributes(node, tagName, attributes);
        if (tagName.equals("pre") || node instanceof org.commonmark.ext.gfm.tables.TableBlock && tagName.equals("table")) {
            attributes.put("tabindex", "0");
        } else if (node instanceof org.commonmark.ext.gfm.tables.TableCell && attributes.containsKey("align")) {
            String align = attributes.remove("align");
            String kept = attributes.get("class");
            attributes.put("class", (kept == null ? "" : kept + " ") + "align-" + align);
        }
    };

    /** As {@link #ATTRIBUTES}, with commonmark's {@code rel="nofollow"} taken off every link, as JBake's Markdown adds none. */
    private static final AttributeProvider WITHOUT_NOFOLLOW = (Node node, String tagName, Map<String, String> attributes) -> {
        ATTRIBUTES.setAttributes(node, tagName, attributes);
        if (node instanceof Link && "nofollow".equals(attributes.get("rel"))) {
            attributes.remove("rel");
        }
    };

    /** The text of a node's inline content: text, code spans, and line breaks as spaces. */
    static String textOf(Node node) {
        return textOf(node, new StringBuilder(), false).toString();
    }

    /**
     * Appends {@link #textOf(Node)} to {@code sb}, with {@code <br>} tags as spaces too when
     * {@code htmlBreaks} (prose; a heading's text keeps the id it has always had); returns {@code sb}.
     */
    private static StringBuilder textOf(Node node, StringBuilder sb, boolean htmlBreaks) {
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(HtmlInline html) {
                if (htmlBreaks && BREAK_TAG.matcher(html.getLiteral()).matches()) {
                    sb.append(' '); // a line break written in HTML parts words as Markdown's does
                }
            }
        });
        return sb;
    }

    private static final Pattern BREAK_TAG = Pattern.compile(
            "(?i)<br(?:[\\s/][^>]*)?>");

    /**
     * The prose of the document, block by block on separate lines; code blocks and HTML left out.
     * Written into one buffer of about the size of the Markdown it came from ({@code sizeHint}).
     */
    private static String plainText(Node document, int sizeHint) {
        StringBuilder sb = new StringBuilder(Math.max(16, sizeHint));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                textOf(paragraph, sb, true).append('\n');
            }

            @Override
            public void visit(Heading heading) {
                textOf(heading, sb, false).append('\n');
            }

            @Override
            public void visit(FencedCodeBlock block) {
                // code is not prose
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                // code is not prose
            }

            @Override
            public void visit(org.commonmark.node.CustomBlock block) {
                if (block instanceof FootnoteDefinition) {
                    visitChildren(block);
                } else {
                    // tables and other extension blocks: one line per block of cells
                    cellsText(block, sb);
                    sb.append('\n');
                }
            }
        });
        return sb.toString();
    }

    private static void cellsText(Node block, StringBuilder sb) {
        for (Node n = block.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.ext.gfm.tables.TableCell) {
                textOf(n, sb, true).append(' ');
            } else {
                cellsText(n, sb);
            }
        }
    }

    /**
     * The text of the first top-level paragraph that has text of its own or, when there is none, of
     * the first quote that opens with such a paragraph; empty when neither is there. A paragraph of
     * images alone (linked or not, side by side or on lines of their own) is a figure, not prose:
     * their descriptions would make the summary of an article that opens with a chart. (An image
     * whose address was refused is already its description, shown as text, and counts as text.)
     */
    private static String firstParagraph(Node document) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph && hasOwnText(n)) {
                return textOf(n, new StringBuilder(), true).toString().strip();
            }
        }
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof BlockQuote && n.getFirstChild() instanceof Paragraph p && hasOwnText(p)) {
                return textOf(p, new StringBuilder(), true).toString().strip();
            }
        }
        return "";
    }

    /**
     * Whether a paragraph has text outside the descriptions of its images: text, in a link or not,
     * or a code span. Line breaks, raw HTML and footnote references are not text.
     */
    private static boolean hasOwnText(Node paragraph) {
        boolean[] own = {false};
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                own[0] |= !text.getLiteral().isBlank();
            }

            @Override
            public void visit(Code code) {
                own[0] |= !code.getLiteral().isBlank();
            }

            @Override
            public void visit(Image image) {
                // its description is the image's, not the paragraph's
            }
        });
        return own[0];
    }

    /** Renders the id carriers to nothing. */
    private static final class SilentNodes implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HeadingId.class);
        }

        @Override
        public void render(Node node) {
            // nothing: the id is emitted as the heading's attribute
        }
    }
}
