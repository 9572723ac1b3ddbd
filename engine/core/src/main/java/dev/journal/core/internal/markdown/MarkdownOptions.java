package dev.journal.core.internal.markdown;

import dev.journal.core.config.SiteConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Markdown stage does beyond the CommonMark spec.
 *
 * @param extensions  GFM tables, strikethrough, autolinks and footnotes
 * @param headingIds  an id on every heading, for anchors and the table of contents
 * @param smart       curly quotes, dashes and ellipses
 * @param safeUrls    links and images only to relative URLs and allowed schemes
 * @param hardWraps   a line break inside a paragraph is a {@code <br>}, as pegdown's HARDWRAPS makes it
 * @param rawHtml     what happens to HTML written in the content
 * @param embedHosts  hosts whose pages may be embedded with {@code <iframe>} when sanitising
 * @param pegdown     JBake's Markdown (pegdown) where sites rely on it: {@code ##Title} without a space is a
 *                    heading, and links to other sites get no {@code rel="nofollow"} (the journal's do)
 * @param language    the site's language, which the engine's own words in a body (the notes' heading, the
 *                    links back to a note's reference) are marked with, as a body may be in another; null:
 *                    not marked
 */
public record MarkdownOptions(boolean extensions, boolean headingIds, boolean smart, boolean safeUrls,
        boolean hardWraps, RawHtml rawHtml, Set<String> embedHosts, boolean pegdown, String language) {

    /** What happens to raw HTML in Markdown, and to {@code .html} content files. */
    public enum RawHtml {
        /** Kept, through an allow-list of elements, attributes, URL schemes and embedded hosts. */
        SANITIZE,
        /** Kept as written: for sites whose every author may run scripts on the site. */
        TRUST,
        /** Shown as text. */
        ESCAPE;

        /** The mode of a configuration value, or null when the value names none. */
        public static RawHtml of(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "sanitize", "sanitise" -> SANITIZE;
                case "trust" -> TRUST;
                case "escape" -> ESCAPE;
                default -> null;
            };
        }
    }

    public MarkdownOptions {
        embedHosts = Set.copyOf(embedHosts);
    }

    /** The site's Markdown with the default configuration: smart typography as given, raw HTML sanitised. */
    public static MarkdownOptions site(boolean smart) {
        MarkdownOptions defaults = of(SiteConfig.defaults());
        return new MarkdownOptions(true, true, smart, true, false, defaults.rawHtml(), defaults.embedHosts(), false,
                defaults.language());
    }

    /** The site's Markdown as its configuration says. */
    public static MarkdownOptions of(SiteConfig config) {
        RawHtml mode = RawHtml.of(config.rawHtml());
        return new MarkdownOptions(true, true, config.smartTypography(), true, config.hardWraps(),
                mode == null ? RawHtml.SANITIZE : mode, hosts(config.get("journal.markdown.html.embeds")),
                config.jbakeLayout(), config.jbakeLayout() ? null : config.language());
    }

    /** CommonMark and nothing else, as the spec's examples expect. */
    public static MarkdownOptions commonMark() {
        return new MarkdownOptions(false, false, false, false, false, RawHtml.TRUST, Set.of(), false, null);
    }

    public MarkdownOptions withRawHtml(RawHtml mode) {
        return new MarkdownOptions(extensions, headingIds, smart, safeUrls, hardWraps, mode, embedHosts, pegdown,
                language);
    }

    /** Host names of a comma-separated list, lower case. */
    public static Set<String> hosts(String list) {
        return Arrays.stream(list.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
