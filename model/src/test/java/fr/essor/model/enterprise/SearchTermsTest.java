package fr.essor.model.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.association.Association;
import fr.essor.model.shared.Siret;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void anEnterpriseIsIndexedUnderTheFoldedWordsOfItsNameAndItsSiret() {
        assertEquals(List.of("coop", "velo", "tours", "88765432100017"),
                List.copyOf(SearchTerms.of("Coop'Vélo  TOURS", "88765432100017")));
        assertEquals(List.of("100", "bio", "local", "11111111100001"), List.copyOf(SearchTerms.of("100% Bio_Local", "11111111100001")));
    }

    @Test
    void ligaturesAndSharpSAreSpelledOutAndARepeatedWordCountsOnce() {
        assertEquals(Set.of("coeur", "de", "strasse", "12345678900011"), SearchTerms.of("Cœur de Straße, cœur", "12345678900011"));
    }

    @Test
    void aSearchIsFoldedAsTheTermsAreAndANumberTypedWithSpacesIsOneWord() {
        assertEquals(List.of("velo", "tours"), SearchTerms.query("  VÉLO-tours "));
        assertEquals(List.of("887654321"), SearchTerms.query("887 654 321"));
        assertEquals(List.of("cvl", "2026", "00003"), SearchTerms.query("CVL-2026-00003"));
    }

    @Test
    void punctuationAloneIsNoWordAndOnlyTheFirstWordsCount() {
        assertEquals(List.of(), SearchTerms.query("% _ !"));
        assertEquals(List.of(), SearchTerms.query(null));
        assertEquals(SearchTerms.WORDS_MAX, SearchTerms.query("a b c d e f g h").size());
    }

    @Test
    void aLongWordIsCutToTheColumnsLength() {
        String word = "x".repeat(SearchTerms.TERM_MAX + 10);
        assertTrue(SearchTerms.of(word, "12345678900011").contains("x".repeat(SearchTerms.TERM_MAX)));
        assertEquals(List.of("x".repeat(SearchTerms.TERM_MAX)), SearchTerms.query(word));
    }

    @Test
    void anEnterpriseKeepsItsTermsInStepWithItsName() {
        Enterprise e = new Enterprise("Ancien Nom", Siret.of("35600000000047"), LegalForm.SCOP, new Association("CVL", "Centre", "Centre"));
        assertEquals(Set.of("ancien", "nom", "35600000000047"), e.getSearchTerms());
        e.rename("Nouveau Nom");
        assertEquals(Set.of("nouveau", "nom", "35600000000047"), e.getSearchTerms());
    }
}
