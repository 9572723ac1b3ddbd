package dev.journal.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code corpus}: writes a synthetic journal to a folder, to build or inspect. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Writes a synthetic journal (jbake.properties and content/) into a folder.")
final class CorpusCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "N", defaultValue = "1000", description = "How many articles (default: 1000).")
    int articles;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
    long seed;

    @Option(names = "--bytes", paramLabel = "B", defaultValue = "10000",
            description = "Approximate size of each article in bytes (default: 10000).")
    int bytes;

    @Override
    public Integer call() throws Exception {
        long t = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.Spec.of(articles).withSeed(seed)
                .withArticleBytes(bytes));
        generator.write(out);
        System.out.printf(Locale.ROOT, "Wrote %d articles to %s in %d ms.%n", articles, out,
                (System.nanoTime() - t) / 1_000_000);
        return 0;
    }
}
