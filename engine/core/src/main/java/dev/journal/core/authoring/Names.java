package dev.journal.core.authoring;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names written in capitals, as legacy bylines often are ({@code Irina KHALTURINA}), to
 * the usual form ({@code Irina Khalturina}).
 *
 * <p>Only words written wholly in upper or wholly in lower case are changed, and the capitals after
 * a prefix ({@code McALLISTER} to {@code McAllister}); another word with mixed case
 * ({@code DeSantis}) is taken to be spelled as intended. Parts joined by
 * hyphens and apostrophes are capitalised each ({@code JEAN-PIERRE} to {@code Jean-Pierre},
 * {@code O'BRIEN} to {@code O'Brien}); particles inside a name stay in lower case
 * ({@code Ursula VON DER LEYEN} to {@code Ursula von der Leyen}), except those usually capitalised
 * ({@code Marine LE PEN} to {@code Marine Le Pen}); Roman numerals stay in capitals.
 */
public final class Names {

    /** Particles written in lower case inside a name (not as its first word). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di",
            "da", "das", "dos", "do", "du", "ten", "ter", "zu", "y", "e", "bin", "ibn", "al");
    /** A prefix in mixed case before a surname in capitals: McALLISTER, DeSANTIS. */
    private static final Pattern CAPITAL_TAIL = Pattern.compile("(\\p{Lu}\\p{Ll}+)(\\p{Lu}{3,})");
    private static final Set<String> NUMERALS = Set.of("ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii");

    private Names() {
    }

    /** The name with each word capitalised as described above; white space collapsed. */
    public static String capitalise(String name) {
        String[] words = name.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            if (!word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT))) {
                Matcher tail = CAPITAL_TAIL.matcher(word);
                out.append(tail.matches() ? tail.group(1) + capitaliseParts(tail.group(2).toLowerCase(Locale.ROOT))
                        : word);
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (w > 0 && w < words.length - 1 && PARTICLES.contains(lower)) {
                out.append(lower);
            } else if (w > 0 && NUMERALS.contains(lower.replace(".", ""))) {
                out.append(word.toUpperCase(Locale.ROOT));
            } else {
                out.append(capitaliseParts(lower));
            }
        }
        return out.toString();
    }

    /** Upper-cases the first letter, and the first after a hyphen or after an apostrophe (O'Brien, not Ann'S). */
    private static String capitaliseParts(String lower) {
        StringBuilder sb = new StringBuilder(lower.length());
        boolean start = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (start && Character.isLetter(cp)) {
                sb.appendCodePoint(Character.toTitleCase(cp));
                start = false;
            } else {
                sb.appendCodePoint(cp);
            }
            if (cp == '-') {
                start = true;
            } else if ((cp == '\'' || cp == '\u2019') && lower.length() - next >= 2) {
                start = true;
            }
            i = next;
        }
        return sb.toString();
    }
}
