package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The body a header leaves is the rest of the file exactly, wherever the header ends. */
class FrontMatterParserTest {

    private static final FrontMatterParser PARSER = new FrontMatterParser("~~~~~~");

    private static FrontMatter read(String text) {
        FrontMatterParser.Result r = PARSER.parse("content/a.md", text);
        assertNotNull(r.frontMatter(), r.problems().toString());
        return r.frontMatter();
    }

    @Test
    void aYamlHeaderLongerThanAJBakeHeaderCanBeIsReadToItsEnd() {
        String list = "- t\n".repeat(FrontMatterParser.JBAKE_HEADER_LINES + 50);
        FrontMatter fm = read("---\ntitle: Long\ntags:\n" + list + "...\nThe body.\n\nAnd more.\n");
        assertEquals(FrontMatterParser.JBAKE_HEADER_LINES + 50, ((java.util.List<?>) fm.get("tags")).size());
        assertEquals("The body.\n\nAnd more.\n", fm.body());
        assertEquals(FrontMatterParser.JBAKE_HEADER_LINES + 55, fm.bodyLine());
    }

    @Test
    void aYamlHeaderAtTheEndOfTheFileLeavesNoBody() {
        assertEquals("", read("---\ntitle: T\n---").body());
        assertEquals("", read("---\ntitle: T\n---\n").body());
        assertEquals("\n", read("---\ntitle: T\n---\n\n").body());
        assertEquals(" x\r\n", read("---\ntitle: T\n---  \n x\r\n").body());
    }

    @Test
    void theEntriesOfAFieldWrittenAsASetOfFieldsKeepTheirLines() {
        FrontMatter fm = read("---\ntitle: T\nlinks:\n  Website: https://x.org/\n\n  Bad:\n    ftp://x\n"
                + "inline: {a: 1, b: 2}\nlist:\n  - k: v\n---\n");
        assertEquals(3, fm.line("links"));
        assertEquals(java.util.Map.of("links", java.util.Map.of("Website", 4, "Bad", 6), "inline",
                java.util.Map.of("a", 8, "b", 8)), fm.entryLines(), "a list's sets of fields are not counted");
        assertEquals(java.util.Map.of(), read("title=T\nog={\"a\": \"b\"}\n~~~~~~\n").entryLines());
    }

    @Test
    void aYamlHeaderNeverClosedIsAnError() {
        FrontMatterParser.Result r = PARSER.parse("content/a.md", "---\ntitle: T\n" + "x: y\n".repeat(300));
        assertNull(r.frontMatter());
        assertEquals(1, r.problems().size(), r.problems().toString());
    }

    @Test
    void aJBakeBodyIsTheRestOfTheFile() {
        assertEquals("First.\n\nSecond.\n", read("title=T\ndate=2024-01-01\n~~~~~~\nFirst.\n\nSecond.\n").body());
        assertEquals("", read("title=T\n~~~~~~").body());
        assertEquals("", read("title=T\n~~~~~~\n").body());
        assertEquals("\n\n", read("title=T\n~~~~~~\n\n\n").body());
    }

    @Test
    void aJBakeSeparatorIsLookedForOnlySoFarDown() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < FrontMatterParser.JBAKE_HEADER_LINES - 1; i++) {
            header.append("k").append(i).append("=v\n");
        }
        FrontMatter fm = read(header + "~~~~~~\nBody.\n" + "line\n".repeat(500));
        assertEquals("Body.\n" + "line\n".repeat(500), fm.body());
        assertEquals(FrontMatterParser.JBAKE_HEADER_LINES + 1, fm.bodyLine());
        FrontMatterParser.Result tooFar = PARSER.parse("content/a.md", "first=v\n" + header + "~~~~~~\nBody.\n");
        assertNull(tooFar.frontMatter(), "no header found");
    }
}
