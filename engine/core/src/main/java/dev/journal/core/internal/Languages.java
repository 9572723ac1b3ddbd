package dev.journal.core.internal;

import java.util.Locale;
import java.util.Set;

/** The writing direction of a language, from its BCP 47 tag ({@code ar}, {@code fa-IR}, {@code az-Arab}). */
public final class Languages {

    /** Languages written right to left unless their tag names another script. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "arc", "azb", "ckb", "dv", "fa", "glk", "he", "iw",
            "ji", "ks", "lrc", "mzn", "nqo", "ps", "sd", "syr", "ug", "ur", "yi");
    /** Scripts written right to left (ISO 15924). */
    private static final Set<String> RIGHT_TO_LEFT_SCRIPTS = Set.of("arab", "hebr", "thaa", "syrc", "nkoo", "adlm",
            "rohg", "mand", "samr", "yezi");

    private Languages() {
    }

    /** Whether text in this language is written right to left. */
    public static boolean rightToLeft(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        String[] parts = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-').split("-");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() == 4 && parts[i].chars().allMatch(Character::isLetter)) {
                return RIGHT_TO_LEFT_SCRIPTS.contains(parts[i]); // the script subtag decides
            }
        }
        return RIGHT_TO_LEFT.contains(parts[0]);
    }

    /** {@code rtl} or {@code ltr}. */
    public static String direction(String tag) {
        return rightToLeft(tag) ? "rtl" : "ltr";
    }

    /** {@code  dir="rtl"} for a language written right to left, else nothing. */
    public static String dirAttribute(String tag) {
        return rightToLeft(tag) ? " dir=\"rtl\"" : "";
    }
}
