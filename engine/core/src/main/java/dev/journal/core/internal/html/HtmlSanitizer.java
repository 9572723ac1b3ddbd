package dev.journal.core.internal.html;

import dev.journal.core.Problem;
import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.markdown.SafeUrlSanitizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Cleans HTML written by authors with jsoup's {@link Cleaner} and an allow-list: the formatting,
 * structure, tables, figures, images and media an article needs, and the markup this engine
 * generates itself (heading ids, footnotes, code languages); no scripts, event handlers,
 * {@code <base>}, {@code <meta>}, {@code <link>}, {@code <style>}, forms, objects or embeds. URLs
 * follow the same scheme allow-list as Markdown links; {@code <iframe>}s stay only when they load
 * an {@code https} page of an allowed host; {@code style} attributes stay only when every
 * declaration is in a short list of harmless properties with plain values.
 *
 * <p>Thread-safe and shared: the allow-list is immutable after construction.
 */
public final class HtmlSanitizer {

    /** Attributes whose value is a URL, by element. */
    private static final Map<String, Set<String>> URL_ATTRIBUTES = Map.of(
            "a", Set.of("href"),
            "img", Set.of("src"),
            "q", Set.of("cite"),
            "blockquote", Set.of("cite"),
            "del", Set.of("cite"),
            "ins", Set.of("cite"),
            "video", Set.of("src", "poster"),
            "audio", Set.of("src"),
            "source", Set.of("src"),
            "iframe", Set.of("src"));

    /** CSS properties a {@code style} attribute may set. */
    private static final Set<String> CSS_PROPERTIES = Set.of("text-align", "vertical-align", "width", "height",
            "max-width", "min-width", "color", "background-color", "font-weight", "font-style", "font-variant",
            "text-decoration", "text-transform", "white-space", "list-style-type", "float", "clear",
            "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style",
            "border-width", "border-collapse", "border-spacing", "padding", "padding-top", "padding-right",
            "padding-bottom", "padding-left", "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
            "line-height", "letter-spacing");

    /** A CSS value of words, numbers, units and colours: no url(), expression(), escape or comment. */
    private static final Pattern CSS_VALUE = Pattern.compile(
            "(?:[\\s,]|[#%.+a-z0-9-]+|(?:rgb|rgba|hsl|hsla)\\([\\s\\d.,%a-z]*\\))+");

    /**
     * Deepest nesting of elements accepted: far beyond any article (browsers stop nesting at 512),
     * low enough that cleaning stays fast.
     */
    public static final int MAX_DEPTH = 256;

    private final Set<String> embedHosts;
    private final SafeUrlSanitizer urls;
    private final Safelist safelist;

    /**
     * @param embedHosts hosts whose pages may be embedded; a host also allows its subdomains
     * @param urls       the URL policy of links and images
     */
    public HtmlSanitizer(Set<String> embedHosts, SafeUrlSanitizer urls) {
        this.embedHosts = Set.copyOf(embedHosts);
        this.urls = urls;
        this.safelist = new Policy();
    }

    /** An HTML fragment (a page's body) cleaned; formatting and text as they were, markup rewritten by jsoup. */
    public String clean(String html) {
        return cleanDocument(html).body().html();
    }

