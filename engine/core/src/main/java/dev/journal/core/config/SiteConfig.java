package dev.journal.core.config;

import dev.journal.core.Problem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's configuration: {@code jbake.properties} over the defaults of {@link ConfigKeys}, with
 * typed, validated accessors. Immutable; built by {@link ConfigLoader}.
 */
public final class SiteConfig {

    /** File name of the configuration, as in JBake. */
    public static final String FILE_NAME = "jbake.properties";

    private final Map<String, String> values;
    private final List<Problem> problems;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter displayDate;

    SiteConfig(Map<String, String> fileValues, Map<String, Integer> lines) {
        Map<String, String> merged = new TreeMap<>();
        for (ConfigKey key : ConfigKeys.all()) {
            merged.put(key.name(), key.defaultValue());
        }
        merged.putAll(fileValues);
        this.values = Collections.unmodifiableMap(merged);
        List<Problem> found = new ArrayList<>();
        Validator v = new Validator(lines, found);
        this.locale = v.locale(localeTag());
        this.zone = v.zone(get("journal.timezone"));
        this.displayDate = v.pattern("journal.date.format", get("journal.date.format"), locale);
        v.pattern("date.format", get("date.format"), locale);
        for (ConfigKey key : ConfigKeys.all()) {
            if (key.defaultValue().equals("true") || key.defaultValue().equals("false")) {
                v.bool(key.name(), get(key.name()));
            }
        }
        v.positive("index.posts_per_page", get("index.posts_per_page"));
        v.positive("journal.summary.length", get("journal.summary.length"));
        v.positive("journal.reading.wpm", get("journal.reading.wpm"));
        v.atLeast("journal.related.count", get("journal.related.count"), 0);
        v.decimal("journal.related.weight.text", get("journal.related.weight.text"), 0, 1000);
        v.decimal("journal.related.weight.tags", get("journal.related.weight.tags"), 0, 1000);
        v.decimal("journal.related.weight.authors", get("journal.related.weight.authors"), 0, 1000);
        v.decimal("journal.related.weight.freshness", get("journal.related.weight.freshness"), 0, 1);
        v.decimal("journal.related.freshness.halflife", get("journal.related.freshness.halflife"), 1, 1_000_000);
        v.decimal("journal.related.diversity", get("journal.related.diversity"), 0, 1);
        v.port("server.port", get("server.port"));
        v.utf8("render.encoding", get("render.encoding"));
        v.utf8("template.encoding", get("template.encoding"));
        v.folderName("content.folder", get("content.folder"));
        v.folderName("template.folder", get("template.folder"));
        v.folderName("asset.folder", get("asset.folder"));
        v.folderName("tag.path", get("tag.path"));
        for (String name : fileValues.keySet()) {
            v.known(name);
        }
        this.problems = List.copyOf(found);
    }

    /** Defaults only, as for a site with no {@code jbake.properties}. */
    public static SiteConfig defaults() {
        return new SiteConfig(Map.of(), Map.of());
    }

    /** A configuration from explicit values over the defaults (tests, tools). */
    public static SiteConfig of(Map<String, String> values) {
        return new SiteConfig(values, Map.of());
    }

    /** Problems with the configuration itself: errors for bad values, warnings for unknown keys. */
    public List<Problem> problems() {
        return problems;
    }

