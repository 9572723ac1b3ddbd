package dev.journal.cli;

import dev.journal.core.ContentException;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.authoring.LegacyImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code journal import}: legacy plain-text articles to Markdown articles. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports legacy plain-text articles (an Author: line, one paragraph per line, short heading"
                + " lines, a RECOMMEND: marker at the end) as new Markdown articles in content/articles/YYYY/."
                + " Title, date and tags come from the options, or are left as TODO values that build and check"
                + " refuse until they are filled in; tags are suggested from the journal's own. Never replaces a file."})
final class ImportCommand implements Callable<Integer> {

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "The site's folder, holding jbake.properties and content/ (default: the current folder).")
    Path source;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Legacy text files to import.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-t", "--title"}, paramLabel = "TITLE", description = "The title (only when importing one file).")
    String title;

    @Option(names = {"-d", "--date"}, paramLabel = "DATE", description = "The publication date, e.g. 2024-06-28.")
    String date;

    @Option(names = "--tags", paramLabel = "TAGS", split = ",", description = "Tags, separated by commas.")
    List<String> tags = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Main.sourceFolder(spec, source);
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (title != null && files.size() > 1) {
            err.println("journal import: --title names one article; import the files one by one to give each its title");
            return Main.USAGE;
        }
        LegacyImporter importer;
        try {
            importer = LegacyImporter.open(source, Clock.systemUTC());
            if (date != null) {
                importer.validateDate(date);
            }
        } catch (IllegalArgumentException e) {
            err.println("journal import: --date " + e.getMessage());
            return Main.USAGE;
        } catch (ContentException e) {
            e.problems().stream().filter(Problem::isError).forEach(err::println);
            return Main.CONTENT_ERRORS;
        } catch (IOException e) {
            err.println("journal import: " + IoMessage.of(e, Path.of("")));
            return Main.IO_ERROR;
        }
        int failed = 0;
        for (Path file : files) {
            try {
                LegacyImporter.Imported r = importer.importFile(file, new LegacyImporter.Options(title, date, tags));
                out.println(Main.display(file) + " -> " + Main.display(r.file()));
                out.println("  " + (r.authors().isEmpty() ? "no author found" : "by " + String.join(", ", r.authors()))
                        + "; " + r.headings() + (r.headings() == 1 ? " heading, " : " headings, ") + r.paragraphs()
                        + (r.paragraphs() == 1 ? " paragraph" : " paragraphs")
                        + (r.marker() ? "; RECOMMEND marker dropped" : "")
                        + (r.encoding().equals("UTF-8") ? "" : "; read as " + r.encoding()));
                if (r.taken() != null) {
                    out.println("  " + r.taken() + " was taken, so the article got another name");
                }
                if (!r.todo().isEmpty()) {
                    out.println("  fill in before it can be built: " + String.join(", ", r.todo()));
                }
                if (!r.suggested().isEmpty()) {
                    out.println("  suggested tags: " + String.join(", ", r.suggested()));
                }
            } catch (IOException | IllegalArgumentException e) {
                err.println(Main.display(file) + ": not imported: " + (e instanceof IOException io
                        ? IoMessage.of(io, Path.of("")) : e.getMessage()));
                failed++;
            }
        }
        return failed > 0 ? Main.CONTENT_ERRORS : 0;
    }
}
