package fr.essor.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Atelier\u0000vélo", "bip\u0007", "\u001b[31mrouge", "facture\u202Efdp.exe", "\u202Agauche",
            "\u2066isolé\u2069", "zéro\u200Blargeur", "\uFEFFbom", "ligne\u2028séparée", "del\u007F", "c1\u0085"})
    void controlAndFormatCharactersAreRefusedInEveryKindOfText(String text) {
        assertFalse(FreeText.isClean(text, false), text);
        assertFalse(FreeText.isClean(text, true), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Épicerie solidaire « Le Panier »", "Café–librairie d'Orléans", "مقهى", "SCIC 45 – 2026 (2)",
            "Emoji 👩‍🍳 with a joiner", "नमस्‍ते", "€ 1 500,00"})
    void ordinaryTextOfAnyScriptIsAccepted(String text) {
        assertTrue(FreeText.isClean(text, false), text);
        assertTrue(FreeText.isClean(text, true), text);
    }

    @Test
    void lineBreaksAndTabsAreAllowedInMultiLineTextOnly() {
        String text = "Première ligne\r\nSeconde\tligne";
        assertTrue(FreeText.isClean(text, true));
        assertFalse(FreeText.isClean(text, false));
        assertTrue(FreeText.isClean(null, false), "no text is clean");
    }

    @Test
    void requireNamesTheFieldItRefuses() {
        FreeText.InvalidTextException e = assertThrows(FreeText.InvalidTextException.class,
                () -> FreeText.require("title", "a\u202Eb", false));
        assertEquals("title", e.field());
        assertEquals("text.invalidCharacters", e.key());
        assertEquals("ok", FreeText.require("title", "ok", false));
    }
}
