package dev.journal.core.render;

/**
 * HTML made by the engine (an article's body) on its way into a template. {@link TemplateEngine}
 * hands it to auto-escaping HTML templates as markup, printed as it is, and to every other
 * template as text: printed as it is in JBake's {@code .ftl} templates, which do not escape,
 * and escaped in XML templates.
 *
 * @param markup the HTML
 */
record Html(String markup) {

    @Override
    public String toString() {
        return markup;
    }
}
