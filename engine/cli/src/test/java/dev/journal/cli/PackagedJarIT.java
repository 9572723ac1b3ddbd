package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as shipped ({@code engine/cli/target/journal.jar}, after {@code package}): it
 * holds every library the engine needs (a dependency left out of the jar fails only here), and it
 * builds the sample journal into exactly the bytes the tested code does, run by the launcher
 * ({@code engine/cli/target/journal}) as the README shows and by {@code java -jar}.
 */
class PackagedJarIT {

    @TempDir
    Path dir;

    @Test
    void theLauncherBuildsTheJournalLikeTheTestedCode() throws Exception {
        Path launcher = Path.of("target/journal").toAbsolutePath();
        assertTrue(Files.isExecutable(launcher), "run after package: " + launcher);
        Path fromJar = dir.resolve("jar");
        run(launcher, null, 300, "build", "--source", SampleJournalTest.ROOT.toString(), "--output", fromJar.toString(),
                "--quiet");
        Path inProcess = dir.resolve("tested");
        CliRunner.Run run = CliRunner.run("build", "--source", SampleJournalTest.ROOT.toString(), "--output",
                inProcess.toString(), "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertEquals(JournalProcess.digests(inProcess), JournalProcess.digests(fromJar));
    }

    @Test
    void theJournalThatMakesTheClassArchiveBuildsCleanly() throws Exception {
        // package builds it once to record the classes a build loads; a problem there would go unseen
        CliRunner.Run run = CliRunner.run("check", "--source", Path.of("src/training").toAbsolutePath().toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("no errors, no warnings"), run.out() + run.err());
    }

    @Test
    void theLauncherRunsWithTheClassArchiveMadeWithTheJar() throws Exception {
        // up to Java 24 a class archive; from Java 25 an ahead-of-time cache, which also needs
        // compact object headers (the launcher reads the runtime's version from its release file)
        Path target = Path.of("target").toAbsolutePath();
        boolean aot = Runtime.version().feature() >= 25;
        String archive = aot ? "journal.aot" : "journal.jsa";
        assertFalse(Files.exists(target.resolve(aot ? "journal.jsa" : "journal.aot")),
                "package makes the archive of the JDK it runs on, and only that one");
        if (!Files.isRegularFile(target.resolve(archive))) {
            // only a JVM that cannot make archives (one without the JDK's own base archive) may leave none
            Path probe = dir.resolve("probe.archive");
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(aot ? List.of("-XX:+UseCompactObjectHeaders", "-XX:AOTCacheOutput=" + probe, "-Xlog:aot=off")
                    : List.of("-XX:ArchiveClassesAtExit=" + probe, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            command.add("-version");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("probe.txt").toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertFalse(Files.exists(probe), "this JVM makes archives, but package left none at " + target);
            assumeTrue(false, "this JVM cannot make class archives");
        }
        String loaded = run(target.resolve("journal"), "-Xlog:class+load=info", 60, "--version");
        assertTrue(loaded.contains("dev.journal.cli.Main source: shared objects file"), loaded);
        // copied elsewhere: Java 25's cache follows the jar it was made from (a moved class path is
        // allowed since Java 21), while Java 17's archive holds the jar's path and is left out
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String file : List.of("journal", "journal.jar", archive)) {
            Files.copy(target.resolve(file), copy.resolve(file), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        String moved = run(copy.resolve("journal"), "-Xlog:class+load=info", 60, "--version");
        assertEquals(aot, moved.contains("dev.journal.cli.Main source: shared objects file"), moved);
        // a jar made after the archive: the JVM (Java 17) or the launcher (Java 25, whose 25.0.3 does
        // not notice, JDK-8377932) runs without it, quietly
        Path jar = copy.resolve("journal.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(copy.resolve(archive)).toMillis() + 3_600_000));
        String changed = run(copy.resolve("journal"), "-Xlog:class+load=info", 60, "--version");
        assertFalse(changed.contains("dev.journal.cli.Main source: shared objects file"), changed);
        assertEquals(run(target.resolve("journal"), null, 60, "--version"),
                run(copy.resolve("journal"), null, 60, "--version"));
    }

    /**
     * What the launcher prints, run with the test's JVM and {@code options} in JOURNAL_JAVA_OPTS;
     * it must end within {@code seconds}, with exit code 0.
     */
    private String run(Path launcher, String options, int seconds, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JOURNAL_JAVA_OPTS");
        if (options != null) {
            builder.environment().put("JOURNAL_JAVA_OPTS", options);
        }
        Path log = dir.resolve("run.txt");
        Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void theJarSanitisesRawHtml() throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("content"));
        Files.writeString(site.resolve("content/a.md"), "---\ntitle: A\ndate: 2024-01-01\n---\n"
                + "<p onclick=\"pwn()\">Kept</p><script>pwn()</script>\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target/journal.jar").toAbsolutePath().toString(), "build", "-s", site.toString(), "-o",
                dir.resolve("out").toString(), "-q").redirectErrorStream(true)
                .redirectOutput(dir.resolve("log2.txt").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log2.txt")));
        String page = Files.readString(dir.resolve("out/a.html"));
        assertTrue(page.contains("<p>Kept</p>") && !page.contains("pwn()"), page);
    }
}
