package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.SpecFiles;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlugsTest {

    static Stream<Arguments> rows() {
        return SpecFiles.rows("slugs.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "[{0}] -> {2}")
    @MethodSource("rows")
    void keyAndSlug(String name, String key, String slug) {
        assertEquals(key, Slugs.key(name), "key");
        assertEquals(slug, Slugs.slug(name), "slug");
    }

    @Test
    void slugsDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("india-and-iran", Slugs.slug("INDIA AND IRAN"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aVeryLongNameGetsAShortSaneSlug() {
        String title = "Alliance ".repeat(250) + "end";
        String slug = Slugs.slug(title);
        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
        assertFalse(slug.endsWith("-"));
        assertTrue(slug.startsWith("alliance-alliance"));
    }

    @Test
    void aLongSlugIsNeverCutInsideASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // outside the BMP
        String slug = Slugs.slug("a" + ("x" + emoji).repeat(100));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertFalse(Character.isHighSurrogate(slug.charAt(slug.length() - 1)), slug);
    }

    /** Property: whatever the input, a slug is URL- and file-safe and stable. */
    @Test
    void randomNamesGiveSafeStableSlugs() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.appendCodePoint(switch (random.nextInt(5)) {
                    case 0 -> ' ' + random.nextInt(95);
                    case 1 -> 0x400 + random.nextInt(0x100);
                    case 2 -> 0xAC00 + random.nextInt(200);
                    case 3 -> random.nextInt(0x30);
                    default -> 0x1F600 + random.nextInt(50);
                });
            }
            String name = sb.toString();
            String slug = Slugs.slug(name);
            assertTrue(slug.length() <= Slugs.MAX_LENGTH, name);
            assertFalse(slug.startsWith("-") || slug.endsWith("-"), name);
            assertFalse(slug.contains("/") || slug.contains("\\") || slug.contains("..") || slug.contains("--"), name);
            for (int k = 0; k < slug.length(); k++) {
                char c = slug.charAt(k);
                assertTrue(c == '-' || Character.isLetterOrDigit(slug.codePointAt(k))
                        || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK, name + " -> " + slug);
            }
            assertEquals(slug, Slugs.slug(name));
            assertEquals(slug, Slugs.slug(Slugs.key(name)), "the key of a name has the name's slug");
        }
    }
}
