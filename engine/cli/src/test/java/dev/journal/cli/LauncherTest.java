package dev.journal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code src/main/launcher/journal}) and the JVM options it chooses, run with
 * a stand-in {@code java} (through {@code JAVA_HOME}) that writes down the arguments it gets.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final String QUICK = "-XX:TieredStopAtLevel=1";
    private static final String HEAP = "-XX:InitialRAMPercentage=6.25";
    private static final String TENURE = "-XX:MaxTenuringThreshold=0";
    private static final List<String> INLINING = List.of("-XX:FreqInlineSize=50", "-XX:InlineSmallCode=500",
            "-XX:MaxInlineSize=20");
    private static final Path LAUNCHER = Path.of("src/main/launcher/journal").toAbsolutePath();
    /**
     * The collector's options every command but serve gets, with huge pages: the launcher the tests
     * run reads a kernel setting of theirs that offers them ({@link #KERNEL}), whatever this
     * machine's says; {@link #hugePagesAreAskedForWhereTheKernelOffersThem} tries the others.
     */
    private static final List<String> MEMORY = List.of("-XX:+UseParallelGC", "-Xmn100m", "-XX:+UseTransparentHugePages");
    private static final String KERNEL = "/sys/kernel/mm/transparent_hugepage/enabled";

    /** The first of {@code args}, as many as {@code expected} has. */
    private static List<String> head(List<String> expected, List<String> args) {
        return args.subList(0, Math.min(expected.size(), args.size()));
    }

    /** The journal command's own arguments: what follows {@code options} (ending in -jar) and the jar. */
    private static List<String> tail(List<String> options, List<String> args) {
        return args.subList(options.size() + 1, args.size());
    }

    /** {@link #MEMORY} followed by {@code more}. */
    private static List<String> memoryAnd(String... more) {
        List<String> all = new ArrayList<>(MEMORY);
        all.addAll(List.of(more));
        return all;
    }

    @TempDir
    Path dir;
    private Path site;
    /** The launcher, reading the kernel's huge-page setting from {@link #pages}. */
    private Path launcher;
    private Path pages;

    @BeforeEach
    void standInJava() throws Exception {
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$ARGUMENTS\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        site = dir.resolve("my site");
        Files.createDirectories(site);
        pages = dir.resolve("enabled");
        Files.writeString(pages, "always [madvise] never\n");
        launcher = dir.resolve("journal-launcher");
        String script = Files.readString(LAUNCHER);
        assertTrue(script.contains(KERNEL), "the launcher reads the kernel's setting at " + KERNEL);
        Files.writeString(launcher, script.replace(KERNEL, pages.toString()));
    }

    /** The arguments the launcher hands java, run in {@code cwd} with {@code options} in JOURNAL_JAVA_OPTS. */
    private List<String> launch(Path cwd, String options, String... args) throws Exception {
        return launchCopy(launcher, cwd, options, args);
    }

    /** As {@link #launch(Path, String, String...)}, with the launcher at {@code script}. */
    private List<String> launchCopy(Path script, Path cwd, String options, String... args) throws Exception {
        return launchCopy(script, cwd, options == null ? Map.of() : Map.of("JOURNAL_JAVA_OPTS", options), args);
    }

    /**
     * As {@link #launch(Path, String, String...)}, with the launcher at {@code script} and these
     * variables of the environment (none of the JVM's own option variables otherwise).
     */
    private List<String> launchCopy(Path script, Path cwd, Map<String, String> environment, String... args)
            throws Exception {
        return launchCopy(script, cwd, variables -> variables.putAll(environment), args);
    }

    /**
     * As {@link #launch(Path, String, String...)}, with the launcher at {@code script} and the
     * environment as {@code edit} leaves it: JAVA_HOME the stand-in runtime's and none of the JVM's
     * own option variables, unless it says otherwise.
     */
    private List<String> launchCopy(Path script, Path cwd, java.util.function.Consumer<Map<String, String>> edit,
            String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        Path written = dir.resolve("arguments.txt");
        Files.deleteIfExists(written);
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        builder.environment().put("ARGUMENTS", written.toString());
        for (String variable : List.of("JOURNAL_JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            builder.environment().remove(variable);
        }
        edit.accept(builder.environment());
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log.txt")));
        return Files.readAllLines(written);
    }

    private List<String> launch(String... args) throws Exception {
        return launch(dir, null, args);
    }

    /** A build cache whose index of sources has {@code bytes} bytes. */
    private void cache(long bytes) throws Exception {
        Path index = site.resolve("target/journal-cache/index.bin");
        Files.createDirectories(index.getParent());
        try (RandomAccessFile file = new RandomAccessFile(index.toFile(), "rw")) {
            file.setLength(bytes);
        }
    }

    /** {@code count} files in {@code folder} of the site, as a journal's articles. */
    private void content(String folder, int count) throws Exception {
        articles(site.resolve(folder).resolve("articles"), count);
    }

    /** {@code count} empty articles in {@code folder}. */
    private static void articles(Path folder, int count) throws Exception {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Files.createFile(folder.resolve("article-" + i + ".md"));
        }
    }

    @Test
    void aColdBuildOfALargeJournalKeepsBothCompilersWithALargerFirstHeap() throws Exception {
        content("content", 3_000);
        List<String> args = launch("build", "--source", site.toString());
        assertFalse(args.contains(QUICK) || args.contains(TENURE), args.toString());
        List<String> options = new ArrayList<>(MEMORY);
        options.addAll(INLINING);
        options.add(HEAP);
        options.add("-jar");
        assertEquals(options, head(options, args), "the optimising compiler inlines less; the heap starts larger");
        assertEquals(List.of("build", "--source", site.toString()), tail(options, args));
        assertTrue(args.get(options.size()).endsWith("journal.jar"), args.toString());
        List<String> uncached = launch("build", "--no-cache", "--source", site.toString());
        assertEquals(options, head(options, uncached), uncached.toString());
        List<String> overridden = launch(dir, "-XX:FreqInlineSize=325", "build", "--source", site.toString());
        assertEquals("-XX:FreqInlineSize=325", overridden.get(options.size() - 1),
                "the user's option comes last: " + overridden);
    }

    @Test
    void aColdBuildOfASmallJournalUsesTheQuickCompilerAlone() throws Exception {
        content("content", 2_999);
        List<String> args = launch("build", "--source", site.toString());
        List<String> quick = memoryAnd(QUICK, "-jar");
        assertEquals(quick, head(quick, args));
        assertEquals(List.of("build", "--source", site.toString()), tail(quick, args));
        assertEquals(quick, head(quick, launch("build", "--no-cache", "--source", site.toString())));
        assertEquals(QUICK, launch(site, null, "build").get(MEMORY.size()),
                "the source folder defaults to the current one");
    }

    @Test
    void aColdBuildCountsTheContentFolderTheConfigurationNames() throws Exception {
        content("writing", 3_000);
        assertTrue(launch("build", "--source", site.toString()).contains(QUICK), "there is no content/");
        for (String properties : List.of("content.folder = old\ncontent.folder = writing \r\n",
                "content.folder:writing\n", "  content.folder writing\n", "content.folder=old\n\tcontent.folder\t=\twriting")) {
            Files.writeString(site.resolve("jbake.properties"), "site.host=https://example.org\n" + properties);
            List<String> args = launch("build", "--source", site.toString());
            assertFalse(args.contains(QUICK), properties + ": " + args);
            assertTrue(args.containsAll(INLINING), args.toString());
        }
    }

    @Test
    void aColdBuildCountsThroughSymbolicLinks() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        articles(elsewhere, 3_000);
        Files.createSymbolicLink(site.resolve("content"), elsewhere);
        assertFalse(launch("build", "--source", site.toString()).contains(QUICK), "the folder is a link");
    }

    @Test
    void aBuildWithTheCacheOfASmallJournalUsesTheQuickCompiler() throws Exception {
        cache(140_000); // about 1,000 documents
        for (List<String> form : List.of(List.of("--source", site.toString()), List.of("--source=" + site),
                List.of("-s", site.toString()), List.of("-s=" + site), List.of("-s" + site),
                List.of("-qs", site.toString()), List.of("-qs" + site), List.of("-qs=" + site))) {
            List<String> args = new ArrayList<>(List.of("build", "--quiet"));
            args.addAll(form);
            args.addAll(List.of("--output", dir.resolve("out").toString()));
            List<String> given = launch(args.toArray(String[]::new));
            List<String> options = memoryAnd(QUICK, HEAP, TENURE, "-jar");
            assertEquals(options, head(options, given), form.toString());
            assertEquals(args, tail(options, given));
        }
        assertTrue(launch(site, null, "build").contains(QUICK), "the source folder defaults to the current one");
    }

    @Test
    void aLargeJournalKeepsBothCompilersAndCheckInlinesLess() throws Exception {
        cache(3_000_000); // about 21,000 documents
        List<String> large = launch("build", "--source", site.toString());
        assertFalse(large.contains(QUICK) || large.contains(HEAP), "a rebuild of a large journal: " + large);
        assertTrue(large.containsAll(INLINING), large.toString());
        cache(2_999_999);
        List<String> small = launch("build", "--source", site.toString());
        assertTrue(small.contains(QUICK));
        assertTrue(small.stream().noneMatch(INLINING::contains), "the quick compiler alone: " + small);
        List<String> uncached = launch("build", "--no-cache", "--source", site.toString());
        assertEquals(memoryAnd(QUICK, "-jar"), head(memoryAnd(QUICK, "-jar"), uncached),
                "without the cache, a cold build of an empty journal");
        List<String> check = launch(site, null, "check");
        assertFalse(check.contains(QUICK) || check.contains(HEAP), check.toString());
        assertTrue(check.containsAll(INLINING), check.toString());
        List<String> serve = launch(site, null, "serve");
        assertEquals(List.of("-jar"), serve.subList(0, 1), "serve keeps the JVM's defaults");
    }

    @Test
    void theRealJvmTakesTheLaunchersOptions() throws Exception {
        // the real java this time, with the launcher and a stand-in jar in a folder of their own:
        // the JVM starts (and -version stops it) with the inlining options of check and large builds,
        // and when the user's -Xmx is below the rebuild's first heap
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Files.copy(LAUNCHER, bin.resolve("journal"));
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "NotUsed");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(bin.resolve("journal.jar")), manifest)) {
            jar.flush();
        }
        cache(1_000);
        for (String command : List.of("build", "check")) {
            ProcessBuilder builder = new ProcessBuilder("sh", bin.resolve("journal").toString(), command, "--source",
                    site.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("real.txt").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JOURNAL_JAVA_OPTS", "-Xmx64m -version");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process p = builder.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String out = Files.readString(dir.resolve("real.txt"));
            assertEquals(0, p.exitValue(), command + ": " + out);
            assertTrue(out.contains("version"), out);
            assertFalse(out.contains("TransparentHugePages") || out.contains("huge pages"),
                    "the JVM has the huge pages the kernel offers: " + out);
        }
    }

    @Test
    void everyCommandGetsTheClassArchiveLyingNextToTheJar() throws Exception {
        Path bin = dir.resolve("tools with spaces");
        Files.createDirectories(bin);
        Files.copy(LAUNCHER, bin.resolve("journal"));
        Path archive = bin.resolve("journal.jsa");
        for (String command : List.of("build", "serve", "check", "--version")) {
            List<String> without = launchCopy(bin.resolve("journal"), site, "-Xmx1g", command);
            assertFalse(without.stream().anyMatch(a -> a.contains("SharedArchiveFile")), command + ": " + without);
        }
        Files.writeString(archive, "");
        for (String command : List.of("build", "serve", "check", "--version")) {
            List<String> args = launchCopy(bin.resolve("journal"), site, "-Xmx1g", command);
            int at = args.indexOf("-XX:SharedArchiveFile=" + archive);
            assertTrue(at >= 0, command + ": " + args);
            assertEquals(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xmx1g", "-jar"), args.subList(at + 1, at + 5),
                    command + ": the archive's check is quiet, and the user's options still come last");
        }
    }

    @Test
    void fromJava25TheAheadOfTimeCacheTakesTheClassArchivesPlace() throws Exception {
        Path bin = installed("tools with spaces", "journal.jsa");
        Path cache = bin.resolve("journal.aot");
        String headers = "-XX:+UseCompactObjectHeaders";
        for (String version : List.of("25.0.3", "25-ea", "26")) {
            release("JAVA_VERSION=\"" + version + "\"");
            Files.deleteIfExists(cache);
            for (String command : List.of("build", "serve", "check", "--version")) {
                List<String> args = launchCopy(bin.resolve("journal"), site, "-Xmx1g", command);
                assertTrue(args.contains(headers), version + ", " + command + ": " + args);
                assertFalse(args.stream().anyMatch(a -> a.contains("AOTCache") || a.contains("SharedArchiveFile")),
                        version + ", " + command + ": the archive made for older runtimes is not theirs: " + args);
            }
            Files.writeString(cache, "");
            for (String command : List.of("build", "serve", "check", "--version")) {
                List<String> args = launchCopy(bin.resolve("journal"), site, "-Xmx1g", command);
                int at = args.indexOf("-XX:AOTCache=" + cache);
                assertTrue(at > 0, version + ", " + command + ": " + args);
                assertEquals(headers, args.get(at - 1), "the cache is made with compact headers and needs them");
                assertEquals(List.of("-Xlog:aot=off", "-Xlog:cds=off", "-Xmx1g", "-jar"), args.subList(at + 1, at + 5),
                        version + ", " + command + ": the cache's check is quiet, and the user's options still come last");
                assertFalse(args.stream().anyMatch(a -> a.contains("SharedArchiveFile")), args.toString());
            }
        }
        // the jar the cache was made from: older than the cache, or of the same time
        Path jar = bin.resolve("journal.jar");
        Files.writeString(jar, "");
        for (long offset : new long[] {-60_000, 0}) {
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(cache).toMillis() + offset));
            assertTrue(launchCopy(bin.resolve("journal"), site, (String) null, "build").contains("-XX:AOTCache=" + cache),
                    "a jar " + offset + " ms from the cache");
        }
        // options of the user's that choose an archive or cache, or none: the JVM refuses both at once
        for (String option : List.of("-Xshare:off", "-Xshare:auto", "-XX:SharedArchiveFile=/tmp/theirs.jsa",
                "-XX:AOTMode=off", "-XX:AOTCache=/tmp/theirs.aot", "-XX:AOTCacheOutput=/tmp/new.aot",
                "-XX:DumpLoadedClassList=/tmp/classes.txt")) {
            for (String variable : List.of("JOURNAL_JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
                List<String> args = launchCopy(bin.resolve("journal"), site, Map.of(variable, "-Xmx1g " + option),
                        "build");
                assertFalse(args.contains("-XX:AOTCache=" + cache) || args.contains("-Xlog:aot=off"),
                        variable + "=" + option + ": " + args);
                assertTrue(args.contains(headers), args.toString());
            }
        }
        // a jar made after the cache (packaged again with an older JDK, say): the cache is another jar's
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(cache).toMillis() + 60_000));
        List<String> args = launchCopy(bin.resolve("journal"), site, (String) null, "build");
        assertTrue(args.contains(headers), args.toString());
        assertFalse(args.stream().anyMatch(a -> a.contains("AOTCache") || a.contains("SharedArchiveFile")), args.toString());
    }

    @Test
    void olderRuntimesKeepTheClassArchiveAndTheirHeaders() throws Exception {
        Path bin = installed("bin", "journal.jsa", "journal.aot");
        // a release file naming an older runtime, an unreadable one and none at all
        for (String release : List.of("JAVA_VERSION=\"17.0.15\"", "JAVA_VERSION=\"24.0.1\"", "JAVA_VERSION=\"1.8.0_292\"",
                "IMPLEMENTOR=\"nobody\"", "")) {
            if (release.isEmpty()) {
                Files.deleteIfExists(dir.resolve("jdk/release"));
            } else {
                release(release);
            }
            List<String> args = launchCopy(bin.resolve("journal"), site, (String) null, "build");
            assertTrue(args.contains("-XX:SharedArchiveFile=" + bin.resolve("journal.jsa")), release + ": " + args);
            assertFalse(args.stream().anyMatch(a -> a.contains("AOTCache") || a.contains("CompactObjectHeaders")
                    || a.contains("aot")), release + ": options an older JVM would refuse: " + args);
        }
    }

    @Test
    void theRuntimeOnThePathIsFoundThroughItsLinks() throws Exception {
        // no JAVA_HOME: the java on the PATH, a link into a JDK's bin folder, tells the version
        Path jdk = dir.resolve("jdk-25");
        Files.createDirectories(jdk.resolve("bin"));
        Files.copy(dir.resolve("jdk/bin/java"), jdk.resolve("bin/java"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path links = dir.resolve("links");
        Files.createDirectories(links);
        Files.createSymbolicLink(links.resolve("java"), jdk.resolve("bin/java"));
        Path bin = installed("bin", "journal.aot");
        List<String> args = launchCopy(bin.resolve("journal"), site, variables -> {
            variables.remove("JAVA_HOME");
            variables.put("PATH", links + java.io.File.pathSeparator + variables.get("PATH"));
        }, "build");
        assertTrue(args.contains("-XX:+UseCompactObjectHeaders"), args.toString());
        assertTrue(args.contains("-XX:AOTCache=" + bin.resolve("journal.aot")), args.toString());
    }

    /** A folder of the test's holding the launcher as {@code journal} and these (empty) files beside it. */
    private Path installed(String folder, String... files) throws Exception {
        Path bin = dir.resolve(folder);
        Files.createDirectories(bin);
        Files.copy(LAUNCHER, bin.resolve("journal"));
        for (String file : files) {
            Files.writeString(bin.resolve(file), "");
        }
        return bin;
    }

    /** The stand-in runtime's release file, holding {@code line}. */
    private void release(String line) throws Exception {
        Files.writeString(dir.resolve("jdk/release"), "IMPLEMENTOR=\"Test\"\n" + line + "\n");
    }

    @Test
    void hugePagesAreAskedForWhereTheKernelOffersThem() throws Exception {
        String thp = "-XX:+UseTransparentHugePages";
        for (String setting : List.of("[always] madvise never", "always [madvise] never", "always madvise [never]",
                "")) {
            if (setting.isEmpty()) {
                Files.deleteIfExists(pages);
            } else {
                Files.writeString(pages, setting + "\n");
            }
            boolean offered = setting.contains("[always]") || setting.contains("[madvise]");
            for (String command : List.of("build", "check", "new")) {
                List<String> args = launch(site, null, command);
                assertEquals(offered, args.contains(thp), setting + ", " + command + ": " + args);
                assertEquals(List.of("-XX:+UseParallelGC", "-Xmn100m"), args.subList(0, 2), args.toString());
            }
            assertFalse(launch(site, null, "serve").contains(thp), setting + ": serve keeps the defaults");
        }
    }

    @Test
    void theUsersOptionsComeLastSoTheyWin() throws Exception {
        cache(1_000);
        List<String> args = launch(site, "-XX:TieredStopAtLevel=4 -Xmx2g", "build");
        List<String> options = memoryAnd(QUICK, HEAP, TENURE, "-XX:TieredStopAtLevel=4", "-Xmx2g", "-jar");
        assertEquals(options, head(options, args));
    }
}
