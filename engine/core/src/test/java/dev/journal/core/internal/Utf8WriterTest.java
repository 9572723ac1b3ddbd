package dev.journal.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The writer gives the bytes of String.getBytes(UTF_8), however the text is cut into writes. */
class Utf8WriterTest {

    /** Characters of every width, surrogate pairs, and surrogates on their own. */
    private static final String[] PIECES = {"a", "<p>", "é", "€", "—", "“", "\uD83D\uDE00", "\uD83D", "\uDE00",
        "\u0000", "\u07FF", "\u0800", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF", "Россия", "Việt Nam", "漢字"};

    @Test
    void writesWhatGetBytesGivesInEveryCut() throws java.io.IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(120); k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.toString();
            Utf8Writer out = new Utf8Writer(random.nextInt(40));
            int at = 0;
            while (at < s.length()) {
                // short writes, and some long enough to be encoded in one piece
                int len = Math.min(s.length() - at, random.nextInt(8) == 0
                        ? Utf8Writer.BULK + random.nextInt(Utf8Writer.BULK) : random.nextInt(7));
                switch (random.nextInt(4)) {
                    case 0 -> out.write(s, at, len);
                    case 1 -> out.write(s.toCharArray(), at, len);
                    case 2 -> {
                        len = 1;
                        out.write(s.charAt(at));
                    }
                    default -> out.append(s.substring(at, at + len));
                }
                at += len;
            }
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), out.toByteArray(), () -> "round of " + s.chars()
                    .mapToObj(Integer::toHexString).toList());
        }
    }
}
