package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.Taxon;
import dev.journal.core.parse.UrlPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the feeds go and what they are called: the site's at the root ({@code feed.xml},
 * {@code atom.xml}, {@code feed.json}), and a tag's or an author's in the folder of its page
 * ({@code tags/energy/feed.xml}; with {@code uri.noExtension=false} too, beside the
 * {@code tags/energy/2.html} of its later pages). Shared by the pages that advertise the feeds and
 * the generator that writes them, so the two always agree.
 */
public final class FeedPlan {

    /** A feed format, with its media type, its name for readers and its switch and file keys. */
    public enum Format {
        RSS("application/rss+xml", "RSS", "render.feed", "feed.file"),
        ATOM("application/atom+xml", "Atom", "journal.render.atom", "journal.atom.file"),
        JSON("application/feed+json", "JSON Feed", "journal.render.jsonfeed", "journal.jsonfeed.file");

        private final String mediaType;
        private final String label;
        private final String switchKey;
        private final String fileKey;

        Format(String mediaType, String label, String switchKey, String fileKey) {
            this.mediaType = mediaType;
            this.label = label;
            this.switchKey = switchKey;
            this.fileKey = fileKey;
        }

        public String mediaType() {
            return mediaType;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One feed file.
     *
     * @param format     its format
     * @param outputPath relative to the output folder
     * @param uri        its link from the site's root, percent-encoded
     * @param title      how pages name it in {@code <link rel="alternate">}
     */
    public record FeedFile(Format format, String outputPath, String uri, String title) {
    }

    private final SiteConfig config;
    private final List<Format> formats;
    private final boolean rssFromSiteTemplate;
    private final boolean tagFeeds;
    private final boolean authorFeeds;

    /**
     * @param rssFromSiteTemplate the site's templates hold {@code template.feed.file} (JBake's
     *                            {@code feed.ftl}): it renders the site's RSS feed instead of the
     *                            built-in writer
     */
    FeedPlan(SiteConfig config, boolean rssFromSiteTemplate) {
        this.config = config;
        List<Format> on = new ArrayList<>();
        for (Format f : Format.values()) {
            if (f.switchKey.startsWith("journal.") ? config.journalFlag(f.switchKey) : config.flag(f.switchKey)) {
                on.add(f);
            }
        }
        this.formats = List.copyOf(on);
        this.rssFromSiteTemplate = rssFromSiteTemplate && config.flag("render.feed");
        this.tagFeeds = config.flag("render.tags") && config.journalFlag("journal.render.tag.feeds");
        this.authorFeeds = config.flag("journal.render.authors") && config.journalFlag("journal.render.author.feeds");
    }

    /** Whether the site's own template renders the site's RSS feed. */
    public boolean rssFromSiteTemplate() {
        return rssFromSiteTemplate;
    }

    /** The site's feeds, in each format switched on. */
    public List<FeedFile> site() {
        List<FeedFile> out = new ArrayList<>();
        for (Format f : formats) {
            String path = file(f);
            out.add(new FeedFile(f, path, UrlPolicy.encode(path), config.title() + " (" + f.label() + ")"));
        }
        return out;
    }

    /** A tag's feeds; none when tag pages or tag feeds are switched off. */
    public List<FeedFile> tag(Taxon tag) {
        return tagFeeds ? inFolder(config.folder("tag.path"), tag) : List.of();
    }

    /** An author's feeds; none when author pages or author feeds are switched off. */
    public List<FeedFile> author(Taxon author) {
        return authorFeeds ? inFolder(config.folder("journal.author.path"), author) : List.of();
    }

    /** The feed's own title, as feed readers list it. */
    String titleOf(Taxon taxon) {
        return config.title() + ": " + taxon.name();
    }

    private List<FeedFile> inFolder(String folder, Taxon t) {
        List<FeedFile> out = new ArrayList<>();
        String dir = (folder.isEmpty() ? "" : folder + "/") + t.slug() + "/";
        for (Format f : formats) {
            String path = dir + file(f);
            out.add(new FeedFile(f, path, UrlPolicy.encode(path), titleOf(t) + " (" + f.label() + ")"));
        }
        return out;
    }

    /** Where the site's feed of a format goes, relative to the output folder. */
    String siteFile(Format f) {
        return file(f);
    }

    private String file(Format f) {
        String file = config.get(f.fileKey).strip();
        return file.startsWith("/") ? file.substring(1) : file;
    }

    /** Feeds as templates see them: {@code type} (media type), {@code title}, {@code uri}, {@code format}. */
    static List<Map<String, Object>> views(List<FeedFile> feeds) {
        List<Map<String, Object>> out = new ArrayList<>(feeds.size());
        for (FeedFile f : feeds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", f.format().mediaType());
            m.put("title", f.title());
            m.put("uri", f.uri());
            m.put("format", f.format().label());
            out.add(Collections.unmodifiableMap(m));
        }
        return Collections.unmodifiableList(out);
    }
}
