package dev.journal.core.authoring;

import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suggests tags for a text from the tags a journal already uses, by similarity to the articles
 * that carry them: each article is a TF-IDF vector of its title and text, each tag the normalised
 * sum of its articles' vectors, and a text scores each tag by cosine similarity, plus a bonus that
 * grows with how often it names the tag outright. Small and self-contained; the recommender of related articles works
 * on the same kind of vectors, and the two may share that code later.
 */
public final class TagSuggester {

    /** Tags scoring below this are not suggested at all. */
    static final double MIN_SCORE = 0.05;
    /** Weight of how often the text names a tag outright (as a phrase, ignoring case and plurals). */
    static final double NAMED_WEIGHT = 0.1;

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("the", "and", "for", "that", "this", "with", "from", "are",
            "was", "were", "has", "have", "had", "its", "not", "but", "which", "their", "they", "been", "also",
            "more", "than", "into", "can", "will", "would", "there", "these", "those", "such", "other", "one", "two",
            "between", "over", "after", "while", "what", "when", "where", "who", "whom", "whose", "why", "how", "all",
            "any", "some", "most", "may", "might", "could", "should", "our", "his", "her", "them", "him", "she",
            "about", "under", "only", "even", "very", "much", "many", "each", "both", "own", "same", "then", "once",
            "being", "does", "did", "well", "yet", "still", "within", "without", "however", "further", "per");

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> profiles = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();

    /** Learns the tags of {@code articles} (every article of the journal, drafts included). */
    public TagSuggester(List<Article> articles) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (Article a : articles) {
            Map<String, Integer> c = terms(a.title() + " " + a.text());
            counts.add(c);
            c.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = articles.size();
        df.forEach((t, d) -> idf.put(t, Math.log((n + 1.0) / (d + 1.0)) + 1.0));
        for (int i = 0; i < articles.size(); i++) {
            Map<String, Double> v = vector(counts.get(i));
            for (String tag : articles.get(i).tags()) {
                String key = Slugs.key(tag);
                names.putIfAbsent(key, tag);
                Map<String, Double> p = profiles.computeIfAbsent(key, k -> new HashMap<>());
                v.forEach((t, w) -> p.merge(t, w, Double::sum));
            }
        }
        profiles.values().forEach(TagSuggester::normalise);
    }

    /** Every tag known, in the spelling first seen. */
    public List<String> vocabulary() {
        return List.copyOf(names.values());
    }

    /** Up to {@code max} tags for {@code text}, best first; ties by name. */
    public List<String> suggest(String text, int max) {
        Map<String, Double> query = vector(terms(text));
        List<String> words = words(text);
        List<Map.Entry<String, Double>> scores = new ArrayList<>();
        for (var e : profiles.entrySet()) {
            double score = 0;
            for (var q : query.entrySet()) {
                score += q.getValue() * e.getValue().getOrDefault(q.getKey(), 0.0);
            }
            score += NAMED_WEIGHT * Math.log1p(occurrences(words, words(e.getKey())));
            if (score >= MIN_SCORE) {
                scores.add(Map.entry(e.getKey(), score));
            }
        }
        scores.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(e -> names.get(e.getKey())));
        return scores.stream().limit(max).map(e -> names.get(e.getKey())).toList();
    }

    /** How often {@code phrase} occurs in {@code words}. */
    private static int occurrences(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                count++;
            }
        }
        return count;
    }

    /** Every word, lower case, plural s dropped (so a text naming "alliance" names the tag Alliances). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(singular(w));
            }
        }
        return out;
    }

    private static String singular(String w) {
        return w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }

    /** Word counts: lower case, words of three letters or more, common words left out, plural s dropped. */
    static Map<String, Integer> terms(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (w.length() < 3 || STOP.contains(w)) {
                continue;
            }
            counts.merge(singular(w), 1, Integer::sum);
        }
        return counts;
    }

    /** TF-IDF weights (log-scaled term frequency), normalised to length 1; unknown words weigh nothing. */
    private Map<String, Double> vector(Map<String, Integer> counts) {
        Map<String, Double> v = new HashMap<>();
        counts.forEach((t, c) -> {
            Double w = idf.get(t);
            if (w != null) {
                v.put(t, (1 + Math.log(c)) * w);
            }
        });
        normalise(v);
        return v;
    }

    private static void normalise(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) {
            v.replaceAll((t, w) -> w / norm);
        }
    }
}
