package dev.journal.core.internal;

/**
 * Characters that must not reach a page, a feed or a JSON file as they are: C0 controls other than
 * tab and line breaks, DEL and C1 controls, Unicode noncharacters ({@code U+FFFE}, {@code U+FDD0}
 * and the like) and surrogates without their pair. XML 1.0 forbids most of them outright, HTML
 * calls them parse errors, and a lone surrogate cannot be encoded in UTF-8 at all. Content is
 * cleaned once, where it enters the engine, so every later format is safe without escaping tricks.
 */
public final class SafeText {

    /** What an unsafe character becomes. */
    public static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /** Whether a code point (a lone surrogate included) cannot appear in text as it is. */
    public static boolean unsafe(int cp) {
        return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'
                || cp >= 0x7f && cp <= 0x9f
                || cp >= 0xfdd0 && cp <= 0xfdef
                || (cp & 0xfffe) == 0xfffe
                || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
    }

    /**
     * The index of the first unsafe character, or -1. Runs over every page's text, so the common
     * characters (printable ASCII, then everything below the surrogates) are passed with one or
     * two comparisons.
     */
    public static int firstUnsafe(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c <= 0x9f) {
                return i;
            } else if (c >= Character.MIN_SURROGATE) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (unsafe(Character.toCodePoint(c, s.charAt(i + 1)))) {
                        return i;
                    }
                    i++;
                } else if (c <= Character.MAX_SURROGATE || unsafe(c)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** {@code s} with every unsafe character replaced by U+FFFD; the same instance when there is none. */
    public static String clean(String s) {
        int first = firstUnsafe(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, first);
        for (int i = first; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (unsafe(cp)) {
                sb.append(REPLACEMENT);
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /**
     * Whether a code point changes the direction of the text around it (the overrides and isolates
     * of Unicode's bidirectional algorithm): harmless in prose, a way to disguise a file name.
     */
    public static boolean bidiControl(int cp) {
        return cp >= 0x202a && cp <= 0x202e || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200e || cp == 0x200f
                || cp == 0x061c;
    }

    /**
     * {@code s} for a terminal or a log, on one line: line breaks, unsafe and direction-changing
     * characters written as {@code <U+202E>}, so that a message cannot move the cursor, recolour the
     * screen, fake another report line or reorder what the reader sees.
     */
    public static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean bad = unsafe(cp) || cp < 0x20 || bidiControl(cp);
            if (bad && sb == null) {
                sb = new StringBuilder(s.length() + 16);
                sb.append(s, 0, i);
            }
            if (bad) {
                sb.append(String.format(java.util.Locale.ROOT, "<U+%04X>", cp));
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * {@code s} with every run of ASCII white space (space, tab, line breaks, vertical tab, form
     * feed: what the regular expression {@code \\s} matches) made one space; {@code s} itself when
     * it has no such run. Cheaper than {@code replaceAll("\\s+", " ")}, which compiles a pattern
     * per call.
     */
    public static String collapseWhitespace(String s) {
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!asciiSpace(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < n && asciiSpace(s.charAt(end))) {
                end++;
            }
            if (sb == null && (c != ' ' || end > i + 1)) {
                sb = new StringBuilder(n);
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(' ');
            }
            i = end - 1;
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * {@code text} stripped, its white space collapsed ({@link #collapseWhitespace}) and, when longer
     * than {@code max} characters, cut to at most {@code max} ending in an ellipsis: at the last
     * space when that keeps more than half, else between characters ({@link #cutPoint}: text
     * without spaces, Chinese or a long URL), with no space or punctuation left before the ellipsis.
     */
    public static String shorten(String text, int max) {
        String s = collapseWhitespace(text.strip());
        if (s.length() <= max) {
            return s;
        }
        int space = s.lastIndexOf(' ', max - 1);
        int end = space > max / 2 ? space : cutPoint(s, max - 1);
        while (end > 0 && " ,;:.\u2013\u2014-".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }

    /**
     * The greatest index at most {@code end} where {@code s} can be cut without splitting what a
     * reader sees as one character: never inside a surrogate pair (a lone half cannot be written in
     * UTF-8 at all), nor before a combining mark, a variation selector, an emoji modifier or tag,
     * nor on either side of a zero-width joiner, nor inside a flag's pair of regional indicators.
     */
    public static int cutPoint(CharSequence s, int end) {
        int i = Math.min(Math.max(end, 0), s.length());
        while (i > 0 && i < s.length()) {
            if (Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))) {
                i--;
                continue;
            }
            int cp = Character.codePointAt(s, i);
            int before = Character.codePointBefore(s, i);
            if (!extendsPrevious(cp) && before != 0x200d && !(regionalIndicator(cp) && oddIndicatorsBefore(s, i))) {
                break;
            }
            i -= Character.charCount(before);
        }
        return i;
    }

    private static boolean extendsPrevious(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == 0x200d
                || cp >= 0xfe00 && cp <= 0xfe0f || cp >= 0xe0100 && cp <= 0xe01ef // variation selectors
                || cp >= 0x1f3fb && cp <= 0x1f3ff // skin tones
                || cp >= 0xe0020 && cp <= 0xe007f; // tags (the flags of England, Scotland, Wales)
    }

    private static boolean regionalIndicator(int cp) {
        return cp >= 0x1f1e6 && cp <= 0x1f1ff;
    }

    /** Whether an odd number of regional indicators ends just before {@code i}: {@code i} splits a flag. */
    private static boolean oddIndicatorsBefore(CharSequence s, int i) {
        int count = 0;
        while (i > 0 && regionalIndicator(Character.codePointBefore(s, i))) {
            count++;
            i -= 2;
        }
        return count % 2 == 1;
    }

    private static boolean asciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
