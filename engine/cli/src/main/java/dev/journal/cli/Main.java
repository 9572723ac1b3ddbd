package dev.journal.cli;

import dev.journal.core.JournalVersion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code journal} command. Each subcommand only wires options to the engine. */
@Command(name = "journal",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds a policy journal's website from a folder of Markdown.",
        subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, CheckCommand.class, ImportCommand.class,
                RelatedCommand.class, MarkdownCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for content, configuration or template errors. */
    static final int CONTENT_ERRORS = 1;
    /** Exit code for options that cannot be used (picocli's own code for bad options). */
    static final int USAGE = 2;
    /** Exit code for reading or writing failures. */
    static final int IO_ERROR = 3;
    /** Exit code when the JVM ran out of memory. */
    static final int OUT_OF_MEMORY = 4;

    public static void main(String[] args) {
        // A thread of the build that runs out of memory where nothing catches it (a worker of the
        // pool, as it records its failure) would leave the build waiting for it: the process ends.
        // What halting needs is loaded now, while there is memory (the runtime's shutdown class),
        // and a reserve is set aside for the handler to free first.
        try {
            Class.forName("java.lang.Shutdown");
        } catch (ClassNotFoundException e) {
            // another runtime's halt: loaded when used
        }
        outOfMemoryReserve = new byte[1 << 20];
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError oom) {
                try {
                    outOfMemory(System.err, oom);
                } finally {
                    Runtime.getRuntime().halt(OUT_OF_MEMORY);
                }
            }
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(System.err);
        });
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(System.err, e);
        }
        System.exit(code);
    }

    /**
     * A usage error (exit code 2, with the command's usage) for a number option given out of its
     * range, rather than the stack trace of the engine refusing it.
     */
    static void inRange(CommandLine.Model.CommandSpec spec, String option, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be "
                    + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max) + ", not " + value);
        }
    }

    /** A usage error (exit code 2) when {@code --source} is not a folder, rather than a bare path as the message. */
    static void sourceFolder(CommandLine.Model.CommandSpec spec, Path source) {
        if (!java.nio.file.Files.isDirectory(source)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source " + source + " is not a folder"
                    + (java.nio.file.Files.exists(source) ? "" : " (it does not exist)")
                    + ": give the journal's folder, the one holding jbake.properties and content/");
        }
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IExecutionExceptionHandler report = cli.getExecutionExceptionHandler();
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OutOfMemoryError oom) { // reached a command wrapped in another exception
                    return outOfMemory(System.err, oom);
                }
            }
            return report.handleExecutionException(e, command, parsed);
        });
        return cli.execute(args);
    }

    /**
     * What {@link #outOfMemory} prints when the heap ran out, made before anything runs: once memory
     * has run out, the threads still working may leave none to format it with.
     */
    private static final byte[] HEAP_MESSAGE = outOfMemoryMessage(Runtime.getRuntime().maxMemory())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** Memory set aside for saying so: freed first. */
    private static volatile byte[] outOfMemoryReserve;
    private static boolean outOfMemorySaid;

    /** The message for a heap of at most {@code maxBytes}, with a larger one to try. */
    static String outOfMemoryMessage(long maxBytes) {
        long mb = maxBytes >> 20;
        return String.format(Locale.ROOT, "Out of memory: this Java runtime may use at most %,d MB, and this journal"
                + " needs more. Give it more, for example JOURNAL_JAVA_OPTS=-Xmx%dg (or MAVEN_OPTS for the Maven"
                + " plugin).%n", mb, Math.max(2, (2 * mb >> 10) + 1));
    }

    /**
     * Says, once whichever thread finds out first, that the JVM ran out of memory, rather than a
     * stack trace: of its heap, with how to give it more; of anything else (threads, class space),
     * the runtime's own words. A second thread waits until it is said. Returns the exit code.
     */
    static synchronized int outOfMemory(PrintStream err, OutOfMemoryError e) {
        outOfMemoryReserve = null;
        if (!outOfMemorySaid) {
            outOfMemorySaid = true;
            try {
                String kind = e.getMessage();
                if (kind == null || kind.equals("Java heap space") || kind.equals("GC overhead limit exceeded")
                        || kind.startsWith("Requested array size")) {
                    err.write(HEAP_MESSAGE, 0, HEAP_MESSAGE.length);
                } else {
                    err.println("Out of memory: " + kind + ".");
                }
                err.flush();
            } catch (OutOfMemoryError again) {
                // nothing more can be said; the exit code still tells
            }
        }
        return OUT_OF_MEMORY;
    }

    /** A path as the user would type it: relative to the current folder when inside it. */
    static String display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path p = path.toAbsolutePath().normalize();
        return (p.startsWith(here) ? here.relativize(p) : p).toString();
    }

    /** Prints the engine's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"journal " + JournalVersion.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
