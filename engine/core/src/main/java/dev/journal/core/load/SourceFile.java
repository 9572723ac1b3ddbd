package dev.journal.core.load;

/**
 * A content file as read from disk.
 *
 * @param path        relative to the site's source folder, {@code /}-separated (used in messages)
 * @param contentPath relative to the content folder, {@code /}-separated (decides the page's URL)
 * @param bytes       the file's bytes, never modified
 */
public record SourceFile(String path, String contentPath, byte[] bytes) {

    /** The file name's extension in lower case, without the dot; empty when there is none. */
    public String extension() {
        String name = contentPath.substring(contentPath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
