package dev.journal.cli;

import dev.journal.core.ContentException;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.authoring.NewArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journal new}: starts an article. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Starts a new article: writes content/articles/YYYY/<slug>.md with its front matter filled in"
                + " (date and time now in journal.timezone, draft: true) and prints its path. Never replaces a file:"
                + " when the name is taken, <slug>-2.md and so on is used."})
final class NewCommand implements Callable<Integer> {

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "The site's folder, holding jbake.properties and content/ (default: the current folder).")
    Path source;

    @Option(names = {"-t", "--title"}, paramLabel = "TITLE", required = true, description = "The article's title.")
    String title;

    // split here rather than by picocli, whose split reads quotes as grouping and warns of an
    // apostrophe written as a quote (O"Brien)
    @Option(names = {"-a", "--author"}, paramLabel = "NAME",
            description = "Authors' names, separated by commas (or the option repeated), as for Maven's journal.author.")
    List<String> authors = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "TAGS", description = "Tags, separated by commas.")
    List<String> tags = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** Each value split at its commas, as written: quotes are part of a name. */
    private static List<String> split(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (String v : values) {
            parts.addAll(List.of(v.split(",", -1)));
        }
        return parts;
    }

    @Override
    public Integer call() {
        Main.sourceFolder(spec, source);
        try {
            NewArticle.Created created = NewArticle.create(source, new NewArticle.Request(title, split(authors),
                    split(tags)),
                    Clock.systemUTC());
            if (created.taken() != null) {
                System.err.println("(" + created.taken() + " is taken, so the article got another name)");
            }
            System.out.println(Main.display(created.file()));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("journal new: " + e.getMessage());
            return Main.USAGE;
        } catch (ContentException e) {
            e.problems().stream().filter(Problem::isError).forEach(System.err::println);
            return Main.CONTENT_ERRORS;
        } catch (IOException e) {
            System.err.println("journal new: " + IoMessage.of(e, Path.of("")));
            return Main.IO_ERROR;
        }
    }
}
