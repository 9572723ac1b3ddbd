package dev.journal.core.authoring;

import dev.journal.core.ContentException;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.parse.Slugs;
import dev.journal.core.parse.UrlPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Starts a new article: {@code content/articles/YYYY/<slug>.md} with its front matter filled in
 * (the title, authors and tags given, the date and time now in the journal's zone,
 * {@code draft: true}) and a short body to write over. Never replaces a file.
 */
public final class NewArticle {

    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    static final DateTimeFormatter MINUTES_AND_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mmxxx", Locale.ROOT);

    private NewArticle() {
    }

    /**
     * What to start.
     *
     * @param title   the article's title
     * @param authors author names, possibly none
     * @param tags    tag names, possibly none
     */
    public record Request(String title, List<String> authors, List<String> tags) {
        public Request {
            authors = authors.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            tags = tags.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /**
     * The article started.
     *
     * @param file  the file written
     * @param taken the file name first chosen, when it was taken (so another was used), else null
     */
    public record Created(Path file, String taken) {
    }

    /**
     * Writes the new article into the journal at {@code source}.
     *
     * @throws IllegalArgumentException when the title is empty or has no letter or digit to name the file by
     * @throws ContentException         when the journal's configuration has errors
     */
    public static Created create(Path source, Request request, Clock clock) throws IOException, ContentException {
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("the title is empty");
        }
        String slug = Slugs.slug(title);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("the title '" + title + "' has no letter or digit to name the file by");
        }
        Journal journal = Journal.load(source);
        tagsWithPages(journal.config(), request.tags());
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(journal.config().zone());
        String text = new FrontMatterText()
                .text("title", title)
                .authors(request.authors())
                .plain("date", date(now))
                .list("tags", request.tags())
                .plain("draft", "true")
                .end() + BODY;
        ArticleFiles.Placed placed = ArticleFiles.write(journal, now.getYear(), slug, text);
        return new Created(placed.file(), placed.taken());
    }

    /**
     * Refuses a tag that cannot name its page where the site renders tag pages, as the build and
     * check refuse it once the article is published: one without a letter or digit to make its URL
     * from ({@code 🚢}, {@code ..}), or with JBake's layout one that cannot be a file's name.
     */
    private static void tagsWithPages(SiteConfig config, List<String> tags) {
        if (!config.flag("render.tags")) {
            return;
        }
        UrlPolicy urls = new UrlPolicy(config);
        for (String tag : tags) {
            if (Slugs.slug(tag).isEmpty()) {
                throw new IllegalArgumentException("the tag '" + tag + "' has no letter or digit to make its page's"
                        + " URL from; give a tag with words");
            }
            if (config.jbakeLayout() && urls.named(config.folder("tag.path"), tag).isEmpty()) {
                throw new IllegalArgumentException("the tag '" + tag + "' cannot name a file, as JBake's layout"
                        + " names tag pages (journal.layout): no slash, backslash, leading dot or control character");
            }
        }
    }

    /**
     * The date and time to write: to the minute, in the journal's zone, with the offset only when
     * the zone's clocks show that time twice (the hour they go back), where the time alone would
     * be read as the first of the two, with a warning.
     */
    static String date(ZonedDateTime now) {
        boolean twice = now.getZone().getRules().getValidOffsets(now.toLocalDateTime().withSecond(0).withNano(0))
                .size() > 1;
        return (twice ? MINUTES_AND_OFFSET : MINUTES).format(now);
    }

    static final String BODY = """

            Open with the paragraph that states the argument: lists, feeds and search results show it
            unless a summary is added to the fields above.

            ## A first section

            The text, in Markdown. When the article is ready, delete the line draft: true above; until
            then it is shown only by the preview (journal serve).
            """;
}
