package dev.journal.cli;

import dev.journal.core.BakeOptions;
import dev.journal.core.Baker;
import dev.journal.core.ContentException;
import dev.journal.core.IoMessage;
import dev.journal.core.Problem;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.parse.Article;
import dev.journal.core.related.Recommendation;
import dev.journal.core.related.RelatedArticles;
import dev.journal.core.related.RelatedSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code journal related FILE}: one article's recommendations, with the score of each signal. */
@Command(name = "related", mixinStandardHelpOptions = true,
        description = "Shows the articles recommended under one article, best first, with the score of each"
                + " signal, as the build ranks them.")
final class RelatedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The article's Markdown file, e.g. content/articles/2024/x.md.")
    Path file;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "The site's folder, holding jbake.properties and content/ (default: the current folder).")
    Path source;

    @Option(names = "--preview", description = "As the preview server ranks them (scheduled articles included).")
    boolean preview;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Main.sourceFolder(spec, source);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        try {
            Path root = source.toAbsolutePath().normalize();
            SiteIndex index = new Baker(new BakeOptions(root, root.resolve("unused"), preview, Clock.systemUTC(),
                    Runtime.getRuntime().availableProcessors(), line -> { }, null)).index();
            String wanted = root.relativize(file.toAbsolutePath().normalize()).toString()
                    .replace(java.io.File.separatorChar, '/');
            Optional<Article> found = Stream.of(index.documents(), index.hidden()).flatMap(List::stream)
                    .filter(a -> a.sourcePath().equals(wanted)).findFirst();
            if (found.isEmpty()) {
                err.println(wanted + ": not an article of the site in " + root);
                return Main.CONTENT_ERRORS;
            }
            Article article = found.get();
            if (!article.isPost()) {
                err.println(wanted + ": a " + article.type() + ", not an article; only articles get recommendations");
                return Main.CONTENT_ERRORS;
            }
            RelatedSettings settings = RelatedSettings.from(index.config());
            List<Recommendation> list = RelatedArticles.index(index.posts(), index.hidden(), settings,
                    ForkJoinPool.commonPool()).explain(article);
            print(out, article, settings, list, index.hidden().contains(article));
            return 0;
        } catch (ContentException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            return Main.CONTENT_ERRORS;
        } catch (IOException e) {
            err.println("Reading the site failed: " + IoMessage.of(e, Path.of("")));
            return Main.IO_ERROR;
        }
    }

    private static void print(PrintStream out, Article a, RelatedSettings s, List<Recommendation> list,
            boolean hidden) {
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        out.printf(Locale.ROOT, "%s%n  \"%s\" (%s)%s%n", a.sourcePath(), a.title(), a.date().format(day),
                hidden ? " - a draft or scheduled article, left out of this build" : "");
        out.printf(Locale.ROOT, "weights: text %s, tags %s, authors %s; freshness %s (half-life %s days);"
                + " diversity %s; %d per article%n", num(s.textWeight()), num(s.tagsWeight()), num(s.authorsWeight()),
                num(s.freshnessWeight()), num(s.halfLifeDays()), num(s.diversity()), s.count());
        out.println("relevance = text*wt + tags*wg + authors*wa;  score = relevance * (1 - wf + wf*fresh);"
                + "  total = score * (1 - diversity*like)");
        if (a.related().hidden()) {
            out.println("related: false - this article shows no recommendations.");
            return;
        }
        if (list.isEmpty()) {
            out.println("No recommendations: no other published article shares its text, tags or authors.");
            return;
        }
        out.println();
        out.println(" #   total   score  relev.   text   tags  authors  fresh   like  article");
        int rank = 1;
        for (Recommendation r : list) {
            out.printf(Locale.ROOT, "%2d  %s  %6.3f  %6.3f  %5.3f  %5.3f    %5.3f  %5.3f  %5.3f  %s%n", rank++,
                    r.pinned() ? "pinned" : String.format(Locale.ROOT, "%6.3f", r.total()), r.score(), r.relevance(),
                    r.text(), r.tags(), r.authors(), r.freshness(), r.likeness(), r.article().sourcePath());
            out.printf(Locale.ROOT, "    \"%s\" (%s)%n", r.article().title(), r.article().date().format(day));
            if (!r.sharedTags().isEmpty()) {
                out.println("    tags: " + String.join(", ", r.sharedTags()));
            }
            if (!r.sharedAuthors().isEmpty()) {
                out.println("    authors: " + String.join(", ", r.sharedAuthors()));
            }
            if (!r.sharedTerms().isEmpty()) {
                out.println("    terms: " + String.join(", ", r.sharedTerms()));
            }
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
