package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources give the same bytes, whatever the machine: the sample journal (plus articles
 * that trip locale- and zone-dependent code: Turkish dotted and dotless i, dates without a zone
 * near midnight, equal dates) copied to two checkout folders and built by separate JVMs under
 * different time zones (the TZ variable and -Duser.timezone), locales (Turkish, Japanese, German),
 * default charsets and thread counts. The whole output trees must be byte-identical.
 */
class DeterminismTest {

    @TempDir
    Path dir;

    /** One build: its JVM options, environment and thread count. */
    record Variant(String name, Path source, List<String> jvm, Map<String, String> env, int threads) {
    }

    private static void addTrickyArticles(Path site) throws IOException {
        Path dir = site.resolve("content/articles/2025");
        Files.writeString(dir.resolve("turkish-i.md"), """
                ---
                title: "İstanbul, Iğdır and KIRIKKALE: the Turkish I"
                authors: [Işık Ilıcak, İlkay Işıl]
                date: 2025-01-01 00:30
                tags: [İzmir, ISPARTA, ırmak, Istanbul]
                ---
                A date without a zone, half an hour after midnight in the site's zone. INFO, TITLE, FILE.
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("same-date-b.md"), """
                ---
                title: Same date B
                date: 2025-01-01 00:30
                tags: [İzmir]
                ---
                Tied with two other articles; the order comes from the slug.
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("same-date-a.md"), """
                ---
                title: Same date A
                date: 2024-12-31T23:30:00-01:00
                tags: [izmir]
                ---
                The same instant written with an offset.
                """, StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void byteIdenticalAcrossZonesLocalesCheckoutsAndThreads() throws Exception {
        Path one = dir.resolve("checkout");
        Path two = dir.resolve("elsewhere/a longer path with spaces and ü/journal");
        for (Path copy : List.of(one, two)) {
            for (String part : List.of("content", "jbake.properties")) {
                Path from = SampleJournalTest.ROOT.resolve(part);
                if (Files.isDirectory(from)) {
                    JournalProcess.copy(from, copy.resolve(part));
                } else {
                    Files.createDirectories(copy);
                    Files.copy(from, copy.resolve(part));
                }
            }
            for (String optional : List.of("templates", "assets")) {
                if (Files.isDirectory(SampleJournalTest.ROOT.resolve(optional))) {
                    JournalProcess.copy(SampleJournalTest.ROOT.resolve(optional), copy.resolve(optional));
                }
            }
            addTrickyArticles(copy);
        }
        List<Variant> variants = List.of(
                new Variant("en-US UTC", one, List.of("-Duser.timezone=UTC", "-Duser.language=en",
                        "-Duser.country=US"), Map.of("TZ", "UTC"), 2),
                new Variant("tr-TR TZ=Pacific/Kiritimati", two, List.of("-Duser.language=tr", "-Duser.country=TR"),
                        Map.of("TZ", "Pacific/Kiritimati"), 1),
                new Variant("ja-JP America/St_Johns ISO-8859-1", one, List.of("-Duser.timezone=America/St_Johns",
                        "-Duser.language=ja", "-Duser.country=JP", "-Dfile.encoding=ISO-8859-1"), Map.of(), 4),
                new Variant("de-DE Asia/Kathmandu", two, List.of("-Duser.timezone=Asia/Kathmandu",
                        "-Duser.language=de", "-Duser.country=DE"), Map.of("TZ", "America/Los_Angeles"), 3));
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            Path out = dir.resolve("out-" + i);
            outputs.add(out);
            processes.add(JournalProcess.start(v.jvm(), v.env(), dir.resolve("log-" + i + ".txt"), "build",
                    "--source", v.source().toString(), "--output", out.toString(), "--threads",
                    Integer.toString(v.threads()), "--quiet"));
        }
        for (int i = 0; i < processes.size(); i++) {
            assertTrue(processes.get(i).waitFor(300, TimeUnit.SECONDS), variants.get(i).name() + " did not finish");
            assertEquals(0, processes.get(i).exitValue(), variants.get(i).name() + ": "
                    + Files.readString(dir.resolve("log-" + i + ".txt")));
        }
        TreeMap<String, String> first = JournalProcess.digests(outputs.get(0));
        assertTrue(first.containsKey("articles/2025/turkish-i/index.html"), first.keySet().toString());
        assertTrue(first.keySet().stream().anyMatch(p -> p.startsWith("tags/ırmak/")), "the dotless i keeps its tag");
        for (int i = 1; i < outputs.size(); i++) {
            TreeMap<String, String> other = JournalProcess.digests(outputs.get(i));
            assertEquals(first.keySet(), other.keySet(), variants.get(i).name() + ": the set of files");
            for (String file : first.keySet()) {
                if (!first.get(file).equals(other.get(file))) {
                    assertEquals(Files.readString(outputs.get(0).resolve(file)),
                            Files.readString(outputs.get(i).resolve(file)),
                            file + " differs between " + variants.get(0).name() + " and " + variants.get(i).name());
                }
            }
        }
    }
}
