package dev.journal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden sites: each fixture under {@code src/test/resources/sites/<case>/} is baked and compared
 * file by file with {@code src/test/resources/golden/<case>/}. After an intended change, review
 * and rewrite the goldens with {@code mvn test -Djournal.golden.update=true}.
 */
class GoldenSiteTest {

    static final Path FIXTURES = Path.of("src/test/resources/sites");
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"basic"})
    void bakeMatchesGolden(String name) throws Exception {
        Path site = out.resolve("site");
        new Baker(BakeOptions.of(FIXTURES.resolve(name), site).withClock(CLOCK)).bake();
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("journal.golden.update")) {
            if (Files.exists(golden)) {
                try (Stream<Path> s = Files.walk(golden)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            for (String f : files(site)) {
                Files.createDirectories(golden.resolve(f).getParent());
                Files.copy(site.resolve(f), golden.resolve(f));
            }
            return;
        }
        List<String> expected = files(golden);
        List<String> actual = files(site);
        assertEquals(expected, actual, "the set of files; rewrite with -Djournal.golden.update=true if intended");
        List<String> different = new ArrayList<>();
        for (String f : expected) {
            // bytes, not text: the theme has binary files (images)
            if (!Arrays.equals(Files.readAllBytes(golden.resolve(f)), Files.readAllBytes(site.resolve(f)))) {
                different.add(f);
            }
        }
        if (!different.isEmpty()) {
            String f = different.get(0);
            assertEquals(new String(Files.readAllBytes(golden.resolve(f)), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(site.resolve(f)), StandardCharsets.UTF_8),
                    different.size() + " files differ from the golden site, first " + f
                            + "; rewrite with -Djournal.golden.update=true if intended");
            fail(different.toString());
        }
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(dev.journal.core.write.SiteWriter.MARKER)).sorted().toList();
        }
    }
}
