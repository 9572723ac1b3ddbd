package dev.journal.cli;

import dev.journal.core.IoMessage;
import dev.journal.core.config.ConfigLoader;
import dev.journal.core.preview.PreviewServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journal serve}: the preview server, until Ctrl+C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Previews the site: builds it with drafts and scheduled articles shown, serves it on"
                + " 127.0.0.1, rebuilds it on every change to content/, templates/, assets/ or jbake.properties,"
                + " and reloads the open page by itself. Errors show over the last good page. Ctrl+C stops it."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "The site's folder, holding jbake.properties and content/ (default: the current folder).")
    Path source;

    @Option(names = {"-p", "--port"}, paramLabel = "N",
            description = "The port (default: server.port of jbake.properties, 8820; 0 for any free port).")
    Integer port;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The preview folder, replaced by every build (default: target/preview under the source).")
    Path output;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for parsing and rendering (default: one per core).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Main.sourceFolder(spec, source);
        Main.inRange(spec, "--port", port, 0, 65535);
        Main.inRange(spec, "--threads", threads, 1, Integer.MAX_VALUE);
        PrintStream out = System.out;
        PreviewServer server;
        try {
            String title = ConfigLoader.load(source).title();
            out.println("Building " + title + " for preview...");
            server = PreviewServer.start(new PreviewServer.Options(source,
                    output != null ? output : source.resolve("target/preview"), port != null ? port : -1,
                    Clock.systemUTC(), threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    line -> out.println(line)));
            out.println("Previewing " + title + " at " + server.url() + " (drafts and scheduled articles shown)."
                    + " Press Ctrl+C to stop.");
        } catch (IOException e) {
            System.err.println("Cannot serve: " + IoMessage.of(e, Path.of("")));
            return Main.IO_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "journal-serve-stop"));
        stopped.await();
        return 0;
    }
}
