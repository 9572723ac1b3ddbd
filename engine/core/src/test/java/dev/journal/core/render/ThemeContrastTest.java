package dev.journal.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The theme's colour pairs meet WCAG 2 AA in both schemes: 4.5:1 for text, 3:1 for the focus ring.
 * The colours are read from the custom properties of journal.css ({@code :root} and its
 * {@code prefers-color-scheme: dark} override), so a change of palette is checked here.
 */
class ThemeContrastTest {

    static final List<String[]> TEXT = List.of(
            new String[] {"fg", "bg"}, new String[] {"muted", "bg"}, new String[] {"accent", "bg"},
            new String[] {"fg", "tint"}, new String[] {"muted", "tint"}, new String[] {"accent", "tint"},
            new String[] {"fg", "mark"}, new String[] {"bg", "accent"});

    @Test
    void lightAndDarkSchemesMeetAa() throws IOException {
        String css;
        try (InputStream in = getClass().getResourceAsStream("/dev/journal/core/theme/assets/css/journal.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int dark = css.indexOf("@media (prefers-color-scheme: dark)");
        assertTrue(dark > 0, "the theme has a dark scheme");
        Map<String, String> light = colours(css.substring(0, dark));
        Map<String, String> darkColours = new HashMap<>(light);
        darkColours.putAll(colours(css.substring(dark, css.indexOf("}", css.indexOf("}", dark) + 1))));
        assertEquals(light.keySet(), colours(css.substring(dark, css.indexOf("}", css.indexOf("}", dark) + 1)))
                .keySet(), "the dark scheme sets every colour the light one does");
        for (Map<String, String> scheme : List.of(light, darkColours)) {
            for (String[] pair : TEXT) {
                double ratio = contrast(scheme.get(pair[0]), scheme.get(pair[1]));
                assertTrue(ratio >= 4.5, pair[0] + " on " + pair[1] + " is " + ratio + ":1 in " + scheme);
            }
            assertTrue(contrast(scheme.get("focus"), scheme.get("bg")) >= 3, "focus ring in " + scheme);
        }
    }

    private static Map<String, String> colours(String block) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(block);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
