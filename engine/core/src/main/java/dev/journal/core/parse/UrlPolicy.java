package dev.journal.core.parse;

import dev.journal.core.config.SiteConfig;
import java.nio.charset.StandardCharsets;

/**
 * Where each page goes and how it is linked, following JBake's {@code uri.noExtension},
 * {@code uri.noExtension.prefix} and {@code output.extension}.
 *
 * <p>An output path is relative to the output folder ({@code articles/2024/x/index.html}); a URI is
 * the same location as a link, percent-encoded ({@code articles/2024/x/}). Every path segment is
 * either taken from a file name in the content folder or is a slug, so no path can leave the output
 * folder; {@link dev.journal.core.write.SiteWriter} checks again before writing.
 */
public final class UrlPolicy {

    private final boolean noExtension;
    private final String prefix;
    private final String extension;
    private final SiteConfig config;

    public UrlPolicy(SiteConfig config) {
        this.config = config;
        this.noExtension = config.flag("uri.noExtension");
        String p = config.get("uri.noExtension.prefix").strip();
        this.prefix = p.startsWith("/") ? p.substring(1) : p;
        this.extension = extension(config.get("output.extension"));
    }

    private static String extension(String value) {
        String ext = value.strip();
        return ext.isEmpty() || ext.startsWith(".") ? ext : "." + ext;
    }

    /**
     * The extension of a content type's own files, JBake's {@code template.<type>.extension}
     * ({@code .txt} for a type whose template makes a robots.txt); null when the type has none
     * and its documents are pages like the others ({@code output.extension}).
     */
    public String typeExtension(String type) {
        if (type == null || !config.has("template." + type + ".extension")) {
            return null;
        }
        String ext = extension(config.get("template." + type + ".extension"));
        return ext.equals(extension) ? null : ext;
    }

    /** Whether a file of the site is an HTML page, as the pages of {@code output.extension} are. */
    public boolean isPage(String outputPath) {
        return outputPath.endsWith("/") || outputPath.endsWith(".html") || outputPath.endsWith(".htm")
                || !extension.isEmpty() && outputPath.endsWith(extension);
    }

    /** Where a page goes and how it is linked. */
    public record Target(String outputPath, String uri) {
    }

    /**
     * The target of a content file.
     *
     * @param contentPath relative to the content folder, e.g. {@code articles/2024/x.md}
     * @param slug        the front matter's slug, replacing the file name; null to keep the file name
     */
    public Target document(String contentPath, String slug) {
        return document(contentPath, slug, null);
    }

    /**
     * The target of a content file of a type, which may have an extension of its own
     * ({@link #typeExtension}): JBake 2.7.0 writes such a document as its page's path with that
     * extension ({@code robots.txt}, or {@code robots/index.txt} without extensions), and so is it
     * written and linked here.
     */
    public Target document(String contentPath, String slug, String type) {
        int slash = contentPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : contentPath.substring(0, slash + 1);
        String name = contentPath.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = slug != null ? slug : dot > 0 ? name.substring(0, dot) : name;
        String path = dir + stem;
        String own = typeExtension(type);
        if (noExtension && (prefix.isEmpty() || path.startsWith(prefix))) {
            if (own != null) {
                return new Target(path + "/index" + own, encode(path + "/index" + own));
            }
            return new Target(path + "/index.html", encode(path) + "/");
        }
        String ext = own != null ? own : extension;
        return new Target(path + ext, encode(path + ext));
    }

    /**
     * The target of a generated list page such as a tag's, e.g. {@code tags} and {@code energy}:
     * {@code tags/energy/index.html} without extensions, else {@code tags/energy.html}.
     */
    public Target section(String folder, String slug) {
        String path = folder.isEmpty() ? slug : folder + "/" + slug;
        if (noExtension) {
            return new Target(path + "/index.html", encode(path) + "/");
        }
        return new Target(path + extension, encode(path + extension));
    }

