package dev.journal.cli;

import dev.journal.core.BakeOptions;
import dev.journal.core.CheckResult;
import dev.journal.core.Checker;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journal check}: reports every problem of the content, writes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks the whole content without writing the site: front matter, unknown fields, links"
                + " between articles, missing images and alt texts, articles without tags, duplicate slugs and"
                + " pages, and the templates. Prints path:line: message for each problem; the exit code is 1"
                + " when there are errors. Files unchanged since the last build are not parsed again: their"
                + " articles are read from the build cache, which the check only reads."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "The site's folder, holding jbake.properties and content/ (default: the current folder).")
    Path source;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    @Option(names = "--no-cache",
            description = "Parse every file, without reading the articles the last build kept in its cache"
                    + " (target/journal-cache). The check never writes to the cache.")
    boolean noCache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Main.sourceFolder(spec, source);
        CheckResult result;
        try {
            result = new Checker(source, Clock.systemUTC(), Runtime.getRuntime().availableProcessors(),
                    noCache ? null : BakeOptions.defaultCache(source)).check();
        } catch (IOException e) {
            System.err.println("Check failed: " + IoMessage.of(e, Path.of("")));
            return Main.IO_ERROR;
        }
        for (Problem p : result.problems()) {
            System.out.println(p);
        }
        int errors = result.errors().size();
        if (!quiet || errors > 0) {
            System.out.println(result.summary() + ".");
        }
        return errors > 0 ? Main.CONTENT_ERRORS : 0;
    }
}
