package dev.journal.core.config;

/**
 * A configuration key the engine knows, with its default and what it does.
 *
 * @param name         the key as written in {@code jbake.properties}
 * @param defaultValue the value when the key is absent ({@code ""} for none)
 * @param support      whether the engine acts on it
 * @param description  one line for the README's table of keys
 */
public record ConfigKey(String name, String defaultValue, Support support, String description) {

    /** How the engine treats a key. */
    public enum Support {
        /** The engine acts on the key. */
        USED,
        /** A JBake key for something this engine does differently or not at all: accepted, noted, ignored. */
        IGNORED
    }
}
