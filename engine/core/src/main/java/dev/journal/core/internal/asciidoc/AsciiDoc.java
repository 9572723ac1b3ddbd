package dev.journal.core.internal.asciidoc;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.Title;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * AsciiDoc files, read and converted by Asciidoctor (AsciidoctorJ), as JBake reads them: the
 * document's own header (its title, author and revision lines, and attributes such as
 * {@code :jbake-type: post}) and its body converted to an HTML fragment.
 *
 * <p>One Asciidoctor runtime serves the whole process, made on first use (it starts a JRuby
 * runtime: seconds), so that a site without AsciiDoc files never pays for it, and a build whose
 * AsciiDoc files all come from the build cache neither. Calls take turns: what Asciidoctor logs
 * (an include not found, a section out of sequence) is gathered per call, with the file and line
 * it names.
 *
 * <p>Asciidoctor runs in its safe mode with the site's folder as its jail: an {@code include::}
 * reads files of the site alone (a path that leaves it is refused, with a warning) and nothing
 * from the network, and nothing is written. A file is read through an include of itself, so that
 * its includes are found from its own folder, as JBake finds them, and messages name its lines.
 */
public final class AsciiDoc {

    /** What Asciidoctor said about a file, on a line of a file of the site (0 when it names none). */
    public record Note(String path, int line, String message) {
    }

    /**
     * A file's AsciiDoc header.
     *
     * @param title      the document's title (with a subtitle, both), converted as Asciidoctor
     *                   converts it (inline markup as HTML); null when it has none
     * @param attributes every attribute of the document once its header is read, Asciidoctor's own included
     * @param notes      what Asciidoctor said
     */
    public record Header(String title, Map<String, Object> attributes, List<Note> notes) {
    }

    /** A file's body as HTML, and what Asciidoctor said of it. */
    public record Converted(String html, List<Note> notes) {
    }

    /**
     * A file to read.
     *
     * @param site     the site's folder, Asciidoctor's jail; null for text alone, read with no includes
     * @param file     the file, inside {@code site}; null for text alone
     * @param path     the file's path in the site, for messages
     * @param text     the text to convert when there is no file (after any JBake header)
     */
    public record Source(Path site, Path file, String path, String text) {
        public boolean onDisk() {
            return site != null && file != null;
        }
    }

    /** The attribute naming the file a wrapper includes (its path may hold spaces, which an include's target may not). */
    private static final String SOURCE_ATTRIBUTE = "journal-source-file";

    /** Attributes only the engine sets. */
    private static final java.util.Set<String> ENGINES = java.util.Set.of("allow-uri-read", "max-include-depth",
            "max-attribute-value-size", "journal-source-file", "docdir", "user-home");
    /** The most characters an attribute's value may hold once its references are replaced. */
    static final int MAX_ATTRIBUTE_SIZE = 65_536;

    /** How deep includes may nest (Asciidoctor's default is 64). */
    static final int MAX_INCLUDE_DEPTH = 16;
    /** How many includes one conversion may make: past them, an include of itself twice would double without end. */
    static final int MAX_INCLUDES = 1_000;

    private static final Object TURN = new Object();
    /** The includes of the call under way, and where the first one past the limit was; guarded by {@link #TURN}. */
    private static int includes;
    private static Note tooMany;
    private static Asciidoctor engine;
    /** The notes of the call under way; guarded by {@link #TURN}. */
    private static List<LogRecord> heard;

    private AsciiDoc() {
    }

    /** Reads the header of a file, with {@code attributes} set as the site sets them. */
    public static Header header(Source source, Map<String, Object> attributes) {
        return inTurn(records -> {
            Document doc = engine().load(input(source, 1), options(source, attributes, true));
            Title title = doc.getStructuredDoctitle();
            Map<String, Object> attrs = new LinkedHashMap<>(doc.getAttributes());
            attrs.remove(SOURCE_ATTRIBUTE);
            return new Header(title == null ? null : title.getCombined(), attrs, notes(source, records));
        });
    }

    /**
     * Converts a file to an HTML fragment (no page around it, no title), from its line
     * {@code fromLine} (1: all of it; after a JBake header, the line after the header's end); a
     * source read from its text alone is converted whole (its text is what follows any header).
     */
    public static Converted convert(Source source, int fromLine, Map<String, Object> attributes) {
        return inTurn(records -> new Converted(engine().convert(input(source, fromLine),
                options(source, attributes, false)), notes(source, records)));
    }

    /** Runs one call to Asciidoctor in its turn, with what it logs and the includes it makes counted afresh. */
    private static <T> T inTurn(java.util.function.Function<List<LogRecord>, T> call) {
        synchronized (TURN) {
            List<LogRecord> records = new ArrayList<>();
            heard = records;
            includes = 0;
            tooMany = null;
            try {
                return call.apply(records);
            } finally {
                heard = null;
            }
        }
    }

    /** What Asciidoctor is given: an include of the file (from {@code fromLine}), or the text, whole. */
    private static String input(Source source, int fromLine) {
        return source.onDisk() ? "include::{" + SOURCE_ATTRIBUTE + "}[" + (fromLine > 1 ? "lines=" + fromLine
                + "..-1" : "") + "]\n" : source.text();
    }

