package dev.journal.core.render;

import java.util.Objects;

/**
 * One file of the site, ready to write.
 *
 * @param path  relative to the output folder, {@code /}-separated
 * @param bytes its content
 */
public record RenderedPage(String path, byte[] bytes) {

    public RenderedPage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
    }
}
