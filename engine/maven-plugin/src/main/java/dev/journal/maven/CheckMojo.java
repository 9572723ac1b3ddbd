package dev.journal.maven;

import dev.journal.core.CheckResult;
import dev.journal.core.Checker;
import dev.journal.core.Counted;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the journal's content without writing the site ({@code journal check}): {@code mvn verify}
 * runs it. Errors fail the build, every problem listed with its file and line.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {

    /** The site's folder: jbake.properties, content/, templates/, assets/. */
    @Parameter(property = "journal.source", defaultValue = "${project.basedir}")
    File source;

    /**
     * The build cache the bake goal keeps: articles of files unchanged since that build are read from
     * it rather than parsed again. The check only reads it; an empty value for none.
     */
    @Parameter(property = "journal.cache", defaultValue = "${project.build.directory}/journal-cache")
    File cache;

    /** Threads for parsing and rendering; 0 for one per core. */
    @Parameter(property = "journal.threads", defaultValue = "0")
    int threads;

    /** Skips the check. */
    @Parameter(property = "journal.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Journal check skipped");
            return;
        }
        CheckResult result;
        try {
            result = new Checker(source.toPath(), Clock.systemUTC(),
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                    cache == null || cache.getPath().isEmpty() ? null : cache.toPath()).check();
        } catch (OutOfMemoryError e) {
            throw OutOfMemory.failure("check");
        } catch (IOException e) {
            throw new MojoExecutionException("Checking the journal failed: " + IoMessage.of(e, source.toPath()), e);
        }
        for (Problem p : result.problems()) {
            if (p.isError()) {
                getLog().error(p.toString());
            } else {
                getLog().warn(p.toString());
            }
        }
        getLog().info(result.summary());
        if (result.hasErrors()) {
            throw new MojoFailureException(Counted.of(result.errors().size(), "error")
                    + " in the journal's content (listed above)");
        }
    }
}
