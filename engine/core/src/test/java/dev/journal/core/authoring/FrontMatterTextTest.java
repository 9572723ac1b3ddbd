package dev.journal.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.journal.core.parse.FrontMatter;
import dev.journal.core.parse.FrontMatterParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTextTest {

    @Test
    void anyTextReadsBackAsItWasWritten() {
        List<String> values = List.of("plain", "Colon: and # hash", "\"quoted\" and 'single'", "back\\slash",
                "two\nlines\tand tab", "[not, a, list]", "{not: a map}", "true", "2024-06-28", "123", "null", "~",
                "- dash", "&anchor *alias", "!!python/object:x", "separators \u2028 and \u2029 and a tab \t", "Việt Nam",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", " leading and trailing ", "");
        for (String v : values) {
            String yaml = new FrontMatterText().text("title", v).list("tags", List.of(v, "b")).end() + "body";
            FrontMatterParser.Result r = new FrontMatterParser("~~~~~~").parse("x.md", yaml);
            assertEquals(List.of(), r.problems(), yaml);
            FrontMatter fm = r.frontMatter();
            assertNotNull(fm, yaml);
            assertEquals(v, fm.get("title"), yaml);
            assertEquals(List.of(v, "b"), fm.get("tags"), yaml);
            assertEquals("body", fm.body());
        }
    }
}
