package dev.journal.core.internal.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * The links ({@code <a href>}) and images ({@code <img src>}) that an author wrote in raw HTML
 * within Markdown, found with where each address stands in the piece, so that they are checked as
 * Markdown's links and images are, and an address written as a content file's path
 * ({@code other.md}) leads to that file's page as in Markdown.
 */
public final class RawLinks {

    private RawLinks() {
    }

    /**
     * A link or image of a piece of raw HTML.
     *
     * @param image       an {@code <img>}'s {@code src} rather than an {@code <a>}'s {@code href}
     * @param destination the address, its character references decoded
     * @param text        the link's text, or the image's {@code alt} (null when it has none)
     * @param line        the line of the piece on which the address stands, from 1
     * @param from        where the address's characters start in the piece
     * @param to          where they end
     */
    public record Link(boolean image, String destination, String text, int line, int from, int to) {
    }

    /** The links and images of {@code rawHtml}, in the order written; none when it names no address. */
    public static List<Link> of(String rawHtml) {
        String lower = rawHtml.toLowerCase(Locale.ROOT);
        if (!lower.contains("href") && !lower.contains("src")) {
            return List.of(); // most raw HTML: <br>, <sup>, closing tags
        }
        Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(rawHtml, "");
        List<Link> found = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            String key = tag.equals("a") ? "href" : tag.equals("img") ? "src" : null;
            if (key == null || !e.hasAttr(key)) {
                continue;
            }
            Attribute attribute = e.attribute(key);
            Range value = attribute.sourceRange().valueRange();
            if (!value.isTracked()) {
                continue;
            }
            int from = value.start().pos();
            int to = value.end().pos();
            if (!seen.add(from)) {
                continue; // an element the parser made again for mis-nested markup: the same address
            }
            String text = tag.equals("img") ? (e.hasAttr("alt") ? e.attr("alt") : null) : e.text();
            found.add(new Link(tag.equals("img"), attribute.getValue(), text,
                    Math.max(1, value.start().lineNumber()), from, to));
        }
        return found;
    }

    /**
     * Whether an address names a content file (a Markdown file), which leads to its page: a path
     * (no scheme) ending in {@code .md} or {@code .markdown}, before any {@code #} or {@code ?}.
     */
    public static boolean namesDocument(String dest) {
        if (dest.startsWith("//") || dest.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return false;
        }
        return isDocumentPath(dest.substring(0, pathEnd(dest)));
    }

    /** Whether a path names a Markdown file: {@code .md} or {@code .markdown}, in any case. */
    public static boolean isDocumentPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown");
    }

    /** Where an address's path ends: at its first {@code ?} or {@code #}, whichever comes first, else at its end. */
    public static int pathEnd(String address) {
        int end = address.length();
        for (char c : new char[] {'?', '#'}) {
            int at = address.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return end;
    }

    /**
     * {@code rawHtml} with the path of each address of its links and images (before any {@code ?}
     * or {@code #}, when written without character references) replaced by what {@code rewrite}
     * makes of it; the rest of the piece stays as written.
     */
    public static String rewrite(String rawHtml, List<Link> links, UnaryOperator<String> rewrite) {
        StringBuilder out = null;
        List<Link> backwards = new ArrayList<>(links);
        backwards.sort(Comparator.comparingInt(Link::from).reversed());
        int before = Integer.MAX_VALUE; // where the last address replaced starts: later ones never overlap it
        for (Link link : backwards) {
            if (link.to() > before || link.from() >= link.to() || link.to() > rawHtml.length()) {
                continue;
            }
            // the path alone is replaced; a query or fragment stays as written, character references and all
            String written = rawHtml.substring(link.from(), link.to());
            int cut = pathEnd(written);
            String path = written.substring(0, cut);
            if (path.isEmpty() || path.indexOf('&') >= 0 || path.indexOf('"') >= 0 || path.indexOf('\'') >= 0
                    || !link.destination().startsWith(path)) {
                continue; // written with character references: left as written
            }
            String made = rewrite.apply(path);
            if (made.equals(path) || made.isEmpty() || made.chars().anyMatch(c -> c == '"' || c == '\''
                    || c == '&' || c == '<' || c == '>' || c == '`' || c == '=' || c == '?' || c == '#'
                    || Character.isWhitespace(c))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(rawHtml);
            }
            out.replace(link.from(), link.from() + cut, made);
            before = link.from();
        }
        return out == null ? rawHtml : out.toString();
    }
}
