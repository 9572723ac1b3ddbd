package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.Languages;
import dev.journal.core.internal.SafeText;
import dev.journal.core.parse.Article;
import freemarker.core.HTMLOutputFormat;
import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How to cite one article: a formatted reference (Chicago notes-bibliography style, with the
 * site's date format), a BibTeX entry and an RIS record. Every value is escaped for the format it
 * goes into, so a title with {@code {}, %, &} or line breaks cannot break the file.
 *
 * <p>Names are taken as written; where a style wants the family name first, the last word of the
 * name is taken as the family name ("Irina Khalturina" becomes "Khalturina, Irina"). BibTeX gets the
 * names as written and applies its own rules.
 */
final class Citation {

    /** Chicago lists up to ten authors; beyond that the first seven, then "et al.". */
    private static final int MAX_LISTED = 10;
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int LISTED_WHEN_CUT = 7;
    private static final DateTimeFormatter RIS_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd/", Locale.ROOT);
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private final Article article;
    private final String journal;
    private final String url;
    private final String pdfUrl;
    private final String language;
    /** The article's language when it is not the site's (its title is marked with it), else null. */
    private final String otherLanguage;
    /** The article's direction when it is not the site's (an English article in an Arabic journal: ltr), else null. */
    private final String otherDirection;
    private final DateTimeFormatter display;
    private final List<String> tags;

    /**
     * @param pdfUrl the absolute URL of its PDF, or null
     * @param tags   the article's tags as the site displays them
     */
    Citation(Article article, SiteConfig config, String pdfUrl, List<String> tags) {
        this.article = article;
        this.tags = List.copyOf(tags);
        this.journal = config.title();
        this.url = config.siteHost() + article.uri();
        this.pdfUrl = pdfUrl;
        this.language = article.lang() != null ? article.lang() : config.language();
        this.otherLanguage = article.lang() != null && !article.lang().equals(config.language()) ? article.lang() : null;
        this.otherDirection = otherLanguage != null && !Languages.direction(otherLanguage)
                .equals(Languages.direction(config.language())) ? Languages.direction(otherLanguage) : null;
        this.display = config.displayDateFormat();
    }

    /**
     * How to cite an article for its formatted reference alone ({@link #text}, {@link #html}),
     * which, unlike the BibTeX and RIS files, shows neither its PDF nor its tags.
     */
    static Citation reference(Article article, SiteConfig config) {
        return new Citation(article, config, null, List.of());
    }

    /** Where an article's BibTeX file goes: beside its page, named after the article. */
    static String bibtexPath(Article a) {
        return sibling(a, ".bib");
    }

    static String risPath(Article a) {
        return sibling(a, ".ris");
    }

    private static String sibling(Article a, String extension) {
        String out = a.outputPath();
        if (out.endsWith("/index.html")) {
            return out.substring(0, out.length() - "index.html".length()) + a.slug() + extension;
        }
        int slash = out.lastIndexOf('/');
        int dot = out.lastIndexOf('.');
        return (dot > slash ? out.substring(0, dot) : out) + extension;
    }

    // ---- the formatted reference

    /** The reference as plain text. */
    String text() {
        StringBuilder sb = new StringBuilder();
        String names = authorList();
        if (!names.isEmpty()) {
            sb.append(names).append(names.endsWith(".") ? " " : ". ");
        }
        sb.append('\u201c').append(quotedTitle()).append('\u201d').append(' ');
        sb.append(journal).append(datePart()).append(". ").append(url).append('.');
        return sb.toString();
    }

    /** The reference as HTML: the journal's name in {@code <cite>}, the URL a link. */
    String html() {
        HTMLOutputFormat h = HTMLOutputFormat.INSTANCE;
        StringBuilder sb = new StringBuilder();
        String names = authorList();
        if (!names.isEmpty()) {
            sb.append(h.escapePlainText(names)).append(names.endsWith(".") ? " " : ". ");
        }
        String title = h.escapePlainText(quotedTitle());
        if (otherLanguage != null) {
            // in its own language, as the page's heading is (WCAG 3.1.2), and direction
            title = "<span lang=\"" + h.escapePlainText(otherLanguage) + "\""
                    + (otherDirection == null ? "" : " dir=\"" + otherDirection + "\"") + ">" + title + "</span>";
        }
        sb.append('\u201c').append(title).append('\u201d').append(' ');
        sb.append("<cite>").append(h.escapePlainText(journal)).append("</cite>").append(h.escapePlainText(datePart()))
                .append(". <a href=\"").append(h.escapePlainText(url)).append("\">").append(h.escapePlainText(url))
                .append("</a>.");
        return sb.toString();
    }

    /**
     * The title inside the reference's quotation marks: its own double quotes become single, and it
     * ends with a period inside any closing quote, unless it ends with its own punctuation.
     */
    private String quotedTitle() {
        String t = article.title().replace('\u201c', '\u2018').replace('\u201d', '\u2019').replace('"', '\'');
        boolean quoted = t.endsWith("\u2019") || t.endsWith("'");
        String inner = quoted ? t.substring(0, t.length() - 1) : t;
        if (inner.endsWith("?") || inner.endsWith("!") || inner.endsWith(".")) {
            return t;
        }
        return quoted ? inner + "." + t.charAt(t.length() - 1) : t + ".";
    }

    private String datePart() {
        return article.date() == null ? "" : ", " + display.format(article.date());
    }

    /** "Family, Given", then the others as written, joined with commas and "and". */
    private String authorList() {
        List<String> names = article.authors();
        if (names.isEmpty()) {
            return "";
        }
        List<String> listed = new ArrayList<>();
        for (String name : names.size() > MAX_LISTED ? names.subList(0, LISTED_WHEN_CUT) : names) {
            PersonName p = PersonName.of(name);
            listed.add(listed.isEmpty() ? p.inverted() : p.natural());
        }
        if (names.size() > MAX_LISTED) {
            return String.join(", ", listed) + ", et al.";
        }
        if (listed.size() == 1) {
            return listed.get(0);
        }
        if (listed.size() == 2) {
            return listed.get(0) + ", and " + listed.get(1);
        }
        return String.join(", ", listed.subList(0, listed.size() - 1)) + ", and " + listed.get(listed.size() - 1);
    }

    /** A name as references list it: "Family, Given", and ", Suffix" after them when it has one. */
    static String inverted(String name) {
        return PersonName.of(name).inverted();
    }

    /** Generational suffixes, which follow the family name rather than stand for it. */
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v");

    /**
     * A name as written in the front matter, in its parts: "Given Family", "Given Family Jr.",
     * "Given Family, Jr.", "Family, Given" or "Family, Given, Jr."; a name of one word is a family
     * name alone. Without a comma the family name is the last word (before a suffix).
     */
    record PersonName(String family, String given, String suffix) {

        static PersonName of(String written) {
            String n = SafeText.collapseWhitespace(written.strip());
            List<String> parts = new ArrayList<>();
            for (String part : n.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
            if (parts.isEmpty()) {
                return new PersonName(n, "", "");
            }
            String last = parts.get(parts.size() - 1);
            if (parts.size() >= 2 && isSuffix(last)) {
                // "Given Family, Jr." or "Family, Given, Jr."
                PersonName rest = parts.size() == 2 ? ofWords(parts.get(0), false)
                        : new PersonName(parts.get(0), String.join(", ", parts.subList(1, parts.size() - 1)), "");
                return new PersonName(rest.family(), rest.given(), last);
            }
            if (parts.size() >= 2) {
                return new PersonName(parts.get(0), String.join(", ", parts.subList(1, parts.size())), "");
            }
            return ofWords(parts.get(0), true);
        }

        private static PersonName ofWords(String name, boolean suffixAllowed) {
            String[] words = name.split(" ");
            int end = words.length;
            String suffix = "";
            if (suffixAllowed && end > 2 && isSuffix(words[end - 1])) {
                suffix = words[--end];
            }
            String family = words[end - 1];
            String given = String.join(" ", List.of(words).subList(0, end - 1));
            return new PersonName(family, given, suffix);
        }

        private static boolean isSuffix(String word) {
            return SUFFIXES.contains(word.toLowerCase(Locale.ROOT));
        }

        String inverted() {
            return family + (given.isEmpty() ? "" : ", " + given) + (suffix.isEmpty() ? "" : ", " + suffix);
        }

        /** "Given Family Suffix", as a name reads in running text. */
        String natural() {
            return (given.isEmpty() ? "" : given + " ") + family + (suffix.isEmpty() ? "" : " " + suffix);
        }
    }

    // ---- BibTeX

    /**
     * An author for BibTeX's {@code author} field, which reads "First von Last", "von Last, First"
     * and "von Last, Jr, First" itself: a name as written, but with a suffix put in BibTeX's place
     * ({@code King, Jr., Martin Luther}), and braced whole when the word "and" would split it or a
     * comma cannot be read as one of those forms.
     */
    static String bibName(String written) {
        String n = SafeText.collapseWhitespace(written.strip());
        PersonName p = PersonName.of(n);
        if ((" " + n.toLowerCase(Locale.ROOT) + " ").contains(" and ")) {
            return "{" + bib(n) + "}";
        }
        if (!p.suffix().isEmpty()) {
            return p.given().isEmpty() ? "{" + bib(n) + "}"
                    : bib(p.family() + ", " + p.suffix() + ", " + p.given());
        }
        return n.chars().filter(c -> c == ',').count() > 1 ? "{" + bib(n) + "}" : bib(n);
    }

    String bibtex() {
        StringBuilder sb = new StringBuilder();
        sb.append("@article{").append(key()).append(",\n");
        if (!article.authors().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String name : article.authors()) {
                names.add(bibName(name));
            }
            field(sb, "author", String.join(" and ", names));
        }
        // double braces keep the title's capitals as written
        field(sb, "title", "{" + bib(article.title()) + "}");
        field(sb, "journal", bib(journal));
        ZonedDateTime date = article.date();
        if (date != null) {
            field(sb, "year", Integer.toString(date.getYear()));
            sb.append("  month = ").append(MONTHS[date.getMonthValue() - 1]).append(",\n");
            field(sb, "date", date.toLocalDate().toString());
        }
        field(sb, "url", bibUrl(url));
        if (pdfUrl != null) {
            field(sb, "file", bibUrl(pdfUrl));
        }
        if (!tags.isEmpty()) {
            field(sb, "keywords", bib(String.join(", ", tags)));
        }
        if (!article.summary().isBlank()) {
            field(sb, "abstract", bib(article.summary()));
        }
        sb.setLength(sb.length() - 2);
        sb.append("\n}\n");
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /**
     * A key such as {@code khalturina2024pyongyang}: first author's family name, year, first word of
     * the title of three or more letters, folded to ASCII letters and digits.
     */
    String key() {
        String family = article.authors().isEmpty() ? "" : ascii(PersonName.of(article.authors().get(0)).family());
        String year = article.date() == null ? "" : Integer.toString(article.date().getYear());
        String word = "";
        for (String w : NOT_WORD.split(article.title())) {
            String a = ascii(w);
            if (a.length() >= 3 && !a.equals("the") && !a.equals("and")) {
                word = a;
                break;
            }
        }
        String key = family + year + word;
        return key.isEmpty() ? "article" + ascii(article.slug()) : key;
    }

    private static String ascii(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A value for a braced BibTeX field: LaTeX's special characters as commands. Braces become
     * {@code \textbraceleft{}}, not {@code \{}: BibTeX counts braces without regard to backslashes,
     * so an escaped brace would still unbalance the field.
     */
    static String bib(String value) {
        String v = oneLine(value);
        StringBuilder sb = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{' -> sb.append("\\textbraceleft{}");
                case '}' -> sb.append("\\textbraceright{}");
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '#', '$', '%', '&', '_' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** URLs are verbatim in biblatex; they only need their braces and backslashes percent-encoded. */
    private static String bibUrl(String u) {
        return oneLine(u).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D");
    }

    // ---- RIS

    /** An RIS record: one tag per line, CRLF line ends as the format's specification has them. */
    String ris() {
        StringBuilder sb = new StringBuilder();
        ris(sb, "TY", "JOUR");
        ris(sb, "TI", article.title());
        for (String name : article.authors()) {
            ris(sb, "AU", inverted(name));
        }
        ris(sb, "T2", journal);
        ris(sb, "JF", journal);
        if (article.date() != null) {
            ris(sb, "PY", Integer.toString(article.date().getYear()));
            ris(sb, "DA", RIS_DATE.format(article.date()));
        }
        if (!article.summary().isBlank()) {
            ris(sb, "AB", article.summary());
        }
        for (String tag : tags) {
            ris(sb, "KW", tag);
        }
        ris(sb, "LA", language);
        ris(sb, "UR", url);
        if (pdfUrl != null) {
            ris(sb, "L1", pdfUrl);
        }
        sb.append("ER  - \r\n");
        return sb.toString();
    }

    /** RIS has no escapes: a value is kept to one line, so it cannot start a tag of its own. */
    private static void ris(StringBuilder sb, String tag, String value) {
        String v = oneLine(value);
        if (!v.isEmpty()) {
            sb.append(tag).append("  - ").append(v).append("\r\n");
        }
    }

    /** Line breaks, tabs and other control characters as single spaces, trimmed. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (blank) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
