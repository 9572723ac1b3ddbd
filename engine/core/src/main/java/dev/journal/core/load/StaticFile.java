package dev.journal.core.load;

import java.nio.file.Path;

/**
 * A file copied to the site as it is: an asset, or a non-content file beside the articles.
 *
 * @param source     where it is on disk
 * @param target     where it goes, relative to the output folder, {@code /}-separated
 * @param size       its size in bytes when loaded
 * @param modified   its modification time in milliseconds when loaded
 */
public record StaticFile(Path source, String target, long size, long modified) {
}