    /** The value of a key, its default when absent, {@code ""} for a key nobody knows. */
    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(get(key).trim());
    }

    public int number(String key) {
        try {
            return Integer.parseInt(get(key).trim());
        } catch (NumberFormatException e) {
            return Integer.parseInt(ConfigKeys.find(key).orElseThrow().defaultValue());
        }
    }

    /** A decimal value ({@code 0.5}); the key's default when the value is not a number (reported as a problem). */
    public double decimal(String key) {
        try {
            double d = Double.parseDouble(get(key).trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // the default below; the validator has reported it
        }
        return Double.parseDouble(ConfigKeys.find(key).orElseThrow().defaultValue());
    }

    /** Every key and value, defaults included, sorted by key. */
    public Map<String, String> values() {
        return values;
    }

    /** Every value under its key with {@code .} replaced by {@code _}, as JBake hands config to templates. */
    public Map<String, String> templateValues() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.replace('.', '_'), v));
        return Collections.unmodifiableMap(out);
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public DateTimeFormatter displayDateFormat() {
        return displayDate;
    }

    /** {@code site.host} with exactly one trailing slash. */
    public String siteHost() {
        String host = get("site.host").trim();
        return host.endsWith("/") ? host : host + "/";
    }

    public String title() {
        return get("journal.title");
    }

    public String language() {
        return get("journal.language");
    }

    private String localeTag() {
        String tag = get("journal.locale").trim();
        return tag.isEmpty() ? get("journal.language").trim() : tag;
    }

    /** Checks values and collects problems, located at the key's line in the file. */
    private static final class Validator {
        private final Map<String, Integer> lines;
        private final List<Problem> problems;

        Validator(Map<String, Integer> lines, List<Problem> problems) {
            this.lines = lines;
            this.problems = problems;
        }

        private void error(String key, String message) {
            problems.add(Problem.error(FILE_NAME, lines.getOrDefault(key, 0), message));
        }

        Locale locale(String tag) {
            try {
                Locale parsed = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
                if (!parsed.getLanguage().isEmpty()) {
                    return parsed;
                }
            } catch (IllformedLocaleException e) {
                // reported below
            }
            error("journal.locale", "'" + tag + "' is not a language tag such as en or en-GB");
            return Locale.ENGLISH;
        }

        ZoneId zone(String id) {
            try {
                return ZoneId.of(id.trim());
            } catch (DateTimeException e) {
                error("journal.timezone", "'" + id + "' is not a time zone such as UTC or Europe/Berlin");
                return ZoneId.of("UTC");
            }
        }

        DateTimeFormatter pattern(String key, String pattern, Locale locale) {
            try {
                return DateTimeFormatter.ofPattern(pattern, locale);
            } catch (IllegalArgumentException e) {
                error(key, "'" + pattern + "' is not a date pattern: " + e.getMessage());
                return DateTimeFormatter.ISO_LOCAL_DATE;
            }
        }

        void bool(String key, String value) {
            String v = value.trim();
            if (!v.equals("true") && !v.equals("false")) {
                error(key, key + " must be true or false, not '" + value + "'");
            }
        }

        void positive(String key, String value) {
            try {
                if (Integer.parseInt(value.trim()) > 0) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a whole number above 0, not '" + value + "'");
        }

        void atLeast(String key, String value, int min) {
            try {
                if (Integer.parseInt(value.trim()) >= min) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a whole number of at least " + min + ", not '" + value + "'");
        }

        /** A decimal number from {@code min} to {@code max}, written with a dot ({@code 0.25}). */
        void decimal(String key, String value, double min, double max) {
            String v = value.trim();
            try {
                double d = v.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+") ? Double.parseDouble(v) : Double.NaN;
                if (d >= min && d <= max) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a number from " + format(min) + " to " + format(max) + ", such as 0.5, not '"
                    + value + "'");
        }

        private static String format(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        void port(String key, String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port > 0 && port < 65536) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, key + " must be a port number from 1 to 65535, not '" + value + "'");
        }

        void utf8(String key, String value) {
            if (!value.trim().equalsIgnoreCase("UTF-8")) {
                error(key, key + " must be UTF-8; other encodings are not supported");
            }
        }

        void folderName(String key, String value) {
            String v = value.trim();
            if (v.isEmpty() || v.startsWith("/") || v.startsWith("\\") || v.contains("..") || v.contains(":")) {
                error(key, key + " must be a relative folder inside the site, not '" + value + "'");
            }
        }

        void known(String name) {
            var key = ConfigKeys.find(name);
            int line = lines.getOrDefault(name, 0);
            if (key.isPresent()) {
                if (key.get().support() == ConfigKey.Support.IGNORED) {
                    problems.add(Problem.warning(FILE_NAME, line,
                            name + " is accepted and ignored: " + key.get().description()));
                }
                return;
            }
            if (ConfigKeys.isPatternKey(name)) {
                return;
            }
            String hint = ConfigKeys.all().stream()
                    .map(ConfigKey::name)
                    .filter(k -> distance(k, name) <= 2)
                    .findFirst()
                    .map(k -> " (did you mean " + k + "?)")
                    .orElse("");
            problems.add(Problem.warning(FILE_NAME, line, "unknown key " + name + hint));
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
