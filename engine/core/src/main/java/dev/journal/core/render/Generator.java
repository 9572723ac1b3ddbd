package dev.journal.core.render;

import dev.journal.core.index.SiteIndex;
import java.util.List;

/**
 * Makes files of the site that are not pages from a template: feeds, the sitemap, robots.txt, a
 * search index and the like. Pure: from the index to bytes, no I/O. Generators run beside the
 * template pages, each on its own, and are listed in {@link PageRenderer#GENERATORS}.
 */
public interface Generator {

    /** The files this generator makes for the site; an empty list when it is switched off. */
    List<RenderedPage> generate(SiteIndex index, RenderContext context) throws Exception;

    /** What the generator makes, in a word or two, for progress lines ("feeds", "search index"). */
    String what();

    /**
     * What the generator reads of its context besides the configuration: it starts as soon as that
     * is ready, beside the rest of the render.
     */
    default Needs needs() {
        return Needs.PAGES;
    }

    /** What of a {@link RenderContext} a generator reads, in the order it becomes ready. */
    enum Needs {
        /** Nothing of the views but the site's {@link RenderContext#names}: starts before they are made. */
        NAMES,
        /** The views, their digests and what the previous build made ({@link RenderContext#unchanged}). */
        DIGESTS,
        /** The planned pages ({@link RenderContext#pages}) as well. */
        PAGES
    }
}
