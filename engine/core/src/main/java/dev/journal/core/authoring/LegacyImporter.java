package dev.journal.core.authoring;

import dev.journal.core.ContentException;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.Dates;
import dev.journal.core.parse.Slugs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Imports legacy plain-text articles ({@code Author:} line, one paragraph per line, short heading
 * lines, a trailing {@code RECOMMEND:} marker) as Markdown articles with front matter, at
 * {@code content/articles/YYYY/<slug>.md}. The legacy files carry no title, date or tags: those come
 * from the options, or are written as {@link ContentParser#PLACEHOLDER} values that the build and
 * the check refuse until an editor fills them in. Tags are suggested from the journal's own.
 * Never replaces a file.
 */
public final class LegacyImporter {

    /** How many tags to suggest. */
    static final int SUGGESTIONS = 5;

    private static final Pattern PLAIN_DATE = Pattern.compile("[0-9][0-9T:.+ Z-]*");

    private final Journal journal;
    private final TagSuggester suggester;
    private final Clock clock;

    private LegacyImporter(Journal journal, Clock clock) {
        this.journal = journal;
        this.suggester = new TagSuggester(journal.articles());
        this.clock = clock;
    }

    /**
     * An importer into the journal at {@code source}, which it reads once (for free file names and
     * its tags).
     *
     * @throws ContentException when the journal's configuration has errors
     */
    public static LegacyImporter open(Path source, Clock clock) throws IOException, ContentException {
        return new LegacyImporter(Journal.load(source), clock);
    }

    /**
     * What to fill in; null or empty values are left as placeholders.
     *
     * @param title the article's title
     * @param date  its publication date, as front matter takes it
     * @param tags  its tags
     */
    public record Options(String title, String date, List<String> tags) {
        public Options {
            tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        }
    }

    /**
     * One file imported.
     *
     * @param file       the Markdown file written
     * @param taken      the file name first chosen, when it was taken (so another was used), else null
     * @param authors    the authors found
     * @param headings   section headings made
     * @param paragraphs paragraphs written
     * @param marker     whether a {@code RECOMMEND:} marker was dropped
     * @param todo       front matter fields left as placeholders
     * @param suggested  tags suggested from the journal's vocabulary, best first
     * @param encoding   how the file was read (UTF-8, or Windows-1252 for older files)
     */
    public record Imported(Path file, String taken, List<String> authors, long headings, long paragraphs,
            boolean marker, List<String> todo, List<String> suggested, String encoding) {
    }

    /**
     * Checks a date option before any file is imported.
     *
     * @throws IllegalArgumentException with the reason, when it is not a date front matter accepts
     */
    public void validateDate(String date) {
        try {
            Dates.parse(date, journal.config().zone());
        } catch (Dates.DateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Imports one legacy file.
     *
     * @throws IllegalArgumentException when the file holds no text, or the date option is not a date
     */
    public Imported importFile(Path legacy, Options options) throws IOException {
        byte[] bytes = Files.readAllBytes(legacy);
        String encoding = "UTF-8";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Older legacy files were written by Windows tools; every byte is a character there.
            encoding = "Windows-1252";
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        LegacyText legacyText = LegacyText.parse(text);
        if (legacyText.paragraphs() == 0) {
            throw new IllegalArgumentException("no text found");
        }
        String body = body(legacyText);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(journal.config().zone());
        int year = now.getYear();
        if (present(options.date())) {
            validateDate(options.date());
            try {
                year = Dates.parse(options.date(), journal.config().zone()).getYear();
            } catch (Dates.DateException e) {
                throw new IllegalStateException("validated above", e);
            }
        }
        StringBuilder plain = new StringBuilder(present(options.title()) ? options.title() : "");
        legacyText.blocks().forEach(b -> plain.append('\n').append(b.text()));
        List<String> suggested = suggester.suggest(plain.toString(), SUGGESTIONS);
        List<String> todo = new ArrayList<>();
        FrontMatterText fm = new FrontMatterText();
        if (present(options.title())) {
            fm.text("title", options.title().strip());
        } else {
            fm.text("title", ContentParser.PLACEHOLDER + ": the article's title");
            todo.add("title");
        }
        if (legacyText.authors().isEmpty()) {
            fm.text("author", ContentParser.PLACEHOLDER + ": the author's name (the file has no Author: line)");
            todo.add("author");
        } else {
            fm.authors(legacyText.authors());
        }
        if (present(options.date())) {
            String d = options.date().strip();
            if (PLAIN_DATE.matcher(d).matches()) {
                fm.plain("date", d);
            } else {
                fm.text("date", d);
            }
        } else {
            fm.text("date", ContentParser.PLACEHOLDER + ": the publication date, e.g. " + NewArticle.MINUTES
                    .format(now).substring(0, 10));
            todo.add("date");
        }
        if (!options.tags().isEmpty()) {
            fm.list("tags", options.tags());
        } else {
            fm.list("tags", List.of(ContentParser.PLACEHOLDER + ": choose tags" + (suggested.isEmpty() ? ""
                    : ", e.g. " + String.join(", ", suggested))));
            todo.add("tags");
        }
        String slug = Slugs.slug(present(options.title()) ? options.title() : stem(legacy));
        ArticleFiles.Placed placed = ArticleFiles.write(journal, year, slug.isEmpty() ? "imported" : slug,
                fm.end() + "\n" + body);
        return new Imported(placed.file(), placed.taken(), legacyText.authors(), legacyText.headings(),
                legacyText.paragraphs(), legacyText.marker(), todo, suggested, encoding);
    }

    /** The Markdown body: headings and paragraphs, each escaped, separated by blank lines. */
    static String body(LegacyText text) {
        StringBuilder sb = new StringBuilder();
        for (LegacyText.Block b : text.blocks()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(b.heading() ? MarkdownText.heading(b.text()) : MarkdownText.paragraph(b.text())).append('\n');
        }
        return sb.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
