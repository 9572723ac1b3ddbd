package dev.journal.maven;

import dev.journal.core.ContentException;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.authoring.NewArticle;
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
 * Starts a new article ({@code journal new}): content/articles/YYYY/&lt;slug&gt;.md with its front
 * matter filled in and {@code draft: true}. Never replaces a file.
 */
@Mojo(name = "new", requiresProject = true)
public class NewMojo extends AbstractMojo {

    /** The site's folder: jbake.properties, content/, templates/, assets/. */
    @Parameter(property = "journal.source", defaultValue = "${project.basedir}")
    File source;

    /** The article's title. */
    @Parameter(property = "journal.title", required = true)
    String title;

    /** Author names, separated by commas. */
    @Parameter(property = "journal.author")
    List<String> authors = new ArrayList<>();

    /** Tags, separated by commas. */
    @Parameter(property = "journal.tags")
    List<String> tags = new ArrayList<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            NewArticle.Created created = NewArticle.create(source.toPath(), new NewArticle.Request(title, authors, tags),
                    Clock.systemUTC());
            if (created.taken() != null) {
                getLog().info(created.taken() + " is taken, so the article got another name");
            }
            getLog().info("Wrote " + created.file());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (ContentException e) {
            e.problems().stream().filter(Problem::isError).forEach(p -> getLog().error(p.toString()));
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the new article: " + IoMessage.of(e, source.toPath()), e);
        }
    }
}
