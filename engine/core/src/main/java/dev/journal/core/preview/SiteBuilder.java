package dev.journal.core.preview;

import dev.journal.core.BakeOptions;
import dev.journal.core.BakeResult;
import dev.journal.core.Baker;
import dev.journal.core.ContentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * How the preview server (re)builds the site after a change. Today every build is a full bake;
 * an incremental build plugs in here, either inside {@link Baker} (a build cache kept by the one
 * {@code Baker} that {@link #baking} holds for the whole session) or as another implementation
 * that uses the changed paths.
 */
@FunctionalInterface
public interface SiteBuilder {

    /**
     * Builds the site into the preview folder.
     *
     * @param changed the files and folders changed since the last build, as the watcher saw them;
     *                empty for the first build or when the watcher lost track (then assume all)
     * @throws ContentException when the sources have errors; the preview folder must then be left
     *                          as it was, so that the last good site stays served
     */
    BakeResult build(Set<Path> changed) throws ContentException, IOException;

    /** Releases what the builder keeps between builds; the preview calls it when it stops. */
    default void close() throws IOException {
    }

    /**
     * A bake by one {@link Baker} kept for the session, which keeps its article store in memory
     * between builds and, with the build cache, does only what changed.
     */
    static SiteBuilder baking(BakeOptions options) {
        Baker baker = Baker.keepingState(options);
        return new SiteBuilder() {
            @Override
            public BakeResult build(Set<Path> changed) throws ContentException, IOException {
                return baker.bake();
            }

            @Override
            public void close() throws IOException {
                baker.close();
            }
        };
    }
}
