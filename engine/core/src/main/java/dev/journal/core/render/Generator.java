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
     * Whether the generator reads nothing of its context but the configuration, the views and the
     * memo (not the planned pages, nor what the previous build made): then it starts while the
     * pages are planned, with a context that has no pages.
     */
    default boolean early() {
        return false;
    }
}
