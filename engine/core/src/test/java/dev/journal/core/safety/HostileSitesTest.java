package dev.journal.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.Baker;
import dev.journal.core.ContentException;
import dev.journal.core.Problem;
import dev.journal.core.SpecFiles;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of {@code spec/hostile-sites.txt}: whole sites built from hostile files, each with its
 * expected outcome. Besides what each case expects, every build is held to the same rules: the
 * sources are not modified, nothing is written beside the output folder, a failed build leaves the
 * previous site byte for byte, and a built site passes {@link SafeOutput}.
 */
class HostileSitesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{(?:x([0-9A-Fa-f]{2})|U\\+([0-9A-Fa-f]{4,6})"
            + "|repeat (\\d+):(.*?))}}");

    /** A file of a case: its path in the site, and its bytes or the target of a symbolic link. */
    record SiteFile(String path, byte[] bytes, String link) {
    }

    record Case(String name, List<SiteFile> files, List<String> expectations) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String[] lines = SpecFiles.read("hostile-sites.txt").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("## ")) {
                i++;
                continue;
            }
            String name = lines[i].substring(3).strip();
            i++;
            while (lines[i].startsWith("#")) {
                i++; // the case's comment
            }
            List<SiteFile> files = new ArrayList<>();
            while (!lines[i].equals(">>>")) {
                if (!lines[i].startsWith("=== ")) {
                    throw new IllegalStateException(name + ": expected '=== path' but found: " + lines[i]);
                }
                String head = lines[i].substring(4);
                i++;
                int arrow = head.indexOf(" -> ");
                if (arrow >= 0) {
                    files.add(new SiteFile(text(head.substring(0, arrow)), null, head.substring(arrow + 4)));
                    continue;
                }
                StringBuilder body = new StringBuilder();
                while (!lines[i].startsWith("=== ") && !lines[i].equals(">>>")) {
                    body.append(lines[i]).append('\n');
                    i++;
                }
                files.add(new SiteFile(text(head), bytes(body.toString()), null));
            }
            i++;
            List<String> expect = new ArrayList<>();
            while (i < lines.length && !lines[i].startsWith("## ")) {
                if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                    expect.add(text(lines[i]));
                }
                i++;
            }
            cases.add(new Case(name, files, expect));
        }
        return cases.stream();
    }

    /** Decodes the directives: {{xFF}} a raw byte, {{U+202E}} a character, {{repeat N:text}}. */
    static byte[] bytes(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = DIRECTIVE.matcher(spec);
        int at = 0;
        while (m.find()) {
            out.writeBytes(spec.substring(at, m.start()).getBytes(StandardCharsets.UTF_8));
            if (m.group(1) != null) {
                out.write(Integer.parseInt(m.group(1), 16));
            } else if (m.group(2) != null) {
                out.writeBytes(new String(Character.toChars(Integer.parseInt(m.group(2), 16)))
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes(m.group(4).repeat(Integer.parseInt(m.group(3))).getBytes(StandardCharsets.UTF_8));
            }
            at = m.end();
        }
        out.writeBytes(spec.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String text(String spec) {
        return new String(bytes(spec), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60)
    void hostileSite(Case c, @TempDir Path root) throws IOException {
        Path site = root.resolve("site");
        Files.createDirectories(site);
        for (SiteFile f : c.files()) {
            Path p = site.resolve(f.path());
            Files.createDirectories(p.getParent());
            if (f.link() != null) {
                Files.createSymbolicLink(p, Path.of(f.link()));
            } else {
                Files.write(p, f.bytes());
            }
        }
        Path out = root.resolve("out");
        Files.createDirectories(out.resolve("old"));
        Files.writeString(out.resolve(".journal-output"), "");
        Files.writeString(out.resolve("index.html"), "the previous site");
        Files.writeString(out.resolve("old/page.html"), "an old page");
        TreeMap<String, String> sources = Trees.snapshot(site);
        TreeMap<String, String> previous = Trees.snapshot(out);

        List<Problem> problems;
        boolean failed;
        try {
            BakeResult result = new Baker(BakeOptions.of(site, out).withClock(CLOCK).withThreads(2)).bake();
            problems = result.warnings();
            failed = false;
        } catch (ContentException e) {
            problems = e.problems();
            failed = true;
        }
        try {
            judge(c, root, site, out, sources, previous, problems, failed);
        } finally {
            for (SiteFile f : c.files()) {
                if (f.link() != null) {
                    Files.deleteIfExists(site.resolve(f.path())); // links out of the temporary folder
                }
            }
        }
    }

    private static void judge(Case c, Path root, Path site, Path out, TreeMap<String, String> sources,
            TreeMap<String, String> previous, List<Problem> problems, boolean failed) throws IOException {

        assertEquals(sources, Trees.snapshot(site), "the build changed the sources");
        try (Stream<Path> s = Files.list(root)) {
            // but the output folder's lock (kept: see OutputLock), when the build got as far as taking it
            assertEquals(List.of("out", "site"), s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(".out.journal-lock")).sorted().toList(),
                    "the build left files beside the output folder");
        }
        List<String> errors = c.expectations().stream().filter(e -> e.startsWith("error ")).toList();
        List<String> warnings = c.expectations().stream().filter(e -> e.startsWith("warning ")).toList();
        String report = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertProblems("error", errors, problems.stream().filter(Problem::isError).toList(), report);
        assertProblems("warning", warnings, problems.stream().filter(p -> !p.isError()).toList(), report);
        if (!errors.isEmpty()) {
            assertTrue(failed, "the build should have failed");
            assertEquals(previous, Trees.snapshot(out), "a failed build changed the previous site");
            return;
        }
        assertFalse(failed, "the build failed:\n" + report);
        assertFalse(Files.exists(out.resolve("old/page.html")), "the site was replaced as a whole");
        boolean trusted = c.expectations().contains("trusted");
        if (!trusted) {
            Set<String> hosts = MarkdownOptions.of(SiteConfig.defaults()).embedHosts();
            List<String> unsafe = SafeOutput.violations(out, hosts);
            assertTrue(unsafe.isEmpty(), "unsafe output:\n" + String.join("\n", unsafe));
        }
        for (String e : c.expectations()) {
            check(out, e);
        }
    }

    private static void check(Path out, String e) throws IOException {
        if (e.startsWith("file ")) {
            assertTrue(Files.isRegularFile(out.resolve(e.substring(5))), "no file " + e.substring(5) + " in "
                    + Trees.snapshot(out).keySet());
        } else if (e.startsWith("no ")) {
            assertFalse(Files.exists(out.resolve(e.substring(3))), "there should be no " + e.substring(3));
        } else if (e.startsWith("in ") || e.startsWith("not in ")) {
            boolean in = e.startsWith("in ");
            int colon = e.indexOf(": ");
            String file = e.substring(in ? 3 : 7, colon);
            String words = e.substring(colon + 2);
            String text = Files.readString(out.resolve(file));
            assertEquals(in, text.contains(words), (in ? "missing from " : "found in ") + file + ": " + words
                    + (in ? "\n" + text : ""));
        } else if (e.startsWith("nowhere: ")) {
            String words = e.substring(9);
            for (var entry : Trees.texts(out).entrySet()) {
                assertFalse(entry.getValue().contains(words), "found in " + entry.getKey() + ": " + words);
            }
        } else if (!e.startsWith("error ") && !e.startsWith("warning ") && !e.equals("trusted")) {
            fail("unknown expectation: " + e);
        }
    }

    private static void assertProblems(String kind, List<String> expected, List<Problem> actual, String report) {
        assertEquals(expected.size(), actual.size(), kind + "s expected " + expected + ", got:\n" + report);
        for (String e : expected) {
            Matcher m = Pattern.compile(kind + " (.*?):(\\d+): (.*)").matcher(e);
            assertTrue(m.matches(), "bad expectation " + e);
            boolean found = actual.stream().anyMatch(p -> p.path().equals(m.group(1))
                    && p.line() == Integer.parseInt(m.group(2)) && p.message().contains(m.group(3)));
            if (!found) {
                fail("expected " + e + "\ngot:\n" + report);
            }
        }
    }
}
