package dev.journal.cli;

import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.Baker;
import dev.journal.core.ContentException;
import dev.journal.core.Counted;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journal build}: bakes the site once. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site from the source folder into the output folder.")
final class BuildCommand implements Callable<Integer> {

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "The site's folder, holding jbake.properties and content/ (default: the current folder).")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where to write the site (default: destination.folder of jbake.properties, under the source).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    @Option(names = "--no-cache",
            description = "Build from scratch, without reading or writing the build cache (target/journal-cache).")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for parsing and rendering (default: one per core).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Main.sourceFolder(spec, source);
        Main.inRange(spec, "--threads", threads, 1, Integer.MAX_VALUE);
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            Path out0 = output != null ? output
                    : source.resolve(ConfigLoader.load(source).get("destination.folder").strip());
            BakeOptions options = new BakeOptions(source, out0, false, Clock.systemUTC(),
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    quiet ? line -> { } : out::println, noCache ? null : BakeOptions.defaultCache(source));
            BakeResult result = new Baker(options).bake();
            for (Problem p : result.warnings()) {
                err.println(p);
            }
            if (!quiet) {
                out.printf(Locale.ROOT, "Built %s and copied %s from %s in %d ms.%n",
                        Counted.of(result.pages(), "page"), Counted.of(result.copied(), "file"),
                        Counted.of(result.documents(), "document"), result.elapsed().toMillis());
            }
            return 0;
        } catch (ContentException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.println("Build failed: " + Counted.of(e.errors().size(), "error")
                    + ". The output folder was not changed.");
            return Main.CONTENT_ERRORS;
        } catch (IOException e) {
            err.println("Build failed: " + IoMessage.of(e, Path.of("")));
            return Main.IO_ERROR;
        }
    }
}
