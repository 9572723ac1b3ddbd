package dev.journal.core.internal.markdown;

import java.util.Locale;
import java.util.Set;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Allows links and images only to relative URLs and to the schemes of an allow-list; anything else
 * ({@code javascript:}, {@code vbscript:}, {@code data:}, {@code file:}, ...) becomes an empty URL.
 *
 * <p>Written here rather than using commonmark's default sanitizer because that one lower-cases the
 * scheme with the JVM's default locale (a Turkish default turns {@code MAILTO} into {@code maılto})
 * and allows {@code data:}.
 */
public final class SafeUrlSanitizer implements UrlSanitizer {

    public static final Set<String> DEFAULT_SCHEMES = Set.of("http", "https", "mailto", "tel", "ftp", "ftps");

    private final Set<String> schemes;

    public SafeUrlSanitizer(Set<String> schemes) {
        this.schemes = Set.copyOf(schemes);
    }

    @Override
    public String sanitizeLinkUrl(String url) {
        String u = url.strip();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '/' || c == '#' || c == '?') {
                return u;
            }
            if (c == ':') {
                return schemes.contains(u.substring(0, i).toLowerCase(Locale.ROOT)) ? u : "";
            }
        }
        return u;
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return sanitizeLinkUrl(url);
    }
}
