package dev.journal.core.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads {@code jbake.properties} from a site's source folder. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads the configuration of the site in {@code sourceDir}; defaults only when it has no
     * {@code jbake.properties}. Bad values are reported by {@link SiteConfig#problems()}.
     */
    public static SiteConfig load(Path sourceDir) throws IOException {
        Path file = sourceDir.resolve(SiteConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new SiteConfig(Map.of(), Map.of(), sourceDir);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new SiteConfig(read(text), keyLines(text), sourceDir);
    }

    /** Parses the text of a properties file (UTF-8, java.util.Properties syntax). */
    public static SiteConfig parse(String text) throws IOException {
        return new SiteConfig(read(text), keyLines(text));
    }

    private static Map<String, String> read(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return values;
    }

    /** The line on which each key is first set, for messages that point into the file. */
    private static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] rows = text.split("\r\n|\r|\n", -1);
        boolean continued = false;
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].stripLeading();
            boolean wasContinued = continued;
            continued = endsWithOddBackslashes(row);
            if (wasContinued || row.isEmpty() || row.startsWith("#") || row.startsWith("!")) {
                continue;
            }
            int end = 0;
            while (end < row.length() && "=: \t\f".indexOf(row.charAt(end)) < 0) {
                end += row.charAt(end) == '\\' ? 2 : 1;
            }
            lines.putIfAbsent(row.substring(0, Math.min(end, row.length())).replace("\\", ""), i + 1);
        }
        return lines;
    }

    private static boolean endsWithOddBackslashes(String row) {
        int n = 0;
        for (int i = row.length() - 1; i >= 0 && row.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
