package dev.journal.core.internal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void keepsWhatXmlAllows() {
        String ok = "Tab\there, line\nbreak, \r, Россия, 한반도, emoji \uD83C\uDF0D, \uFFFD";
        assertSame(ok, XmlText.clean(ok));
    }

    @Test
    void dropsWhatXmlForbidsOrDiscourages() {
        assertEquals("abcdefg", XmlText.clean("a\u0000b\u0001c\u000Bd\u001Fe\u007Ff\u0085\u009Fg"));
        assertEquals("xy", XmlText.clean("x\uFFFE\uFFFFy"));
    }

    @Test
    void dropsLoneSurrogatesButKeepsPairs() {
        assertEquals("ab", XmlText.clean("a\uD800b"));
        assertEquals("ab", XmlText.clean("a\uDC00b"));
        assertEquals("a", XmlText.clean("a\uD800"));
        assertEquals("\uD83C\uDF0Dx", XmlText.clean("\uD83C\uDF0D\uDF0Dx"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", XmlText.clean(null));
    }
}
