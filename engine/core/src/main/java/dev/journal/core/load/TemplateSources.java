package dev.journal.core.load;

import dev.journal.core.internal.Digests;
import dev.journal.core.config.SiteConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of the site's template folder, read once per build for what the build learns from
 * them before rendering: their digest (whether the last build's template engine still holds),
 * whether they name something ({@code related}), and the configuration names they read. Freemarker
 * reads the templates it renders itself, through its own loader.
 */
public final class TemplateSources {

    /** {@code config.name} or {@code config["name"]} (or {@code 'name'}): a configuration value read by name. */
    private static final Pattern CONFIG = Pattern.compile(
            "(?<![\\w.])config\\s*(?:\\.\\s*([\\p{L}_$@][\\p{L}\\p{N}_$@]*)|\\[\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*])");

    private final Map<String, byte[]> files;
    private final Set<String> configNames;

    private TemplateSources(Map<String, byte[]> files) {
        this.files = files;
        Set<String> names = new TreeSet<>();
        for (byte[] bytes : files.values()) {
            Matcher m = CONFIG.matcher(new String(bytes, StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        this.configNames = Set.copyOf(names);
    }

    /** The files of the site's template folder ({@code template.folder}); none when there is no such folder. */
    public static TemplateSources read(Path source, SiteConfig config) throws IOException {
        Path folder = source.resolve(config.get("template.folder").strip());
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (Files.isDirectory(folder)) {
            List<Path> paths;
            try (var s = Files.walk(folder)) {
                paths = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : paths) {
                files.put(folder.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return new TemplateSources(files);
    }

    /** A digest of the templates: their names and bytes. */
    public String digest() {
        StringBuilder sb = new StringBuilder();
        files.forEach((name, bytes) -> sb.append(name).append('\t').append(Digests.sha256(bytes)).append('\n'));
        return Digests.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a template's text holds {@code word} (ASCII), anywhere, comments included. */
    public boolean mention(String word) {
        for (byte[] bytes : files.values()) {
            if (new String(bytes, StandardCharsets.ISO_8859_1).contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names templates read from {@code config} ({@code config.site_title},
     * {@code config["site_title"]}): a key of {@code jbake.properties} with {@code .} as {@code _}.
     */
    public Set<String> configNames() {
        return configNames;
    }
}