    private static Options options(Source source, Map<String, Object> attributes, boolean headerOnly) {
        Map<String, Object> all = new LinkedHashMap<>();
        // reading URLs, the depth of includes and the size of values are the engine's to say, not
        // the site's: under any spelling Asciidoctor reads as theirs (case, !name, name@, name!)
        attributes.forEach((name, value) -> {
            if (!ENGINES.contains(name.toLowerCase(java.util.Locale.ROOT).replaceAll("^!|[@!]$", ""))) {
                all.put(name, value);
            }
        });
        all.put("max-include-depth", String.valueOf(MAX_INCLUDE_DEPTH));
        all.put("max-attribute-value-size", String.valueOf(MAX_ATTRIBUTE_SIZE));
        if (source.onDisk()) {
            // found from the site's folder (Asciidoctor's base and jail), by its path in the site, so
            // that no page can show where the site lies on the machine that built it
            all.put(SOURCE_ATTRIBUTE, source.site().toAbsolutePath().relativize(source.file().toAbsolutePath())
                    .toString().replace(File.separatorChar, '/'));
        }
        var options = Options.builder()
                // the server mode: includes inside the jail, {docdir} and {user-home} hidden, nothing fetched
                .safe(source.onDisk() ? SafeMode.SERVER : SafeMode.SECURE)
                .attributes(attributes(all));
        if (source.onDisk()) {
            options.baseDir(new File(source.site().toAbsolutePath().toString()));
        }
        if (headerOnly) {
            options.option("parse_header_only", true);
        }
        return options.build();
    }

    private static Attributes attributes(Map<String, Object> values) {
        var builder = Attributes.builder();
        values.forEach(builder::attribute);
        return builder.build();
    }

    /** The records heard during a call, as notes on the files of the site they name. */
    private static List<Note> notes(Source source, List<LogRecord> records) {
        List<Note> notes = new ArrayList<>();
        String root = source.site() == null ? null : source.site().toAbsolutePath() + File.separator;
        boolean leftTheSite = false;
        for (LogRecord r : records) {
            String said = r.getMessage() == null ? "" : r.getMessage();
            if (said.contains("of jail")) {
                leftTheSite = true; // said without a line; the include's own message that follows has one
                continue;
            }
            String path = source.path();
            int line = 0;
            if (r.getCursor() != null) {
                String file = r.getCursor().getFile();
                if (file != null && root != null && file.startsWith(root)) {
                    path = file.substring(root.length()).replace(File.separatorChar, '/');
                }
                line = Math.max(0, r.getCursor().getLineNumber());
            }
            String message = r.getMessage() == null ? "" : r.getMessage().strip();
            if (root != null) {
                message = message.replace(root, ""); // the site's files by their paths in it
            }
            if (leftTheSite && r.getCursor() != null) {
                message += " (its path leaves the site's folder, and AsciiDoc files read files of the site alone)";
                leftTheSite = false;
            }
            notes.add(new Note(path, line, "AsciiDoc: " + message));
        }
        if (tooMany != null) {
            String file = tooMany.path();
            String path = root != null && file.startsWith(root) ? file.substring(root.length())
                    .replace(File.separatorChar, '/') : source.path();
            notes.add(new Note(path, tooMany.line(), tooMany.message()));
        }
        return notes;
    }

    /** The process's Asciidoctor, made on first use; called in turn. */
    private static Asciidoctor engine() {
        if (engine == null) {
            // Asciidoctor's messages reach the build through the handler below, not the JDK's logging
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger("asciidoctor");
            jul.setUseParentHandlers(false);
            Asciidoctor made = Asciidoctor.Factory.create();
            // JRuby's own warnings (a class it made for the log handler, made again) go nowhere:
            // they say nothing of the site, and would be printed among the build's lines
            org.asciidoctor.jruby.internal.JRubyRuntimeContext.get(made).setVerbose((Boolean) null);
            made.registerLogHandler(new Heard());
            made.javaExtensionRegistry().includeProcessor(new Counted());
            engine = made;
        }
        return engine;
    }

    /**
     * Counts a conversion's includes, and takes over those past {@link #MAX_INCLUDES}, which it
     * leaves out with one note: the others are Asciidoctor's own to read.
     */
    private static final class Counted extends org.asciidoctor.extension.IncludeProcessor {
        @Override
        public boolean handles(String target) {
            return ++includes > MAX_INCLUDES;
        }

        @Override
        public void process(Document document, org.asciidoctor.extension.PreprocessorReader reader, String target,
                Map<String, Object> attributes) {
            if (tooMany == null) {
                String file = reader.getFile();
                tooMany = new Note(file == null ? "" : file, Math.max(0, reader.getLineNumber() - 1), "AsciiDoc: more"
                        + " than " + MAX_INCLUDES + " includes in one file (an include of itself?); the rest are left"
                        + " out");
            }
        }
    }

    /** Hands what Asciidoctor logs to the call under way. */
    private static final class Heard implements LogHandler {
        @Override
        public void log(LogRecord logRecord) {
            List<LogRecord> to = heard;
            // warnings and errors; what Asciidoctor says only when asked to be verbose (a
            // cross reference it cannot check) is left out, as JBake leaves it out
            if (to != null && logRecord.getSeverity() != null
                    && logRecord.getSeverity().compareTo(Severity.WARN) >= 0) {
                to.add(logRecord);
            }
        }
    }
}
