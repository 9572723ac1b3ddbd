package dev.journal.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word count shown with an article (and its reading time). */
class WordCountTest {

    @Test
    void wordsAreRunsOfLettersAndDigitsJoinedByApostrophesAndHyphens() {
        assertEquals(0, ContentParser.countWords(""));
        assertEquals(0, ContentParser.countWords(" -- ... \n"));
        assertEquals(3, ContentParser.countWords("Don't co-operate now"));
        assertEquals(3, ContentParser.countWords("It\u2019s 2024, really."));
        assertEquals(4, ContentParser.countWords("na\u00efve caf\u00e9 \u041c\u043e\u0441\u043a\u0432\u0430 \u5317\u4eac"));
        assertEquals(2, ContentParser.countWords("one\u2014two"));
    }

    @Test
    void theSameCountAsTheUnicodeTablesGiveForEveryCharacter() {
        Random random = new Random(11);
        String alphabet = "aZ09 '-\u2019.,\u00e9\u00df\u0416\u4e2d\u2014\u00a0\u0660_\t\n";
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                sb.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertEquals(reference(text), ContentParser.countWords(text), text);
        }
    }

    /** The definition: a letter or digit by {@link Character#isLetterOrDigit(char)} starts a word. */
    private static int reference(String text) {
        int words = 0;
        boolean in = false;
        for (char c : text.toCharArray()) {
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !in) {
                words++;
            }
            in = letter || in && (c == '\'' || c == '\u2019' || c == '-');
        }
        return words;
    }
}
