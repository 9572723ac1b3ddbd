package dev.journal.core;

import java.time.Duration;
import java.util.List;

/**
 * What a successful bake did.
 *
 * @param documents documents parsed
 * @param published documents in the site (drafts and scheduled ones left out)
 * @param pages     generated files written
 * @param copied    files copied as they are
 * @param warnings  problems that did not stop the build
 * @param elapsed   wall time of the whole bake
 */
public record BakeResult(int documents, int published, int pages, int copied, List<Problem> warnings,
        Duration elapsed) {

    public BakeResult {
        warnings = List.copyOf(warnings);
    }
}
