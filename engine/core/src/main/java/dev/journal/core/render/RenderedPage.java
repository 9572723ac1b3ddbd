package dev.journal.core.render;

import java.util.Objects;

/**
 * One file of the site, ready to write, or known to be as the previous build wrote it.
 *
 * @param path  relative to the output folder, {@code /}-separated
 * @param bytes its content; null for a page the previous build made from the same inputs
 */
public record RenderedPage(String path, byte[] bytes) {

    public RenderedPage {
        Objects.requireNonNull(path, "path");
    }

    /** A page made from the same inputs as in the previous build, whose file is intact: kept as it is. */
    public static RenderedPage kept(String path) {
        return new RenderedPage(path, null);
    }

    public boolean isKept() {
        return bytes == null;
    }
}
