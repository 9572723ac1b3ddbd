package dev.journal.core.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    private static final Tokenizer ENGLISH = new Tokenizer(true);
    private static final Tokenizer OTHER = new Tokenizer(false);

    private static String terms(Tokenizer t, String text) {
        Map<Long, String> names = new LinkedHashMap<>();
        TermCounts counts = new TermCounts(16);
        t.tokenize(text, 1, counts, names);
        List<String> out = new ArrayList<>();
        names.forEach((h, name) -> {
            if (!t.isStopWord(h)) {
                out.add(name + (counts.get(h) > 1 ? "*" + (int) counts.get(h) : ""));
            }
        });
        return String.join(" ", out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // function words and numbers go; case folds; apostrophes and hyphens split
        "The Treaty of 2024 and the treaties                  | treaty*2",
        "Korea's and Korea’s ports; North-Korean ports       | korea*2 port*2 north korean",
        // the plural stemmer, and what it leaves alone
        "policies sanctions class virus crisis gas analyses    | policy sanction class virus crisis gas analyse",
        // other scripts: letters and combining marks make words, lower-cased by code point
        "Россия и РОССИЯ                                      | россия*2",
        "Việt Nam, Hà Nội                                     | việt nam hà nội",
        // Chinese and Japanese: pairs of characters
        "中华人民 共和国                                       | 中华 华人 人民 共和 和国",
        "東京 と 大阪                                          | 東京 と 大阪",
        // outside the Basic Multilingual Plane: Han (extension B) and a mathematical letter
        "𠀀𠀁 𝐀𝐁 ok                                           | 𠀀𠀁 𝐀𝐁 ok",
        // too long to be a word
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ok   | ok",
    })
    void splitsFoldsAndStems(String text, String expected) {
        assertEquals(expected.strip(), terms(ENGLISH, text.strip()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "policies sanctions | policies sanctions",
    })
    void stemsOnlyEnglish(String text, String expected) {
        assertEquals(expected.strip(), terms(OTHER, text.strip()));
    }
}
