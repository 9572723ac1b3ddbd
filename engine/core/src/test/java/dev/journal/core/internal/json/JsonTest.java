package dev.journal.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonTest {

    static final String HOSTILE = "</script><script>alert(1)</script> <!-- & \u2028\u2029 \"quoted\" \\ end";

    @Test
    void scriptSafeJsonCannotCloseOrChangeTheScriptElement() throws IOException {
        String json = Json.scriptSafe(g -> {
            g.writeStartObject();
            g.writeStringField("headline", HOSTILE);
            g.writeEndObject();
        });
        for (String raw : new String[] {"<", ">", "&", "\u2028", "\u2029"}) {
            assertFalse(json.contains(raw), raw + " is escaped in " + json);
        }
        assertEquals(HOSTILE, readField(json, "headline"), "escaping does not change the value");
    }

    @Test
    void plainJsonKeepsMarkupCharactersAsTheyAre() throws IOException {
        String json = Json.write(false, g -> g.writeString("a < b & c"));
        assertEquals("\"a < b & c\"", json);
    }

    private static String readField(String json, String name) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals(name)) {
                    p.nextToken();
                    return p.getText();
                }
            }
        }
        throw new AssertionError("no field " + name + " in " + json);
    }
}
