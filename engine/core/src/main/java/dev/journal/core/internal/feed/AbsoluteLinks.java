package dev.journal.core.internal.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes the links of an article's HTML absolute, for feeds: a feed reader shows the HTML away from
 * the page it was written for, and resolves relative links unpredictably (against the feed, or
 * not at all). The HTML is parsed with jsoup, so links in raw HTML blocks are found as well as
 * Markdown's.
 */
public final class AbsoluteLinks {

    /** Attributes holding one URL. */
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "poster", "cite", "data", "action");

    private AbsoluteLinks() {
    }

    /**
     * The HTML with every relative URL resolved against {@code pageUrl}, the absolute URL of the
     * page the HTML was written for (its links are relative to that page).
     */
    public static String resolve(String html, String pageUrl) {
        if (html.indexOf('<') < 0) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html, pageUrl);
        doc.outputSettings().prettyPrint(false);
        URI base = URI.create(pageUrl);
        for (Element e : doc.body().getAllElements()) {
            for (String name : URL_ATTRIBUTES) {
                if (e.hasAttr(name) && !hasScheme(e.attr(name))) {
                    String abs = e.absUrl(name);
                    if (!abs.isEmpty()) {
                        e.attr(name, abs);
                    }
                }
            }
            if (e.hasAttr("srcset")) {
                e.attr("srcset", srcset(e.attr("srcset"), base));
            }
        }
        return doc.body().html();
    }

    /** {@code a.png 1x, b.png 2x}: each candidate's URL resolved, its descriptor kept. */
    private static String srcset(String value, URI base) {
        StringBuilder out = new StringBuilder(value.length() + 64);
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) {
                continue;
            }
            int space = c.indexOf(' ');
            String url = space < 0 ? c : c.substring(0, space);
            String rest = space < 0 ? "" : c.substring(space);
            if (!hasScheme(url)) {
                try {
                    url = base.resolve(new URI(url)).toString();
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a URL this can resolve; left as written
                }
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(url).append(rest);
        }
        return out.toString();
    }

    /** Whether a URL names its scheme ({@code https:}, {@code mailto:}): those are left alone. */
    static boolean hasScheme(String url) {
        String u = url.strip();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == ':') {
                return i > 0;
            }
            boolean schemeChar = i == 0 ? Character.isLetter(c)
                    : Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
            if (!schemeChar || c > 0x7f) {
                return false;
            }
        }
        return false;
    }
}
