package dev.journal.core.internal;

import java.io.IOException;

/** The counts of entries that the build cache's files hold, as read back. */
public final class FileCounts {

    private FileCounts() {
    }

    /**
     * {@code count}, when the {@code room} bytes left can hold that many entries of at least
     * {@code bytesEach} bytes each; a larger (or negative) one is damage, refused before anything
     * of that size is made.
     */
    public static int within(int count, long room, int bytesEach) throws IOException {
        if (count < 0 || count > room / bytesEach) {
            throw new IOException("a count beyond the end of the file");
        }
        return count;
    }
}
