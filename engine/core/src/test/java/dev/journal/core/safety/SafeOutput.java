package dev.journal.core.safety;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.internal.SafeText;
import dev.journal.core.internal.markdown.SafeUrlSanitizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * An outside judge of a built site's safety, whatever produced it (templates, generators, content):
 * no script or event handler that content could have put there, no dangerous URL scheme, no frame
 * from an unlisted host, every XML file and JSON document well-formed, no control character in any
 * text file or file name. Used on every hostile fixture, so it keeps judging feeds, JSON-LD and
 * search indexes as they are added to the engine.
 */
public final class SafeOutput {

    /** What every hostile payload calls, so a leak into any script is easy to spot. */
    public static final String PAYLOAD = "pwn(";

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("base", "object", "embed", "applet", "frame",
            "frameset", "form", "input", "button", "textarea", "select", "math", "svg", "template");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "poster", "cite",
            "data", "background", "longdesc", "usemap", "xlink:href", "ping", "manifest", "codebase");
    private static final Set<String> TEXT_TYPES = Set.of("html", "htm", "xml", "rss", "atom", "json", "txt", "css",
            "js", "svg", "webmanifest");
    private static final SafeUrlSanitizer URLS = new SafeUrlSanitizer(SafeUrlSanitizer.DEFAULT_SCHEMES);
    private static final JsonFactory JSON = new JsonFactory();

    private SafeOutput() {
    }

    /** Every violation in the site at {@code root}, as {@code file: what}; empty when the site is safe. */
    public static List<String> violations(Path root, Set<String> embedHosts) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            SafePaths.problem(rel).ifPresent(why -> out.add(rel + ": unsafe file name: " + why));
            String ext = rel.substring(rel.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!TEXT_TYPES.contains(ext)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                out.add(rel + ": not UTF-8");
                continue;
            }
            int bad = SafeText.firstUnsafe(text);
            if (bad >= 0) {
                out.add(String.format(Locale.ROOT, "%s: control or non-character U+%04X at offset %d", rel,
                        text.codePointAt(bad), bad));
            }
            switch (ext) {
                case "html", "htm" -> html(rel, text, embedHosts, out);
                case "xml", "rss", "atom", "svg" -> xml(rel, bytes, out);
                case "json", "webmanifest" -> json(rel, text, out);
                default -> { }
            }
        }
        return out;
    }

    private static void html(String rel, String text, Set<String> embedHosts, List<String> out) {
        Document doc = Jsoup.parse(text);
        NodeTraversor.traverse((node, depth) -> {
            // character references (&#1;) decoded: as invalid as the characters themselves
            if (node instanceof TextNode t && SafeText.firstUnsafe(t.getWholeText()) >= 0) {
                out.add(rel + ": a control or non-character in the text: " + t.outerHtml());
            }
        }, doc);
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("img") && e.attr("src").isBlank()) {
                out.add(rel + ": an image without an address: " + e.outerHtml());
            }
            if (FORBIDDEN_ELEMENTS.contains(tag) && !themeSearchForm(e)) {
                out.add(rel + ": <" + tag + ">");
            }
            if (tag.equals("meta") && e.hasAttr("http-equiv")) {
                out.add(rel + ": <meta http-equiv=" + e.attr("http-equiv") + ">");
            }
            if (tag.equals("script")) {
                script(rel, e, out);
            }
            if (tag.equals("style") && e.parents().stream().noneMatch(p -> p.normalName().equals("head"))) {
                out.add(rel + ": <style> outside the head");
            }
            if (tag.equals("iframe") && !embeddable(e.attr("src"), embedHosts)) {
                out.add(rel + ": <iframe src=" + e.attr("src") + ">");
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (SafeText.firstUnsafe(a.getValue()) >= 0) {
                    out.add(rel + ": a control or non-character in " + key + " on <" + tag + ">");
                }
                if (key.startsWith("on")) {
                    out.add(rel + ": event handler " + key + " on <" + tag + ">");
                } else if (key.equals("srcdoc") || key.equals("srcset") && a.getValue().contains(":")) {
                    out.add(rel + ": " + key + " on <" + tag + ">");
                } else if (URL_ATTRIBUTES.contains(key) && !a.getValue().isBlank()
                        && URLS.sanitizeLinkUrl(a.getValue()).isEmpty()) {
                    out.add(rel + ": " + key + "=" + a.getValue() + " on <" + tag + ">");
                } else if (key.equals("style")) {
                    String v = a.getValue().toLowerCase(Locale.ROOT);
                    if (v.contains("expression") || v.contains("url(") || v.contains("javascript")
                            || v.contains("behavior") || v.contains("binding") || v.contains("\\")) {
                        out.add(rel + ": style=" + a.getValue());
                    }
                }
            }
        }
    }

    /**
     * The theme's search form: a {@code role=search} form that submits nowhere but to the page
     * itself (no action, or a relative one), and its field and button. Content never makes one: the
     * sanitiser removes forms.
     */
    private static boolean themeSearchForm(Element e) {
        Element form = e.normalName().equals("form") ? e : e.closest("form");
        if (form == null || !form.attr("role").equals("search")) {
            return false;
        }
        String action = form.attr("action").strip();
        boolean local = action.isEmpty() || !action.contains(":") && !action.startsWith("//");
        return local && Set.of("form", "input", "button").contains(e.normalName());
    }

    /**
     * Scripts: only JSON-LD (well-formed, never closing its element early; a payload in it is data)
     * and the site's own files.
     */
    private static void script(String rel, Element e, List<String> out) {
        String data = e.data();
        String type = e.attr("type").strip().toLowerCase(Locale.ROOT);
        if (data.contains(PAYLOAD) && !type.equals("application/ld+json")) {
            out.add(rel + ": the payload in a script");
        }
        if (type.equals("application/ld+json")) {
            if (data.contains("<!--") || data.toLowerCase(Locale.ROOT).contains("</script")) {
                out.add(rel + ": JSON-LD that an HTML parser could misread");
            }
            json(rel + " (JSON-LD)", data, out);
            return;
        }
        String src = e.attr("src");
        if (src.isEmpty() || !URLS.sanitizeLinkUrl(src).equals(src.strip()) || src.startsWith("//")
                || src.contains(":")) {
            out.add(rel + ": a script that is not one of the site's own files: " + e.outerHtml());
        }
    }

    private static boolean embeddable(String src, Set<String> hosts) {
        try {
            URI uri = new URI(src.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equals(uri.getScheme())
                    && hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void xml(String rel, byte[] bytes, List<String> out) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setNamespaceAware(true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            out.add(rel + ": not well-formed XML: " + e.getMessage());
        }
    }

    private static void json(String rel, String text, List<String> out) {
        try (JsonParser p = JSON.createParser(text)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().contains(PAYLOAD)
                        && p.getText().contains("&lt;")) {
                    out.add(rel + ": HTML-escaped text in JSON: " + p.getText());
                }
            }
        } catch (IOException e) {
            out.add(rel + ": not well-formed JSON: " + e.getMessage());
        }
    }
}
