package dev.journal.maven;

import dev.journal.core.IoMessage;
import dev.journal.core.preview.PreviewServer;
import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Previews the journal ({@code journal serve}): builds it with drafts and scheduled articles shown,
 * serves it on 127.0.0.1, rebuilds on every change and reloads the open page. Runs until Ctrl+C.
 */
@Mojo(name = "serve", requiresProject = true)
public class ServeMojo extends AbstractMojo {

    /** The site's folder: jbake.properties, content/, templates/, assets/. */
    @Parameter(property = "journal.source", defaultValue = "${project.basedir}")
    File source;

    /** The preview folder, replaced by every build. */
    @Parameter(property = "journal.preview", defaultValue = "${project.build.directory}/preview")
    File output;

    /** The port on 127.0.0.1; -1 for server.port of jbake.properties (8820), 0 for any free port. */
    @Parameter(property = "journal.port", defaultValue = "-1")
    int port;

    /** Threads for parsing and rendering; 0 for one per core. */
    @Parameter(property = "journal.threads", defaultValue = "0")
    int threads;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        PreviewServer server;
        try {
            server = PreviewServer.start(new PreviewServer.Options(source.toPath(), output.toPath(), port,
                    Clock.systemUTC(), threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                    getLog()::info));
        } catch (BindException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot serve the journal: " + IoMessage.of(e, source.toPath()), e);
        }
        getLog().info("Previewing at " + server.url() + " (drafts and scheduled articles shown). Press Ctrl+C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "journal-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }
}
