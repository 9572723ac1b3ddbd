package dev.journal.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(ints = {0x0, 0x1, 0x8, 0xB, 0xC, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xD800, 0xDFFF, 0xFDD0, 0xFDEF,
        0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF})
    void unsafe(int cp) {
        assertTrue(SafeText.unsafe(cp), Integer.toHexString(cp));
    }

    @ParameterizedTest
    @ValueSource(ints = {'\t', '\n', '\r', ' ', 'a', 0xA0, 0x202E, 0x2028, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFD})
    void safe(int cp) {
        assertFalse(SafeText.unsafe(cp), Integer.toHexString(cp));
    }

    @Test
    void cleaning() {
        String fine = "Café 😀 \u202E text";
        assertSame(fine, SafeText.clean(fine));
        assertEquals("a\uFFFDb\uFFFDc\uFFFD😀\uFFFD", SafeText.clean("a\u0000b\u001Bc\uD800😀\uDC00"));
        assertEquals(1, SafeText.firstUnsafe("a\uFFFEb"));
        assertEquals(-1, SafeText.firstUnsafe("😀"));
    }

    @Test
    void reportsAreOnePrintableLine() {
        Problem p = Problem.error("content/a\u202Eb.md", 3, "status 'x\u001B[2J\ncontent/fake.md:1: y' is bad");
        assertEquals("content/a<U+202E>b.md:3: status 'x<U+001B>[2J<U+000A>content/fake.md:1: y' is bad",
                p.toString());
        assertEquals("'" + "x".repeat(79) + "\u2026'", Problem.quote("x".repeat(500)));
        assertEquals("'short'", Problem.quote("short"));
        String emoji = "x".repeat(78) + "😀😀";
        assertEquals("'" + "x".repeat(78) + "\u2026'", Problem.quote(emoji), "a cut never splits a pair");
    }

    @Test
    void cutPointsKeepWhatReadsAsOneCharacterWhole() {
        assertEquals(2, SafeText.cutPoint("ab😀", 3), "not inside a pair");
        assertEquals(4, SafeText.cutPoint("ab😀", 4), "after it");
        assertEquals(2, SafeText.cutPoint("ab👍🏽", 4), "not before a skin tone");
        assertEquals(2, SafeText.cutPoint("ab👩\u200D👧", 4), "not after a joiner");
        assertEquals(2, SafeText.cutPoint("ab👩\u200D👧", 5), "not before the character a joiner joins");
        assertEquals(2, SafeText.cutPoint("abe\u0301\u0301x", 3), "not before a combining mark");
        assertEquals(2, SafeText.cutPoint("ab1\uFE0F\u20E3", 4), "not before a keycap");
        assertEquals(2, SafeText.cutPoint("ab🇩🇪🇫🇷", 4), "not inside a flag");
        assertEquals(6, SafeText.cutPoint("ab🇩🇪🇫🇷", 6), "between two flags");
        assertEquals(3, SafeText.cutPoint("abc", 9));
        assertEquals(0, SafeText.cutPoint("é", 0));
    }

    @Test
    void paths() {
        assertEquals(Optional.empty(), SafePaths.problem("articles/2024/x/index.html"));
        assertEquals(Optional.empty(), SafePaths.problem("tags/việt-nam/index.html"));
        assertEquals(Optional.empty(), SafePaths.problem("ab:c/d.html"));
        for (String bad : new String[] {"", "/etc/passwd", "C:/x.html", "c:x", "a:b/c.html", "a\\b.html", "../x.html",
            "a/../../x",
            "./x", "a//b", "a/", "a\u0000b", "a\nb", "a\tb", "a\u001Bb", "a\u202Eb", "a\u2066b", "x".repeat(256),
            "é".repeat(128), "a/".repeat(2100) + "b"}) {
            assertTrue(SafePaths.problem(bad).isPresent(), bad);
        }
        assertEquals(Optional.empty(), SafePaths.problem("x".repeat(255) + "/" + "é".repeat(127) + "/😀".repeat(60)));
        assertTrue(SafePaths.problem("a/" + "😀".repeat(63) + "xyzw").isPresent(), "256 bytes in one name");
        assertEquals(Optional.empty(), SafePaths.problem("a/" + "😀".repeat(63) + "xyz"));
        assertEquals(Optional.of("the path has a .. segment"), SafePaths.problem("a/../b"));
        assertEquals(Optional.empty(), SafePaths.problem("a/.b/..c/.../x."));
    }

    /** The fast scan agrees with the plain definition, code point by code point, on random text. */
    @Test
    void theFastScanFindsWhatTheDefinitionFinds() {
        java.util.Random random = new java.util.Random(7);
        char[] interesting = {'a', ' ', '\t', '\n', '\r', 0, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xd7ff, 0xd800, 0xdbff,
            0xdc00, 0xdfff, 0xe000, 0xfdd0, 0xfdef, 0xfdf0, 0xfffd, 0xfffe, 0xffff, '\u2019'};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
                        : (char) random.nextInt(0x10000));
            }
            String s = sb.toString();
            int expected = -1;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                if (SafeText.unsafe(cp)) {
                    expected = i;
                    break;
                }
                i += Character.charCount(cp);
            }
            org.junit.jupiter.api.Assertions.assertEquals(expected, SafeText.firstUnsafe(s), s.chars()
                    .mapToObj(c -> Integer.toHexString(c)).toList().toString());
        }
    }

    @Test
    void whiteSpaceCollapsesAsTheRegularExpressionDoes() {
        String plain = "one two three";
        assertSame(plain, SafeText.collapseWhitespace(plain));
        assertEquals(" a b c ", SafeText.collapseWhitespace("\t a \n\r\u000B\fb  c\n"));
        assertEquals("a\u00A0\u2003b", SafeText.collapseWhitespace("a\u00A0\u2003b")); // not ASCII space: kept
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {' ', '\t', '\n', '\r', '\u000B', '\f', 'a', 'b', '\u00A0', '\u2028', '\u0085'};
        for (int round = 0; round < 20_000; round++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(chars);
            assertEquals(s.replaceAll("\\s+", " "), SafeText.collapseWhitespace(s), s.chars()
                    .mapToObj(Integer::toHexString).toList().toString());
        }
    }

    @Test
    void shortenedTextsAreTheCasesOfTheSpecFile() {
        for (String[] r : dev.journal.core.SpecFiles.rows("shortened.tsv")) {
            assertEquals(r[2], SafeText.shorten(r[1], Integer.parseInt(r[0])), r[1]);
        }
    }
}
