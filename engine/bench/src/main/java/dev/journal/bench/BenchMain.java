package dev.journal.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar journal-bench.jar <benchmark> [options]}: the engine's benchmarks, one per subcommand. */
@Command(name = "journal-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the Journal engine on synthetic journals. Run one per JVM, on a quiet machine.",
        subcommands = {CorpusCommand.class, RelatedBenchmark.class, PreviewBenchmark.class, CommandLine.HelpCommand.class})
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
