package dev.journal.core.parse;

import dev.journal.core.internal.SafeText;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Names to identities and URL slugs, for tags, authors and articles.
 *
 * <p>Two spellings that differ only by case, Unicode normalisation or surrounding and repeated
 * white space have the same {@link #key}. A {@link #slug} keeps Unicode letters and digits (so
 * Cyrillic, Vietnamese or Korean names keep readable URLs), joins everything else with single
 * hyphens, and is never longer than {@link #MAX_LENGTH} characters. Independent of the JVM's locale.
 */
public final class Slugs {

    /** Longest slug, in characters; a cut never splits a letter from its accents or a surrogate pair. */
    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /**
     * The identity of a name: normalised, trimmed, white space collapsed, lower case. Turkish
     * capital İ lower-cases to i with a combining dot, which is dropped, so that İzmir and Izmir
     * are one name whatever the author's keyboard.
     */
    public static String key(String name) {
        String known = KEYS.get(name);
        if (known != null) {
            return known;
        }
        String n = SafeText.collapseWhitespace(Normalizer.normalize(name, Normalizer.Form.NFKC).strip());
        String key = n.toLowerCase(Locale.ROOT).replace("i\u0307", "i");
        if (KEYS.size() >= MAX_KEYS) {
            KEYS.clear();
        }
        KEYS.put(name, key);
        return key;
    }

    /**
     * Keys already worked out, by name: a build asks for the keys of the same few hundred tags and
     * authors thousands of times, and Unicode normalisation is not cheap. Bounded: cleared when full.
     */
    private static final java.util.Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_KEYS = 1 << 16;

    /** The URL slug of a name; empty when the name has no letter or digit at all. */
    public static String slug(String name) {
        String n = key(name);
        StringBuilder out = new StringBuilder(Math.min(n.length(), MAX_LENGTH + 8));
        boolean hyphen = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\'' || cp == '\u2019' || cp == '\u02BC') {
                continue; // "women's" -> "womens"
            }
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
            // a mark stays only on the letter or digit it belongs to
            boolean keep = Character.isLetterOrDigit(cp) || mark && !hyphen && out.length() > 0;
            if (keep) {
                if (hyphen && out.length() > 0) {
                    out.append('-');
                }
                hyphen = false;
                out.appendCodePoint(cp);
            } else {
                hyphen = true;
            }
        }
        // dropping an apostrophe can bring a letter and an accent together: compose them
        return cut(Normalizer.normalize(out, Normalizer.Form.NFC));
    }

    private static String cut(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int end = MAX_LENGTH;
        while (end > 0 && (Character.isLowSurrogate(slug.charAt(end))
                || Character.getType(slug.charAt(end)) == Character.NON_SPACING_MARK)) {
            end--;
        }
        String s = slug.substring(0, end);
        int hyphen = s.lastIndexOf('-');
        if (hyphen > MAX_LENGTH / 2) {
            s = s.substring(0, hyphen); // end on a whole word when one is near
        }
        while (s.endsWith("-")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