    /**
     * JBake's page for a name, e.g. a tag's: {@code tags/Open Data.html}, the name as written plus
     * {@code output.extension} (whatever {@code uri.noExtension} says, as JBake writes tag pages);
     * empty when the name cannot be a file name (a slash, a leading dot, a control character).
     */
    public java.util.Optional<Target> named(String folder, String name) {
        boolean safe = !name.isEmpty() && !name.startsWith(".") && name.length() <= 200
                && name.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
        if (!safe) {
            return java.util.Optional.empty();
        }
        String path = folder.isEmpty() ? name + extension : folder + "/" + name + extension;
        return java.util.Optional.of(new Target(path, encode(path)));
    }

    /** A generated page with a fixed file name, e.g. {@code archive.html}. */
    public Target file(String outputPath) {
        if (noExtension && outputPath.endsWith("/index.html")) {
            String dir = outputPath.substring(0, outputPath.length() - "index.html".length());
            return new Target(outputPath, encode(dir));
        }
        if (outputPath.equals("index.html") && noExtension) {
            return new Target(outputPath, "");
        }
        return new Target(outputPath, encode(outputPath));
    }

    /**
     * Page {@code n} (from 1) of a paginated list whose first page is {@code first}: JBake's
     * {@code 2/index.html} beside an {@code index.html}, or {@code name/2.html} beside a
     * {@code name.html}.
     */
    public Target page(Target first, int n) {
        if (n <= 1) {
            return first;
        }
        String out = first.outputPath();
        int slash = out.lastIndexOf('/');
        String dir = slash < 0 ? "" : out.substring(0, slash + 1);
        String file = out.substring(slash + 1);
        if (file.equals("index.html") || !noExtension && file.startsWith("index.")) {
            String path = dir + n + "/" + file;
            return new Target(path, noExtension ? encode(dir + n) + "/" : encode(path));
        }
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String path = dir + stem + "/" + n + (dot > 0 ? file.substring(dot) : "");
        return new Target(path, encode(path));
    }

    /** {@code ../} once per folder between the page at {@code outputPath} and the site's root. */
    public static String rootPath(String outputPath) {
        int depth = 0;
        for (int i = 0; i < outputPath.length(); i++) {
            if (outputPath.charAt(i) == '/') {
                depth++;
            }
        }
        return "../".repeat(depth);
    }

    /**
     * The link from the page at {@code fromOutputPath} to {@code toUri}, as short as possible:
     * {@code ../b/} rather than {@code ../../a/b/}. Both are relative to the site's root.
     */
    public static String relative(String fromOutputPath, String toUri) {
        int slash = fromOutputPath.lastIndexOf('/');
        String fromDir = slash < 0 ? "" : encode(fromOutputPath.substring(0, slash + 1));
        int common = 0;
        for (int i = 0; i < Math.min(fromDir.length(), toUri.length()); i++) {
            if (fromDir.charAt(i) != toUri.charAt(i)) {
                break;
            }
            if (fromDir.charAt(i) == '/') {
                common = i + 1;
            }
        }
        String up = rootPath(fromDir.substring(common));
        String rest = toUri.substring(common);
        String href = up + rest;
        return href.isEmpty() ? "./" : href;
    }

    /**
     * Percent-encodes a path for use in a URL, keeping {@code /} and the characters RFC 3986 allows
     * in a path, except {@code :}: a relative link whose first segment holds a colon would be read
     * as a scheme ({@code javascript:x.html} from a file of that name).
     */
    public static String encode(String path) {
        StringBuilder sb = null;
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean safe = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                    || "-._~/!$&'()*+,;=@".indexOf(b) >= 0;
            if (sb == null) {
                if (safe) {
                    continue;
                }
                sb = new StringBuilder(path.length() + 16);
                sb.append(new String(bytes, 0, i, StandardCharsets.US_ASCII));
            }
            if (safe) {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb == null ? path : sb.toString();
    }

    /** Whether a link destination is relative to the page: no scheme, no leading slash, not a fragment. */
    public static boolean isRelative(String dest) {
        if (dest.isEmpty() || dest.startsWith("/") || dest.startsWith("#") || dest.startsWith("?")) {
            return false;
        }
        for (int i = 0; i < dest.length(); i++) {
            char c = dest.charAt(i);
            if (c == ':') {
                return false;
            }
            if (c == '/' || c == '?' || c == '#') {
                return true;
            }
        }
        return true;
    }

}
