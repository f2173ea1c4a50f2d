package fr.essor.service.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationReference;
import fr.essor.model.committee.Decision;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.Siret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecisionLetterTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static Application onAgenda(String title) {
        Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
        Enterprise e = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCOP, cvl);
        Application a = new Application(ApplicationReference.of("CVL", 2026, 7), e, title, Stage.CREATION, null, "p@x.fr", NOW);
        a.submit("p@x.fr", NOW);
        a.startReview("c@x.fr", NOW);
        a.markReadyForCommittee("c@x.fr", NOW);
        a.putOnAgenda("c@x.fr", NOW);
        return a;
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            return new PdfTextExtractor(reader).getTextFromPage(1).replace('\u202f', ' ').replace('\u00a0', ' ')
                    .replaceAll("[ \\t]+", " ");
        } finally {
            reader.close();
        }
    }

    @Test
    void anApprovalLetterListsTheGrantedLinesAndTheirTotalInFrench() throws Exception {
        Decision d = Decision.approve(onAgenda("Épicerie"), List.of(
                FinancingLine.of(Instrument.GRANT, Money.of("1500.00"), null, null, null, null),
                FinancingLine.of(Instrument.HONOUR_LOAN, Money.of("8000.00"), 60, null, null, null)),
                "Sur présentation des statuts.", LocalDate.of(2026, 11, 20), "comite@demo.essor", NOW);
        String text = text(DecisionLetter.pdf(d, Locale.FRENCH, LocalDate.of(2026, 11, 26)));
        assertTrue(text.contains("Notification de décision"), text);
        assertTrue(text.contains("CVL-2026-00007"), text);
        assertTrue(text.contains("Subvention : 1 500,00 €"), text);
        assertTrue(text.contains("Total accordé : 9 500,00 €"), text);
        assertTrue(text.contains("Sur présentation des statuts."), text);
        assertFalse(text.contains("''"), "an apostrophe was doubled: " + text);
    }

    @Test
    void aRejectionLetterGivesTheReasonsInEnglish() throws Exception {
        Decision d = Decision.reject(onAgenda("Shop"), "The market study is missing.", LocalDate.of(2026, 11, 20),
                "comite@demo.essor", NOW);
        String text = text(DecisionLetter.pdf(d, Locale.ENGLISH, LocalDate.of(2026, 11, 26)));
        assertTrue(text.contains("Notice of decision"), text);
        assertTrue(text.contains("was not accepted"), text);
        assertTrue(text.contains("The market study is missing."), text);
    }
}
