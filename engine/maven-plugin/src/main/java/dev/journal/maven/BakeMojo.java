package dev.journal.maven;

import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.Baker;
import dev.journal.core.ContentException;
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
 * Bakes the journal: {@code mvn package} runs it. Content, configuration and template errors fail
 * the build with every problem listed; reading and writing failures are reported as such.
 */
@Mojo(name = "bake", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = true)
public class BakeMojo extends AbstractMojo {

    /** The site's folder: jbake.properties, content/, templates/, assets/. */
    @Parameter(property = "journal.source", defaultValue = "${project.basedir}")
    File source;

    /** Where the site is written. */
    @Parameter(property = "journal.output", defaultValue = "${project.build.directory}/site")
    File output;

    /** The build cache, so that a rebuild does only what changed; safe to delete. */
    @Parameter(property = "journal.cache", defaultValue = "${project.build.directory}/journal-cache")
    File cache;

    /** Threads for parsing and rendering; 0 for one per core. */
    @Parameter(property = "journal.threads", defaultValue = "0")
    int threads;

    /** Skips the bake. */
    @Parameter(property = "journal.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Journal bake skipped");
            return;
        }
        BakeOptions options = new BakeOptions(source.toPath(), output.toPath(), false, Clock.systemUTC(),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), getLog()::info,
                cache.toPath());
        try {
            BakeResult result = new Baker(options).bake();
            for (Problem p : result.warnings()) {
                getLog().warn(p.toString());
            }
            getLog().info("Baked " + Counted.of(result.pages(), "page") + " and copied "
                    + Counted.of(result.copied(), "file") + " into " + output + " in " + result.elapsed().toMillis()
                    + " ms");
        } catch (ContentException e) {
            for (Problem p : e.problems()) {
                if (p.isError()) {
                    getLog().error(p.toString());
                } else {
                    getLog().warn(p.toString());
                }
            }
            throw new MojoFailureException(e.getMessage());
        } catch (OutOfMemoryError e) {
            throw OutOfMemory.failure("bake");
        } catch (IOException e) {
            throw new MojoExecutionException("Baking the journal failed: " + IoMessage.of(e, source.toPath()), e);
        }
    }
}
