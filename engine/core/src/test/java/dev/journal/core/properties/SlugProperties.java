package dev.journal.core.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.SafePaths;
import dev.journal.core.parse.Slugs;
import dev.journal.core.parse.UrlPolicy;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Slugs of any name: short, plain, stable, and never a way out of the output folder. */
class SlugProperties {

    private static final UrlPolicy PRETTY = new UrlPolicy(SiteConfig.of(Map.of("uri.noExtension", "true")));
    private static final UrlPolicy PLAIN = new UrlPolicy(SiteConfig.defaults());

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("aAıIİiäÄßẞ-_ ./\\:'’\u0301\u202E\u0000\uFFFD"
                        + "\uD83D\uDE00ǅﬁ१٣")
                        .ofMaxLength(200),
                Arbitraries.of("../../etc/passwd", "C:\\Windows", "..", ".", "/", "CON", "a/../../b", "\u202Efdp.exe",
                        "İstanbul", "ISTANBUL", "ǅemal", "ﬁnance", "١٢٣", "x".repeat(5000)));
    }

    @Property(tries = 1000)
    void aSlugIsShortAndPlain(@ForAll("names") String name) {
        String slug = Slugs.slug(name);
        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
        assertFalse(slug.startsWith("-") || slug.endsWith("-") || slug.contains("--"), slug);
        slug.codePoints().forEach(cp -> assertTrue(cp == '-' || Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK,
                () -> String.format("U+%04X in %s", cp, slug)));
        assertFalse(slug.isEmpty() != Slugs.key(name).codePoints().noneMatch(Character::isLetterOrDigit),
                "empty exactly when the name has no letter or digit: " + slug);
    }

    @Property(tries = 1000)
    void aSlugIsItsOwnSlug(@ForAll("names") String name) {
        String slug = Slugs.slug(name);
        assertEquals(slug, Slugs.slug(slug));
    }

    /**
     * Case and surrounding space do not matter. Lower case only: upper-casing is not reversible
     * without a language (Turkish ı becomes I, which lower-cases to i), and slugs never depend on one.
     */
    @Property(tries = 1000)
    void spellingsOfOneNameShareTheirSlug(@ForAll("names") String name) {
        assertEquals(Slugs.slug(name), Slugs.slug("  " + name.toLowerCase(java.util.Locale.ROOT) + "\t"));
    }

    /** A slug as the last segment of a page's path keeps the page inside the output folder. */
    @Property(tries = 1000)
    void aSlugNeverLeavesTheOutputFolder(@ForAll("names") String name) {
        String slug = Slugs.slug(name);
        if (slug.isEmpty()) {
            return;
        }
        for (UrlPolicy urls : new UrlPolicy[] {PRETTY, PLAIN}) {
            UrlPolicy.Target t = urls.document("articles/2024/x.md", slug);
            assertEquals(java.util.Optional.empty(), SafePaths.problem(t.outputPath()), t.outputPath());
            assertTrue(t.outputPath().startsWith("articles/2024/"), t.outputPath());
            UrlPolicy.Target tag = urls.section("tags", slug);
            assertEquals(java.util.Optional.empty(), SafePaths.problem(tag.outputPath()), tag.outputPath());
            assertFalse(t.uri().contains(":") || t.uri().contains("//"), t.uri());
        }
    }
}
