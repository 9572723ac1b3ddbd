package dev.journal.maven;

import dev.journal.core.ContentException;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.authoring.LegacyImporter;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports legacy plain-text articles as Markdown articles ({@code journal import}). Title, date and
 * tags come from the parameters or are left as TODO values that build and check refuse. Never
 * replaces a file.
 */
@Mojo(name = "import", requiresProject = true)
public class ImportMojo extends AbstractMojo {

    /** The site's folder: jbake.properties, content/, templates/, assets/. */
    @Parameter(property = "journal.source", defaultValue = "${project.basedir}")
    File source;

    /** The legacy files, separated by commas. */
    @Parameter(property = "journal.files", required = true)
    List<File> files = new ArrayList<>();

    /** The title (only when importing one file). */
    @Parameter(property = "journal.title")
    String title;

    /** The publication date, e.g. 2024-06-28. */
    @Parameter(property = "journal.date")
    String date;

    /** Tags, separated by commas. */
    @Parameter(property = "journal.tags")
    List<String> tags = new ArrayList<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (title != null && files.size() > 1) {
            throw new MojoFailureException("journal.title names one article; import the files one by one");
        }
        LegacyImporter importer;
        try {
            importer = LegacyImporter.open(source.toPath(), Clock.systemUTC());
            if (date != null) {
                importer.validateDate(date);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("journal.date " + e.getMessage(), e);
        } catch (ContentException e) {
            e.problems().stream().filter(Problem::isError).forEach(p -> getLog().error(p.toString()));
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the journal: " + IoMessage.of(e, source.toPath()), e);
        }
        int failed = 0;
        for (File file : files) {
            try {
                LegacyImporter.Imported r = importer.importFile(file.toPath(),
                        new LegacyImporter.Options(title, date, tags));
                getLog().info(file + " -> " + r.file() + ": " + r.headings() + " headings, " + r.paragraphs()
                        + " paragraphs" + (r.authors().isEmpty() ? "" : ", by " + String.join(", ", r.authors()))
                        + (r.todo().isEmpty() ? "" : "; fill in: " + String.join(", ", r.todo()))
                        + (r.suggested().isEmpty() ? "" : "; suggested tags: " + String.join(", ", r.suggested())));
            } catch (IOException | IllegalArgumentException e) {
                getLog().error(file + ": not imported: " + (e instanceof IOException io
                        ? IoMessage.of(io, source.toPath()) : e.getMessage()));
                failed++;
            }
        }
        if (failed > 0) {
            throw new MojoFailureException(failed + " of " + files.size() + " files not imported (listed above)");
        }
    }
}
