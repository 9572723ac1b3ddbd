package dev.journal.core.render;

/**
 * HTML made by the engine (an article's body) on its way into a template. {@link TemplateEngine}
 * hands it to auto-escaping HTML templates as markup, printed as it is, and to every other
 * template as text: printed as it is in JBake's {@code .ftl} templates, which do not escape,
 * and escaped in XML templates. The HTML is fetched only when a template uses it, so that the
 * views of thousands of articles do not hold their bodies.
 */
final class Html {
    private final java.util.function.Supplier<String> source;
    private final String fingerprint;

    /**
     * @param source      where the HTML comes from when a template uses it
     * @param fingerprint what identifies the HTML without fetching it (the digest of the article's
     *                    source, whose body it is); null to fingerprint the HTML itself
     */
    Html(java.util.function.Supplier<String> source, String fingerprint) {
        this.source = source;
        this.fingerprint = fingerprint;
    }

    Html(String markup) {
        this(() -> markup, null);
    }

    String fingerprint() {
        return fingerprint;
    }

    String markup() {
        return source.get();
    }

    /** Equal for the same fingerprint, or without fingerprints the same markup. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Html other)) {
            return false;
        }
        if (fingerprint != null || other.fingerprint != null) {
            return java.util.Objects.equals(fingerprint, other.fingerprint);
        }
        return markup().equals(other.markup());
    }

    @Override
    public int hashCode() {
        return fingerprint != null ? fingerprint.hashCode() : markup().hashCode();
    }

    @Override
    public String toString() {
        return markup();
    }
}
