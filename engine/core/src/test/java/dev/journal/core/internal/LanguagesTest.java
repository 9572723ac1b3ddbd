package dev.journal.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest
    @CsvSource({
        "ar, rtl", "ar-EG, rtl", "fa-IR, rtl", "he, rtl", "ur, rtl", "yi, rtl", "ckb, rtl",
        "en, ltr", "en-GB, ltr", "fr, ltr", "zh-Hans, ltr", "tr, ltr", "'', ltr",
        // the script subtag decides: Azerbaijani in Arabic script, Uzbek in Latin, Punjabi in Shahmukhi
        "az-Arab, rtl", "az-Latn, ltr", "ar-Latn, ltr", "pa-Arab-PK, rtl", "AR_eg, rtl"})
    void aLanguagesDirectionFollowsItsScript(String tag, String direction) {
        assertEquals(direction, Languages.direction(tag));
        assertEquals(direction.equals("rtl") ? " dir=\"rtl\"" : "", Languages.dirAttribute(tag));
    }
}
