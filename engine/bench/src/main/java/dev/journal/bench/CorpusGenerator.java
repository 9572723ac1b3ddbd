package dev.journal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A synthetic policy journal of any size, for benchmarks: Markdown articles with front matter, in
 * the layout a real journal has ({@code content/articles/YYYY/slug.md}, a page, {@code jbake.properties}).
 *
 * <p>What it is like, so that timings carry over to real journals:
 * <ul>
 * <li>Articles of about {@link Spec#articleBytes} bytes (10 KB by default): a summary, an opening
 *     paragraph, sections under {@code ##} headings, paragraphs of English-like prose, bullet lists,
 *     block quotes, emphasis, external links, links to earlier articles ({@code ../2019/x.md}) and
 *     footnotes; straight quotes and apostrophes that smart typography curls.</li>
 * <li>Prose drawn from English function words, a general policy vocabulary (about 900 words), a long
 *     tail of rare words (half a million, Zipf-distributed, so the vocabulary grows with the journal
 *     as real ones do) and the article's topic: {@link Spec#topics} topics of skewed popularity,
 *     each with its own invented place and person names and its favourite general words; some
 *     words stray from other topics.</li>
 * <li>1 to 6 tags (3 or 4 most often) from a skewed vocabulary of a few hundred: regions, themes and
 *     each topic's own names, mostly those of the article's topic, sometimes others.</li>
 * <li>{@link Spec#authors} authors of skewed productivity, each writing on a few topics; one article
 *     in five co-authored.</li>
 * <li>Dates over {@link Spec#years} years; one article in a hundred a draft, one in fifty pinning an
 *     earlier article with {@code related:}.</li>
 * </ul>
 * Deterministic: the same spec gives the same bytes, and article {@code i} can be made on its own
 * (in parallel, or to edit one article of a written corpus).
 */
public final class CorpusGenerator {

    /**
     * What to generate.
     *
     * @param articles     how many articles
     * @param seed         the random seed; the same seed gives the same corpus
     * @param articleBytes the approximate size of each article's Markdown
     * @param topics       how many hidden topics the articles are drawn from
     * @param authors      how many authors
     * @param firstYear    the year of the oldest articles
     * @param years        over how many years the articles are dated
     */
    public record Spec(int articles, long seed, int articleBytes, int topics, int authors, int firstYear,
            int years) {

        public Spec {
            if (articles < 0 || articleBytes < 500 || topics < 2 || authors < 2 || years < 1) {
                throw new IllegalArgumentException("not a usable corpus spec: " + this);
            }
        }

        /** {@code articles} articles of 10 KB, 120 topics, 300 authors, 2016 to 2025, seed 42. */
        public static Spec of(int articles) {
            return new Spec(articles, 42, 10_000, 120, 300, 2016, 10);
        }

        public Spec withSeed(long seed) {
            return new Spec(articles, seed, articleBytes, topics, authors, firstYear, years);
        }

        public Spec withArticleBytes(int bytes) {
            return new Spec(articles, seed, bytes, topics, authors, firstYear, years);
        }
    }

    /**
     * One generated article.
     *
     * @param index       its number, from 0
     * @param contentPath its path under {@code content/}, e.g. {@code articles/2019/some-title-17.md}
     * @param slug        the file name without {@code .md}
     * @param topic       the hidden topic it was drawn from
     * @param date        its date
     * @param tags        its tags
     * @param authors     its authors
     * @param draft       whether it is a draft
     * @param markdown    the whole file: front matter and body
     */
    public record GeneratedArticle(int index, String contentPath, String slug, int topic, LocalDate date,
            List<String> tags, List<String> authors, boolean draft, String markdown) {
    }

    /** Repeated words come up more often, roughly as in English prose. */
    private static final String[] FUNCTION_WORDS = ("the the the the of of of and and and to to to a a in in is "
            + "that that for on as with by it was be are this from at which has have not its an or but their they "
            + "had were been will more also than would into can such these may other between over after while "
            + "both most only").split(" ");
    private static final String[] SYLLABLES = ("ka ro mi ten vor al sun de pri lo nam bet ur sil zan qua ol fer "
            + "tib mon ash rel gu dor pen chi lav mes ot bri han ver tal cu no sed gar im ek sho vet ya").split(" ");
    private static final int[] TAG_COUNT_WEIGHTS = {10, 20, 30, 22, 12, 6};
    private static final int RARE_WORDS = 500_000;

    private final Spec spec;
    private final String[] general;
    private final String[] authorNames;
    private final double[] authorWeights;
    private final Topic[] topics;
    private final double[] topicWeights;
    private final String[] allTags;

    /** One hidden topic: its vocabulary, tags and authors. */
    private record Topic(String[] names, String[] words, String[] tags, int[] authors) {
    }

    public CorpusGenerator(Spec spec) {
        this.spec = spec;
        this.general = words();
        Map<String, String[]> names = names();
        String[] firstNames = names.get("first");
        String[] familyNames = names.get("family");
        Random r = new Random(spec.seed());
        Set<String> used = new LinkedHashSet<>();
        this.authorNames = new String[spec.authors()];
        Set<String> authorSet = new LinkedHashSet<>();
        for (int a = 0; a < authorNames.length; a++) {
            String name;
            do {
                name = firstNames[r.nextInt(firstNames.length)] + " " + familyNames[r.nextInt(familyNames.length)];
            } while (!authorSet.add(name) && authorSet.size() < firstNames.length * familyNames.length);
            authorNames[a] = name;
        }
        this.authorWeights = zipfWeights(authorNames.length, 0.8);
        String[] regions = names.get("region");
        String[] themes = names.get("theme");
        this.topics = new Topic[spec.topics()];
        List<List<Integer>> authorsOfTopic = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            authorsOfTopic.add(new ArrayList<>());
        }
        for (int a = 0; a < authorNames.length; a++) {
            for (int k = 0, n = 2 + r.nextInt(4); k < n; k++) {
                authorsOfTopic.get(r.nextInt(topics.length)).add(a);
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int t = 0; t < topics.length; t++) {
            String[] own = new String[12];
            for (int k = 0; k < own.length; k++) {
                own[k] = capital(pseudoWord(r, used));
            }
            String[] words = new String[30];
            for (int k = 0; k < words.length; k++) {
                words[k] = general[r.nextInt(general.length)];
            }
            String[] topicTags = {regions[r.nextInt(regions.length)], themes[r.nextInt(themes.length)],
                themes[r.nextInt(themes.length)], own[0], own[1] + " " + capital(general[r.nextInt(general.length)])};
            tags.addAll(Arrays.asList(topicTags));
            List<Integer> writers = authorsOfTopic.get(t);
            if (writers.isEmpty()) {
                writers.add(r.nextInt(authorNames.length));
            }
            topics[t] = new Topic(own, words, topicTags, writers.stream().mapToInt(Integer::intValue).toArray());
        }
        tags.addAll(Arrays.asList(regions));
        tags.addAll(Arrays.asList(themes));
        this.allTags = tags.toArray(String[]::new);
        this.topicWeights = zipfWeights(topics.length, 0.9);
    }

    public Spec spec() {
        return spec;
    }

    /** Every article, in order. Parallel-friendly: {@code articles().parallel()} keeps each article the same. */
    public Stream<GeneratedArticle> articles() {
        return IntStream.range(0, spec.articles()).mapToObj(this::article);
    }

    /** The journal's configuration, as a {@code jbake.properties} file. */
    public String properties() {
        return """
                # A synthetic journal made by dev.journal.bench.CorpusGenerator (%d articles, seed %d).
                site.host=https://bench.example.org/
                journal.title=The Benchmark Review
                journal.description=A synthetic journal for measuring the engine
                uri.noExtension=true
                index.paginate=true
                index.posts_per_page=10
                render.tagsindex=true
                render.sitemap=true
                render.error404=true
                archive.file=archive/index.html
                """.formatted(spec.articles(), spec.seed());
    }

    /**
     * Writes the journal into {@code dir}: {@code jbake.properties}, {@code content/pages/about.md}
     * and every article under {@code content/articles/}. Files already there are overwritten.
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("content/pages"));
        Files.writeString(dir.resolve("jbake.properties"), properties(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("content/pages/about.md"), """
                ---
                title: About the Benchmark Review
                ---

                A synthetic journal, generated to measure how the engine scales.
                """, StandardCharsets.UTF_8);
        for (int y = 0; y < spec.years(); y++) {
            Files.createDirectories(dir.resolve("content/articles/" + (spec.firstYear() + y)));
        }
        try {
            articles().parallel().forEach(a -> {
                try {
                    Files.writeString(dir.resolve("content").resolve(a.contentPath()), a.markdown(),
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Where article {@code index} is written, under {@code content/}, without making its text. */
    public String contentPath(int index) {
        return header(index).contentPath;
    }

    /** Article {@code index}, made on its own. */
    public GeneratedArticle article(int index) {
        Header h = header(index);
        Random r = new Random(mix(spec.seed(), index) ^ 0x5DEECE66DL);
        Topic topic = topics[h.topic];
        StringBuilder md = new StringBuilder(spec.articleBytes() + 2000);
        md.append("---\n");
        md.append("title: \"").append(h.title).append("\"\n");
        md.append(h.authors.size() == 1 ? "author: " + h.authors.get(0) : "authors: [" + String.join(", ", h.authors)
                + "]").append('\n');
        md.append("date: ").append(h.date).append('\n');
        md.append("tags: [").append(String.join(", ", h.tags)).append("]\n");
        md.append("summary: \"").append(capital(sentence(r, topic, 25 + r.nextInt(15), false))).append(".\"\n");
        if (h.draft) {
            md.append("draft: true\n");
        }
        if (index > 0 && r.nextInt(50) == 0) {
            md.append("related: [").append(header(r.nextInt(index)).slug).append("]\n");
        }
        md.append("---\n\n");
        paragraph(md, r, topic, index);
        int footnotes = 0;
        while (md.length() < spec.articleBytes()) {
            md.append("## ").append(capital(sentence(r, topic, 3 + r.nextInt(4), false))).append("\n\n");
            for (int p = 0, n = 2 + r.nextInt(3); p < n; p++) {
                int kind = r.nextInt(10);
                if (kind == 0) {
                    for (int item = 0, items = 3 + r.nextInt(3); item < items; item++) {
                        md.append("- **").append(capital(topic.words[r.nextInt(topic.words.length)])).append(".** ")
                                .append(capital(sentence(r, topic, 8 + r.nextInt(10), true))).append(".\n");
                    }
                    md.append('\n');
                } else if (kind == 1) {
                    md.append("> ").append(capital(sentence(r, topic, 20 + r.nextInt(15), true))).append(".\n\n");
                } else {
                    paragraph(md, r, topic, index);
                    if (r.nextInt(3) == 0) {
                        md.setLength(md.length() - 2);
                        md.append("[^").append(++footnotes).append("]\n\n");
                    }
                }
            }
        }
        for (int f = 1; f <= footnotes; f++) {
            md.append("[^").append(f).append("]: ").append(capital(sentence(r, topic, 6 + r.nextInt(8), false)))
                    .append(", https://www.example.org/sources/").append(index).append('-').append(f).append(".\n");
        }
        return new GeneratedArticle(index, h.contentPath, h.slug, h.topic, h.date, h.tags, h.authors, h.draft,
                md.toString());
    }

    /** What the front matter says, made from its own random stream so that links can name any article. */
    private record Header(int topic, String title, String slug, String contentPath, LocalDate date, List<String> tags,
            List<String> authors, boolean draft) {
    }

    private Header header(int index) {
        Random r = new Random(mix(spec.seed(), index));
        int t = pick(r, topicWeights);
        Topic topic = topics[t];
        LocalDate date = LocalDate.of(spec.firstYear(), 1, 1).plusDays(r.nextInt(365 * spec.years()));
        String title = capital(topic.names[r.nextInt(4)] + " " + sentence(r, topic, 4 + r.nextInt(6), false));
        String slug = slug(title) + "-" + index;
        Set<String> authors = new LinkedHashSet<>();
        authors.add(authorNames[topic.authors[pickAmong(r, topic.authors)]]);
        if (r.nextInt(5) == 0) {
            authors.add(authorNames[pick(r, authorWeights)]);
            if (r.nextInt(4) == 0) {
                authors.add(authorNames[pick(r, authorWeights)]);
            }
        }
        int tagCount = 1 + pick(r, TAG_COUNT_WEIGHTS);
        Set<String> tags = new LinkedHashSet<>();
        for (int guard = 0; tags.size() < tagCount && guard < 50; guard++) {
            int roll = r.nextInt(10);
            if (roll < 7) {
                tags.add(topic.tags[r.nextInt(topic.tags.length)]);
            } else if (roll < 9) {
                tags.add(allTags[(int) Math.min(allTags.length - 1, Math.floor(Math.pow(r.nextDouble(), 2.5)
                        * allTags.length))]);
            } else {
                tags.add(topics[pick(r, topicWeights)].tags[r.nextInt(5)]);
            }
        }
        return new Header(t, title, slug, "articles/" + date.getYear() + "/" + slug + ".md", date, List.copyOf(tags),
                List.copyOf(authors), r.nextInt(100) == 0);
    }

    private void paragraph(StringBuilder md, Random r, Topic topic, int index) {
        for (int s = 0, n = 3 + r.nextInt(4); s < n; s++) {
            String sentence = capital(sentence(r, topic, 12 + r.nextInt(17), true));
            int link = r.nextInt(14);
            Header other = link == 1 && index > 0 ? header(r.nextInt(index)) : null;
            if (link == 0) {
                md.append(sentence).append(", as [a recent report](https://www.example.org/reports/")
                        .append(r.nextInt(100_000)).append(") argues");
            } else if (other != null && !other.draft) {
                // a link to an earlier published article (a draft has no page to link to)
                md.append(sentence).append(" (see [").append(other.title.replace("[", "").replace("]", ""))
                        .append("](../").append(other.date.getYear()).append('/').append(other.slug).append(".md))");
            } else {
                md.append(sentence);
            }
            md.append(". ");
        }
        md.setLength(md.length() - 1);
        md.append("\n\n");
    }

    /** Words from the function words, the general vocabulary, the topic and now and then another topic. */
    private String sentence(Random r, Topic topic, int words, boolean decorate) {
        StringBuilder sb = new StringBuilder(words * 8);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(w % 9 == 8 && r.nextInt(3) == 0 ? ", " : " ");
            }
            int roll = r.nextInt(100);
            String word;
            if (roll < 40) {
                word = FUNCTION_WORDS[r.nextInt(FUNCTION_WORDS.length)];
            } else if (roll < 67) {
                word = general[(int) Math.floor(Math.pow(r.nextDouble(), 1.6) * general.length)];
            } else if (roll < 72) {
                word = rareWord(r);
            } else if (roll < 84) {
                word = topic.words[(int) Math.floor(Math.pow(r.nextDouble(), 1.5) * topic.words.length)];
            } else if (roll < 94) {
                word = topic.names[(int) Math.floor(Math.pow(r.nextDouble(), 1.5) * topic.names.length)];
                if (decorate && r.nextInt(8) == 0) {
                    word += "'s";
                }
            } else {
                Topic other = topics[r.nextInt(topics.length)];
                word = r.nextBoolean() ? other.words[r.nextInt(other.words.length)]
                        : other.names[r.nextInt(other.names.length)];
            }
            if (decorate && r.nextInt(60) == 0) {
                word = "*" + word + "*";
            } else if (decorate && r.nextInt(80) == 0) {
                word = "\"" + word + "\"";
            }
            sb.append(word);
        }
        return sb.toString();
    }

    /**
     * A word of the long tail that real prose has (names, technical terms, rare words): rank
     * {@code k} of {@value #RARE_WORDS} with probability about 1/k, spelled from the rank, so that a
     * journal's vocabulary grows with its size as real ones do (Heaps' law).
     */
    private static String rareWord(Random r) {
        int rank = (int) Math.floor(Math.exp(r.nextDouble() * Math.log(RARE_WORDS)));
        StringBuilder sb = new StringBuilder();
        do {
            sb.append(SYLLABLES[rank % SYLLABLES.length]);
            rank /= SYLLABLES.length;
        } while (rank > 0 || sb.length() < 5);
        return sb.toString();
    }

    private static double[] zipfWeights(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** An index drawn from cumulative weights. */
    private static int pick(Random r, double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, r.nextDouble());
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static int pick(Random r, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A position in a list, earlier ones likelier (a topic's main writers write most of it). */
    private static int pickAmong(Random r, int[] list) {
        return (int) Math.floor(Math.pow(r.nextDouble(), 2) * list.length);
    }

    private static String pseudoWord(Random r, Set<String> used) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int s = 0, n = 2 + r.nextInt(2); s < n; s++) {
                sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            if (used.add(sb.toString())) {
                return sb.toString();
            }
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String slug(String title) {
        String[] words = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").trim().split(" +");
        return String.join("-", Arrays.copyOf(words, Math.min(5, words.length)));
    }

    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
        z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
        return z ^ z >>> 31;
    }

    private static String[] words() {
        return read("words.txt").lines().filter(l -> !l.startsWith("#")).flatMap(l -> Arrays.stream(l.trim()
                .split(" +"))).filter(w -> !w.isEmpty()).distinct().toArray(String[]::new);
    }

    private static Map<String, String[]> names() {
        Map<String, String[]> out = new HashMap<>();
        read("names.txt").lines().filter(l -> !l.startsWith("#") && l.contains(":")).forEach(l -> {
            String key = l.substring(0, l.indexOf(':')).trim();
            out.put(key, Arrays.stream(l.substring(l.indexOf(':') + 1).split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toArray(String[]::new));
        });
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the benchmark's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
