package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.parse.UrlPolicy;

/**
 * What generators and page plans share within one render: the configuration, URL rules, the
 * prepared template views, and the template engine (for sites that bring their own template for
 * a generated file, as JBake's {@code feed.ftl}).
 */
public final class RenderContext {

    private final SiteConfig config;
    private final UrlPolicy urls;
    private final Views views;
    private final TemplateEngine templates;

    RenderContext(SiteIndex index, TemplateEngine templates) {
        this.config = index.config();
        this.urls = new UrlPolicy(config);
        this.views = new Views(index);
        this.templates = templates;
    }

    public SiteConfig config() {
        return config;
    }

    public UrlPolicy urls() {
        return urls;
    }

    Views views() {
        return views;
    }

    public TemplateEngine templates() {
        return templates;
    }

    /**
     * Whether the site brings its own template for a key ({@code template.feed.file},
     * {@code template.sitemap.file}): then that template makes the file, and a generator of the
     * same file leaves it alone.
     */
    public boolean siteProvides(String templateKey) {
        return templates.siteHas(config.get(templateKey).strip());
    }

    /** The absolute URL of a site-relative URI, from {@code site.host}. */
    public String absolute(String uri) {
        return config.siteHost() + uri;
    }
}
