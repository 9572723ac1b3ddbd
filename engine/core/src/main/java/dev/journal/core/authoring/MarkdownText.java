package dev.journal.core.authoring;

import java.util.regex.Pattern;

/**
 * Plain text to Markdown that shows exactly that text: every character that Markdown (with the
 * journal's extensions) could read as syntax is escaped with a backslash, so emphasis, links,
 * HTML, code, strikethrough, footnotes, entities, lists, quotes and headings never appear by
 * accident. Line breaks are not expected: each paragraph or heading is one line.
 */
final class MarkdownText {

    private static final String INLINE = "\\`*_[]<>~";
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");
    private static final Pattern ORDERED = Pattern.compile("([0-9]+)([.)])(.*)", Pattern.DOTALL);

    private MarkdownText() {
    }

    /** A paragraph: inline syntax escaped, and whatever would start a block at the line's start. */
    static String paragraph(String text) {
        String s = inline(text.strip());
        if (s.isEmpty()) {
            return s;
        }
        if ("#>-+=|".indexOf(s.charAt(0)) >= 0) {
            return "\\" + s;
        }
        var m = ORDERED.matcher(s);
        if (m.matches()) {
            return m.group(1) + "\\" + m.group(2) + m.group(3);
        }
        return s;
    }

    /** A level-two heading; a {@code #} anywhere is escaped, since closing ones would vanish. */
    static String heading(String text) {
        return "## " + inline(text.strip()).replace("#", "\\#");
    }

    private static String inline(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (INLINE.indexOf(c) >= 0 || c == '&' && ENTITY.matcher(text).region(i, text.length()).lookingAt()) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
