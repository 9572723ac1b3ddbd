package dev.journal.core.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.journal.core.SpecFiles;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownOptions.RawHtml;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of {@code spec/raw-html.txt}: Markdown with raw HTML in, the exact HTML out, per mode. */
class RawHtmlSpecTest {

    private static final Map<RawHtml, MarkdownRenderer> RENDERERS = new EnumMap<>(RawHtml.class);

    static {
        for (RawHtml mode : RawHtml.values()) {
            RENDERERS.put(mode, new MarkdownRenderer(MarkdownOptions.site(false).withRawHtml(mode)));
        }
    }

    record Case(String name, RawHtml mode, String markdown, String html) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String[] lines = SpecFiles.read("raw-html.txt").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("## ")) {
                i++;
                continue;
            }
            String[] head = lines[i].substring(3).split("\\|");
            RawHtml mode = head.length > 1 ? RawHtml.valueOf(head[1].strip().toUpperCase(Locale.ROOT))
                    : RawHtml.SANITIZE;
            StringBuilder md = new StringBuilder();
            i++;
            while (!lines[i].equals(".")) {
                md.append(lines[i]).append('\n');
                i++;
            }
            i++;
            StringBuilder html = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("## ")) {
                html.append(lines[i]).append('\n');
                i++;
            }
            cases.add(new Case(head[0].strip(), mode, md.toString(), html.toString().strip()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rawHtml(Case c) {
        String html = RENDERERS.get(c.mode()).render(c.markdown(), 1, s -> s).html();
        assertEquals(c.html(), html.strip(), c.name());
    }
}