    /** An HTML fragment cleaned, as a document to read text from. */
    public Document cleanDocument(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, "");
        int[] depth = {0};
        NodeTraversor.traverse((node, d) -> depth[0] = Math.max(depth[0], d), dirty.body());
        if (depth[0] > MAX_DEPTH) {
            // jsoup's cleaner does work in proportion to the depth for every element
            throw new IllegalArgumentException("its HTML is nested " + depth[0] + " elements deep; at most "
                    + MAX_DEPTH + " are allowed");
        }
        for (Element frame : dirty.body().select("iframe")) {
            if (!embeddable(frame.attr("src"))) {
                frame.remove();
            }
        }
        Document clean = new Cleaner(safelist).clean(dirty);
        // character references in raw HTML (&#1;) are decoded by now; jsoup would write them back
        NodeTraversor.traverse((node, d) -> {
            if (node instanceof TextNode text) {
                String safe = SafeText.clean(text.getWholeText());
                if (!safe.equals(text.getWholeText())) {
                    text.text(safe);
                }
            } else if (node instanceof Element element) {
                for (Attribute a : element.attributes()) {
                    a.setValue(SafeText.clean(a.getValue()));
                }
            }
        }, clean.body());
        // an image or a media source whose address was refused is no use; an image leaves its description
        for (Element img : clean.body().select("img")) {
            if (img.attr("src").isBlank()) {
                img.replaceWith(new TextNode(img.attr("alt")));
            }
        }
        for (Element source : clean.body().select("source")) {
            if (source.attr("src").isBlank()) {
                source.remove();
            }
        }
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return clean;
    }

    /** A start tag without attributes, or an end tag. */
    private static final Pattern BARE_TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)\\s*/?>");

    /** Something cleaning takes out of raw HTML, on a line of it (counted from 1). */
    public record Removal(int line, String what) {
    }

    /**
     * What cleaning would take out of a piece of raw HTML, in the order written: elements
     * ({@code <script>}, an {@code <iframe>} from a host not allowed) and attributes
     * ({@code onclick}, an {@code href} whose address is refused). Comments, which no reader sees,
     * are not named. Cheap enough for every raw HTML block: the piece alone is parsed.
     */
    public List<Removal> removals(String rawHtml) {
        if (rawHtml.indexOf('<') < 0 || rawHtml.startsWith("</") && rawHtml.indexOf('<', 1) < 0) {
            return List.of();
        }
        Matcher bare = BARE_TAG.matcher(rawHtml);
        if (bare.matches() && safelist.isSafeTag(bare.group(1).toLowerCase(Locale.ROOT))) {
            return List.of(); // the commonest inline HTML, <br> or <sup>, without parsing it
        }
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(rawHtml, "");
        List<Removal> found = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("#root") || tag.equals("html") || tag.equals("head") || tag.equals("body")) {
                continue; // made by the parser around the piece
            }
            int line = Math.max(1, e.sourceRange().start().lineNumber());
            if (!safelist.isSafeTag(tag)) {
                found.add(new Removal(line, "<" + tag + ">"));
                continue;
            }
            if (tag.equals("iframe") && !embeddable(e.attr("src"))) {
                found.add(new Removal(line, "<iframe> from a host not in journal.markdown.html.embeds"));
                continue;
            }
            for (Attribute a : e.attributes()) {
                if (!safelist.isSafeAttribute(tag, e, a)) {
                    found.add(new Removal(line, a.getKey() + "=" + Problem.quote(SafeText.shorten(a.getValue(), 40))
                            + " of <" + tag + ">"));
                }
            }
        }
        return found;
    }

    /** Text escaped for HTML, for raw HTML that is to be shown rather than kept. */
    public static String escape(String text) {
        return Entities.escape(text);
    }

    /** Whether a frame's address is an {@code https} page on an allowed host. */
    boolean embeddable(String src) {
        try {
            URI uri = new URI(src.strip());
            String host = uri.getHost();
            if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || uri.getRawUserInfo() != null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return embedHosts.stream().anyMatch(allowed -> h.equals(allowed) || h.endsWith("." + allowed));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean safeUrl(String value) {
        return value.isBlank() || !urls.sanitizeLinkUrl(value).isEmpty();
    }

    /** Every candidate of a {@code srcset} ("url 2x, url 640w") at a safe address. */
    private boolean safeSrcset(String srcset) {
        for (String candidate : srcset.split(",")) {
            String url = candidate.strip().split("\\s+", 2)[0];
            if (url.isEmpty() || !safeUrl(url)) {
                return false;
            }
        }
        return true;
    }

    static boolean safeStyle(String style) {
        for (String declaration : style.split(";", -1)) {
            if (declaration.isBlank()) {
                continue;
            }
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                return false;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (!CSS_PROPERTIES.contains(property) || !CSS_VALUE.matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The allow-list, with URL and style checks on top of jsoup's attribute list. */
    private final class Policy extends Safelist {
        Policy() {
            addTags("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
                    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins",
                    "p", "div", "blockquote", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
                    "ol", "ul", "li", "dl", "dt", "dd", "figure", "figcaption", "details", "summary", "section",
                    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "img", "picture", "video", "audio", "source", "iframe");
            addAttributes(":all", "id", "class", "title", "lang", "dir", "role", "style", "aria-label",
                    "aria-labelledby", "aria-describedby", "aria-hidden");
            // the journal's Markdown makes code blocks and tables that scroll reachable by keyboard
            addAttributes("pre", "tabindex");
            addAttributes("code", "data-lang"); // an AsciiDoc source block's language, as Asciidoctor writes it
            addAttributes("table", "tabindex");
            addAttributes("a", "href", "name", "rel", "hreflang", "data-footnote-ref", "data-footnote-backref",
                    "data-footnote-backref-idx");
            addAttributes("section", "data-footnotes");
            addAttributes("blockquote", "cite");
            addAttributes("q", "cite");
            addAttributes("del", "cite", "datetime");
            addAttributes("ins", "cite", "datetime");
            addAttributes("time", "datetime");
            addAttributes("data", "value");
            addAttributes("ol", "start", "type", "reversed");
            addAttributes("li", "value");
            addAttributes("details", "open");
            addAttributes("colgroup", "span");
            addAttributes("col", "span");
            addAttributes("th", "colspan", "rowspan", "scope", "align", "abbr");
            addAttributes("td", "colspan", "rowspan", "align");
            addAttributes("img", "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding");
            addAttributes("video", "src", "poster", "controls", "width", "height", "preload", "loop", "muted",
                    "playsinline");
            addAttributes("audio", "src", "controls", "preload", "loop", "muted");
            addAttributes("source", "src", "srcset", "sizes", "type", "media");
            addAttributes("iframe", "src", "width", "height", "allow", "allowfullscreen", "loading",
                    "referrerpolicy", "frameborder");
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            if (!super.isSafeAttribute(tagName, element, attribute)) {
                return false;
            }
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (key.equals("style")) {
                return safeStyle(value);
            }
            if (key.equals("srcset")) {
                return safeSrcset(value);
            }
            if (URL_ATTRIBUTES.getOrDefault(tagName.toLowerCase(Locale.ROOT), Set.of()).contains(key)) {
                return tagName.equalsIgnoreCase("iframe") ? embeddable(value) : safeUrl(value);
            }
            return true;
        }
    }
}
