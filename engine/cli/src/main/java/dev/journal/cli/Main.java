package dev.journal.cli;

import dev.journal.core.JournalVersion;
import java.nio.file.Path;
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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
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
