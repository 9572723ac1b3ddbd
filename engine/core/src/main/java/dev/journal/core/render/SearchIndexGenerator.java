package dev.journal.core.render;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.internal.json.Json;
import dev.journal.core.parse.Article;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The search page's index, {@code search-index.json} beside the search page: every shown document
 * (articles newest first, then pages) with what a result shows, and a sorted term dictionary whose
 * postings already carry each document's BM25F term weight, so the browser only adds numbers.
 *
 * <p>Format (version 1), all in one JSON object:
 * <ul>
 * <li>{@code docs}: {@code [uri, title, date as displayed, [author numbers], [tag numbers], summary]};</li>
 * <li>{@code authors}, {@code tags}: the names the numbers point to;</li>
 * <li>{@code terms}: sorted (by UTF-16 code unit, as JavaScript compares strings), and
 * {@code postings}: one string per term, in base-64 variable-length numbers: the term's document
 * frequency, then per document the gap to the previous document number (minus one) and the
 * weight (1 to 63: the saturated field-weighted term frequency, before idf);</li>
 * <li>{@code stem}, {@code stop}: how {@link SearchTerms} prepared the words, for the script.</li>
 * </ul>
 *
 * <p>Size: the title, authors, tags and summary are indexed whole; of the body only the
 * {@link #BODY_TERMS} most distinctive terms of each document (by tf-idf) that are not already in
 * those fields, so the index grows with the number of documents, not with their length.
 */
final class SearchIndexGenerator implements Generator {

    static final String FILE_NAME = "search-index.json";
    /** Body terms kept per document beyond those of its title, authors, tags and summary. */
    static final int BODY_TERMS = 48;
    /** Longest summary shown in a result, in characters. */
    static final int SUMMARY_LENGTH = 160;
    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    /** The largest weight one character can hold. */
    static final int MAX_WEIGHT = 63;

    private static final double K1 = 1.2;
    /** Field weights and length normalisation of BM25F: title, authors, tags, summary, body. */
    private static final double[] WEIGHT = {6.0, 4.0, 4.0, 2.0, 1.0};
    private static final double[] B = {0.3, 0.0, 0.0, 0.75, 0.75};
    private static final int FIELDS = WEIGHT.length;
    private static final int BODY = FIELDS - 1;

    /** Where the search page goes. */
    static String pagePath(SiteConfig config) {
        return config.get("journal.search.file").strip();
    }

    /** Where its index goes: beside the page. */
    static String indexPath(SiteConfig config) {
        String page = pagePath(config);
        int slash = page.lastIndexOf('/');
        return (slash < 0 ? "" : page.substring(0, slash + 1)) + FILE_NAME;
    }

    @Override
    public List<RenderedPage> generate(SiteIndex index, RenderContext context) {
        SiteConfig config = context.config();
        if (!config.flag("journal.render.search")) {
            return List.of();
        }
        List<Article> docs = new ArrayList<>(index.posts());
        for (Article a : index.documents()) {
            if (!a.isPost()) {
                docs.add(a);
            }
        }
        SearchTerms terms = new SearchTerms(config.language());
        String json = write(docs, terms, context.views());
        return List.of(new RenderedPage(indexPath(config), json.getBytes(StandardCharsets.UTF_8)));
    }

    /** One document's term frequencies per field, and the length of each field in terms. */
    private record Counted(Map<String, int[]> tf, int[] length) {
    }

    /** Document numbers and weights of one term, in ascending document order. */
    private static final class Postings {
        int[] values = new int[4];
        int size;

        void add(int document, int weight) {
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = document;
            values[size++] = weight;
        }
    }

    /**
     * The index as JSON. Two passes over the documents (document frequencies first, then weights),
     * so that only one document's term counts are held at a time.
     */
    String write(List<Article> docs, SearchTerms terms, Views views) {
        Map<String, Integer> df = new HashMap<>();
        double[] total = new double[FIELDS];
        for (Article a : docs) {
            Counted c = count(a, terms);
            for (int f = 0; f < FIELDS; f++) {
                total[f] += c.length()[f];
            }
            for (String t : c.tf().keySet()) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int n = docs.size();
        double[] average = new double[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            average[f] = n == 0 ? 1 : Math.max(1, total[f] / n);
        }
        Map<String, Postings> postings = new TreeMap<>();
        for (int d = 0; d < n; d++) {
            Counted c = count(docs.get(d), terms);
            for (String t : kept(c, df, n)) {
                int[] tf = c.tf().get(t);
                double weighted = 0;
                for (int f = 0; f < FIELDS; f++) {
                    if (tf[f] > 0) {
                        weighted += WEIGHT[f] * tf[f] / (1 - B[f] + B[f] * c.length()[f] / average[f]);
                    }
                }
                double saturated = weighted * (K1 + 1) / (weighted + K1);
                int w = (int) Math.max(1, Math.min(MAX_WEIGHT, Math.round(saturated / (K1 + 1) * MAX_WEIGHT)));
                postings.computeIfAbsent(t, k -> new Postings()).add(d, w);
            }
        }
        List<String> authors = new ArrayList<>();
        Map<String, Integer> authorNumbers = new HashMap<>();
        List<String> tags = new ArrayList<>();
        Map<String, Integer> tagNumbers = new HashMap<>();
        return Json.write(false, g -> {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeStringField("stem", terms.english() ? "en-s" : "none");
            g.writeArrayFieldStart("stop");
            for (String s : terms.stopWords()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("docs");
            for (Article a : docs) {
                g.writeStartArray();
                g.writeString(a.uri());
                g.writeString(a.title());
                g.writeString(a.date() == null || !a.isPost() ? "" : views.displayDate(a.date()));
                numbers(g, a.authors().stream().map(views::authorName).toList(), authors, authorNumbers);
                numbers(g, a.tags().stream().map(views::tagName).toList(), tags, tagNumbers);
                g.writeString(shorten(a.summary()));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("authors");
            for (String s : authors) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tags");
            for (String s : tags) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("terms");
            for (String t : postings.keySet()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("postings");
            for (Map.Entry<String, Postings> p : postings.entrySet()) {
                g.writeString(encode(df.get(p.getKey()), p.getValue().values, p.getValue().size));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void numbers(com.fasterxml.jackson.core.JsonGenerator g, List<String> names, List<String> table,
            Map<String, Integer> numbers) throws java.io.IOException {
        g.writeStartArray();
        for (String name : names) {
            Integer k = numbers.get(name);
            if (k == null) {
                k = table.size();
                table.add(name);
                numbers.put(name, k);
            }
            g.writeNumber(k);
        }
        g.writeEndArray();
    }

    private static Counted count(Article a, SearchTerms terms) {
        Map<String, int[]> tf = new HashMap<>();
        int[] length = new int[FIELDS];
        String[] fields = {a.title(), String.join(" ; ", a.authors()), String.join(" ; ", a.tags()), a.summary(),
            a.text()};
        for (int f = 0; f < FIELDS; f++) {
            for (String t : terms.terms(fields[f])) {
                tf.computeIfAbsent(t, k -> new int[FIELDS])[f]++;
                length[f]++;
            }
        }
        return new Counted(tf, length);
    }

    /** The terms of a document that go into the index. */
    private static List<String> kept(Counted c, Map<String, Integer> df, int n) {
        List<String> always = new ArrayList<>();
        List<String> bodyOnly = new ArrayList<>();
        c.tf().forEach((t, tf) -> {
            boolean elsewhere = false;
            for (int f = 0; f < BODY; f++) {
                elsewhere |= tf[f] > 0;
            }
            (elsewhere ? always : bodyOnly).add(t);
        });
        if (bodyOnly.size() > BODY_TERMS) {
            Map<String, Double> tfIdf = new HashMap<>();
            for (String t : bodyOnly) {
                tfIdf.put(t, (1 + Math.log(c.tf().get(t)[BODY])) * Math.log((double) n / df.get(t)));
            }
            bodyOnly.sort(Comparator.comparing((String t) -> -tfIdf.get(t)).thenComparing(Comparator.naturalOrder()));
            always.addAll(bodyOnly.subList(0, BODY_TERMS));
        } else {
            always.addAll(bodyOnly);
        }
        return always;
    }

    /**
     * Document frequency, then (gap - 1, weight) per document, as base-64 variable-length numbers.
     *
     * @param postings document number and weight alternately, documents ascending
     * @param size     how many values of {@code postings} are used
     */
    static String encode(int documentFrequency, int[] postings, int size) {
        StringBuilder sb = new StringBuilder(size * 2 + 2);
        number(sb, documentFrequency);
        int previous = -1;
        for (int i = 0; i < size; i += 2) {
            number(sb, postings[i] - previous - 1);
            sb.append(DIGITS.charAt(postings[i + 1]));
            previous = postings[i];
        }
        return sb.toString();
    }

    /** Five bits per character, low bits first; 32 is added to every character but the last. */
    static void number(StringBuilder sb, int value) {
        int v = value;
        while (v >= 32) {
            sb.append(DIGITS.charAt(32 + (v & 31)));
            v >>>= 5;
        }
        sb.append(DIGITS.charAt(v));
    }

    /** A summary cut at a word to at most {@link #SUMMARY_LENGTH} characters. */
    static String shorten(String summary) {
        String s = summary.strip();
        if (s.length() <= SUMMARY_LENGTH) {
            return s;
        }
        int cut = s.lastIndexOf(' ', SUMMARY_LENGTH - 1);
        String head = s.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH - 1);
        return head.replaceAll("[\\s,;:.\u2013\u2014-]+$", "") + "\u2026";
    }
}
