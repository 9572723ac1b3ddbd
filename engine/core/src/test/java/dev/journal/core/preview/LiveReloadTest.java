package dev.journal.core.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveReloadTest {

    private static final String TAG = "<script src=\"/__journal/live.js\" data-generation=\"0\"></script>";

    @Test
    void theScriptGoesBeforeTheLastClosingBodyTagAndTheRestIsKeptByteForByte() {
        LiveReload live = new LiveReload();
        assertEquals("<p>a</p>" + TAG + "</BODY >\n", new String(live.inject("<p>a</p></BODY >\n"
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertEquals("<pre></body></pre>" + TAG + "</body>", new String(live.inject("<pre></body></pre></body>"
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertEquals("<p>no body</p>" + TAG, new String(live.inject("<p>no body</p>".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        byte[] latin1 = "<p>caf\u00e9</p></body>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] expected = ("<p>caf\u00e9</p>" + TAG + "</body>").getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(expected, live.inject(latin1));
    }

    @Test
    void theStatusIsJsonWithEveryErrorAndItsLocation() {
        String json = LiveReload.json(new BuildStatus(3, false, List.of(Problem.error("content/a.md", 4,
                "date: \"x\" </script> is not a date\nsecond line")), List.of()));
        assertEquals("{\"generation\":3,\"building\":false,\"errors\":[{\"path\":\"content/a.md\",\"line\":4,"
                + "\"message\":\"date: \\\"x\\\" </script> is not a date\\nsecond line\",\"text\":\"content/a.md:4:"
                + " date: \\\"x\\\" </script> is not a date<U+000A>second line\"}],\"warnings\":0}", json);
        assertTrue(!json.contains("\n"), "one line, as an event's data must be");
    }
}
