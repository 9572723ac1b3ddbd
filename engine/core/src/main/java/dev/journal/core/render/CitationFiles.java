package dev.journal.core.render;

import dev.journal.core.index.SiteIndex;
import dev.journal.core.parse.Article;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A BibTeX ({@code .bib}) and an RIS ({@code .ris}) file for every article shown, named after the
 * article and placed beside its page, for reference managers; the article's "Cite this article"
 * block links to both. Switched off with {@code journal.render.citations=false}.
 */
final class CitationFiles implements Generator {

    @Override
    public String what() {
        return "citation files";
    }

    @Override
    public Needs needs() {
        return Needs.DIGESTS;
    }

    @Override
    public List<RenderedPage> generate(SiteIndex index, RenderContext context) {
        if (!context.config().journalFlag("journal.render.citations")) {
            return List.of();
        }
        List<RenderedPage> files = new ArrayList<>();
        for (Article a : index.documents()) {
            if (a.isPost()) {
                // a citation is made from the article's view (and the configuration, which is the same)
                long inputs = context.fingerprint(context.views().of(a));
                String bib = Citation.bibtexPath(a);
                String ris = Citation.risPath(a);
                if (context.unchanged(bib, inputs) & context.unchanged(ris, inputs)) {
                    files.add(RenderedPage.kept(bib));
                    files.add(RenderedPage.kept(ris));
                    continue;
                }
                Citation c = context.views().citation(a);
                files.add(new RenderedPage(bib, c.bibtex().getBytes(StandardCharsets.UTF_8)));
                files.add(new RenderedPage(ris, c.ris().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return files;
    }
}
