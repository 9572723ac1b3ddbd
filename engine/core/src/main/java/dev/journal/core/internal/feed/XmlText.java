package dev.journal.core.internal.feed;

/**
 * Text made safe for XML 1.0: characters the XML {@code Char} production forbids (C0 controls other
 * than tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates) are dropped, and so
 * are the C1 controls XML discourages. A title or summary that reached the index with such a
 * character (YAML's {@code "\x01"} escape, say) would otherwise make a whole feed unreadable: an XML
 * parser stops at the first one, and a serializer writes it as is.
 */
public final class XmlText {

    private XmlText() {
    }

    /** The text without the characters above; the same instance when there is none. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        int i = 0;
        while (i < n && allowed(text, i)) {
            i += Character.isHighSurrogate(text.charAt(i)) ? 2 : 1;
        }
        if (i >= n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                sb.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (allowed(text, i)) {
                sb.append(c);
            }
            i++;
        }
        return sb.toString();
    }

    /** Whether the character at {@code i} (a whole surrogate pair when it starts one) may stay. */
    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false;
        }
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !(c >= 0x7f && c <= 0x9f) && c != 0xFFFE && c != 0xFFFF;
    }
}
