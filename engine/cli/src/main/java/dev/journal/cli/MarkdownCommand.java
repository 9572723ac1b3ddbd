package dev.journal.cli;

import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code journal markdown}: Markdown on standard input to HTML on standard output. */
@Command(name = "markdown", mixinStandardHelpOptions = true,
        description = "Converts Markdown read from standard input to HTML on standard output, as the build does.")
final class MarkdownCommand implements Callable<Integer> {

    @Option(names = "--commonmark",
            description = "Plain CommonMark, without the site's extensions, smart typography or URL filtering"
                    + " (as the CommonMark spec's examples expect).")
    boolean commonMark;

    @Option(names = "--no-smart", description = "Without smart typography.")
    boolean noSmart;

    @Override
    public Integer call() throws IOException {
        String markdown = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        MarkdownRenderer renderer = new MarkdownRenderer(commonMark ? MarkdownOptions.commonMark()
                : MarkdownOptions.site(!noSmart));
        String html;
        try {
            html = renderer.toHtml(markdown);
        } catch (StackOverflowError e) {
            System.err.println("error: the Markdown is nested too deeply to render (quotes, lists or HTML elements"
                    + " inside each other)");
            return 1;
        } catch (IllegalArgumentException e) {
            // the limits of commonmark (a table of more than a million cells) and of the sanitiser
            System.err.println("error: the Markdown cannot be rendered: " + e.getMessage());
            return 1;
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(html);
        out.flush();
        return 0;
    }
}
