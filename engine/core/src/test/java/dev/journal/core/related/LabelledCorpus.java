package dev.journal.core.related;

import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * A synthetic journal whose articles are each drawn from one hidden topic, for measuring how often
 * recommendations stay on topic. The topic leaks only partly into what the recommender sees:
 * <ul>
 * <li>Text: 47% of the words are background prose shared by all topics (English function words
 *     and a general vocabulary), 20% come from the topic's own vocabulary, 8% from a sibling topic
 *     (topics come in pairs that share a theme), 10% from a random other topic, and 15% are one-off
 *     names. Word frequencies within each vocabulary are Zipf-like.</li>
 * <li>Tags: each topic has two tags of its own, and three of ten broad tags ("Security",
 *     "Economy"...) that several topics share. An article has 1 to 4 tags; two in five carry none of
 *     their topic's own tags, and one in five carries an own tag of another topic (misfiled).</li>
 * <li>Authors: forty authors, each writing on three topics; a quarter of articles co-authored.</li>
 * <li>Dates: over six years, independent of the topic.</li>
 * </ul>
 * Deterministic for a seed.
 */
final class LabelledCorpus {

    static final int TOPICS = 16;
    private static final int TOPIC_WORDS = 60;
    private static final int BACKGROUND_WORDS = 400;
    private static final String[] FUNCTION_WORDS = ("the of and to in a is that for on as with by it was be are "
            + "this from at which has have not its an or but their they had were been will more also than").split(" ");
    private static final String[] BROAD_TAGS = {"Security", "Economy", "Diplomacy", "Energy", "Trade", "Law",
        "Technology", "Climate", "Migration", "Elections"};
    private static final String[] SYLLABLES = ("ka ro mi ten vor al sun de pri lo nam bet ur sil zan qua ol fer "
            + "tib mon ash rel gu dor pen chi lav mes ot bri han ver tal cu no sed").split(" ");

    private final Random random;
    private final Set<String> usedWords = new LinkedHashSet<>();
    private final List<List<String>> topicWords = new ArrayList<>();
    private final List<String> background = new ArrayList<>();
    private final List<List<String>> ownTags = new ArrayList<>();
    private final List<List<String>> broadTags = new ArrayList<>();
    private final List<List<Integer>> authorTopics = new ArrayList<>();
    private final Map<String, Integer> topicOfSlug = new HashMap<>();
    private final List<String> sources = new ArrayList<>();

    LabelledCorpus(long seed, int articlesPerTopic) {
        random = new Random(seed);
        for (int i = 0; i < BACKGROUND_WORDS; i++) {
            background.add(word());
        }
        for (int t = 0; t < TOPICS; t++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < TOPIC_WORDS; i++) {
                words.add(word());
            }
            topicWords.add(words);
            ownTags.add(List.of(capital(word()) + " " + capital(word()), capital(word())));
            List<String> broad = new ArrayList<>();
            while (broad.size() < 3) {
                String tag = BROAD_TAGS[random.nextInt(BROAD_TAGS.length)];
                if (!broad.contains(tag)) {
                    broad.add(tag);
                }
            }
            broadTags.add(broad);
        }
        for (int a = 0; a < 40; a++) {
            List<Integer> topics = new ArrayList<>();
            while (topics.size() < 3) {
                int t = random.nextInt(TOPICS);
                if (!topics.contains(t)) {
                    topics.add(t);
                }
            }
            authorTopics.add(topics);
        }
        int count = 0;
        for (int round = 0; round < articlesPerTopic; round++) {
            for (int t = 0; t < TOPICS; t++) {
                sources.add(article(count++, t));
            }
        }
    }

    /** The articles, parsed as the build parses them. */
    List<Article> articles() {
        SiteConfig config = SiteConfig.defaults();
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String path = "articles/a" + i + ".md";
            files.add(new SourceFile("content/" + path, path, sources.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        ContentParser.Parsed parsed = new ContentParser(config, new MarkdownRenderer(MarkdownOptions.site(true)))
                .parse(files, ForkJoinPool.commonPool());
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException("the corpus does not parse: " + parsed.problems());
        }
        return parsed.articles();
    }

    /** The hidden topic of an article. */
    int topicOf(Article a) {
        return topicOfSlug.get(a.slug());
    }

    private String article(int index, int topic) {
        topicOfSlug.put("a" + index, topic);
        int sibling = topic ^ 1;
        LocalDate date = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(6 * 365));
        Set<String> tags = new LinkedHashSet<>();
        int tagCount = 1 + random.nextInt(4);
        boolean ownTag = random.nextInt(5) >= 2;
        if (ownTag) {
            tags.add(pick(ownTags.get(topic)));
        }
        if (random.nextInt(5) == 0) {
            tags.add(pick(ownTags.get(other(topic))));
        }
        while (tags.size() < tagCount) {
            tags.add(pick(broadTags.get(random.nextInt(3) == 0 ? other(topic) : topic)));
        }
        List<Integer> writers = new ArrayList<>();
        for (int a = 0; a < authorTopics.size(); a++) {
            if (authorTopics.get(a).contains(topic)) {
                writers.add(a);
            }
        }
        Set<String> authors = new LinkedHashSet<>();
        authors.add("Author " + (writers.isEmpty() ? random.nextInt(40) : pick(writers)));
        if (random.nextInt(4) == 0) {
            authors.add("Author " + random.nextInt(40));
        }
        StringBuilder md = new StringBuilder();
        md.append("---\ntitle: \"").append(capital(sentence(topic, sibling, 7))).append("\"\n");
        md.append("date: ").append(date).append('\n');
        md.append("tags: [").append(String.join(", ", tags)).append("]\n");
        md.append("authors: [").append(String.join(", ", authors)).append("]\n");
        md.append("---\n\n");
        int paragraphs = 3 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            for (int s = 0, sentences = 3 + random.nextInt(3); s < sentences; s++) {
                md.append(capital(sentence(topic, sibling, 8 + random.nextInt(12)))).append(". ");
            }
            md.append("\n\n");
        }
        return md.toString();
    }

    private String sentence(int topic, int sibling, int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            int roll = random.nextInt(100);
            if (roll < 15) {
                sb.append(FUNCTION_WORDS[zipf(FUNCTION_WORDS.length)]);
            } else if (roll < 47) {
                sb.append(background.get(zipf(background.size())));
            } else if (roll < 67) {
                sb.append(topicWords.get(topic).get(zipf(TOPIC_WORDS)));
            } else if (roll < 75) {
                sb.append(topicWords.get(sibling).get(zipf(TOPIC_WORDS)));
            } else if (roll < 85) {
                sb.append(topicWords.get(other(topic)).get(zipf(TOPIC_WORDS)));
            } else {
                sb.append(capital(word()));
            }
        }
        return sb.toString();
    }

    /** A rank from a Zipf-like distribution: rank r has weight 1 / (r + 1). */
    private int zipf(int n) {
        double h = Math.log(n + 1.0);
        return Math.min(n - 1, (int) Math.floor(Math.exp(random.nextDouble() * h) - 1));
    }

    private int other(int topic) {
        int t = random.nextInt(TOPICS - 1);
        return t >= topic ? t + 1 : t;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A new pseudo-word of two or three syllables. */
    private String word() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int s = 0, n = 2 + random.nextInt(2); s < n; s++) {
                sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (usedWords.add(sb.toString())) {
                return sb.toString();
            }
        }
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
