package fr.essor.model.agreement;

import static fr.essor.model.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.essor.model.Fixtures;
import fr.essor.model.application.Instrument;
import fr.essor.model.association.Association;
import fr.essor.model.committee.Decision;
import fr.essor.model.shared.RuleException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String SHA = "0".repeat(64);
    private final Association cvl = Fixtures.cvl();
    private final Decision decision = Fixtures.honourLoanAndGrant(cvl, LocalDate.of(2026, 10, 1));

    private AgreementTemplate template(AgreementKind kind, String body) {
        return AgreementTemplate.next(null, cvl, kind, "fr", body, "admin@demo.essor", NOW);
    }

    // ---- the template's text -------------------------------------------------------------------------

    @Test
    void renderReplacesEachPlaceholderWithItsValueSpacesInsideTheBracesAllowed() {
        String text = TemplateText.render("Entre {{association.name}} et {{ enterprise.name }} : {{line.amount}}.",
                Map.of("association.name", "France Active", "enterprise.name", "La Fabrique", "line.amount", "8 000,00 €"));
        assertEquals("Entre France Active et La Fabrique : 8 000,00 €.", text);
    }

    @Test
    void renderKeepsDollarSignsAndBackslashesOfValuesLiterally() {
        assertEquals("Montant : $1 \\ 2", TemplateText.render("Montant : {{total}}", Map.of("total", "$1 \\ 2")));
    }

    @Test
    void aFieldWithoutAValueRendersAsNothing() {
        assertEquals("Banque : .", TemplateText.render("Banque : {{line.bank}}.", Map.of()));
    }

    @Test
    void placeholdersAreListedOnceInTheOrderTheyAppear() {
        assertEquals(List.of("file.reference", "total"),
                TemplateText.placeholders("{{file.reference}} {{total}} {{ file.reference }}"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedOnTheBodyNamingIt() {
        RuleException e = rule("agreement.unknownPlaceholder",
                () -> TemplateText.check("Bonjour {{enterprise.name}}, votre {{file.montant}}."));
        assertEquals("body", e.field());
        assertEquals(List.of("{{file.montant}}"), e.arguments());
    }

    @Test
    void anUnclosedPlaceholderIsRefused() {
        assertEquals("body", rule("agreement.unclosedPlaceholder", () -> TemplateText.check("Bonjour {{enterprise.name")).field());
        rule("agreement.unclosedPlaceholder", () -> TemplateText.check("Bonjour enterprise.name}}"));
    }

    @Test
    void anEmptyOrTooLongBodyIsRefused() {
        rule("field.required", () -> TemplateText.check("  "));
        rule("field.tooLong", () -> TemplateText.check("x".repeat(TemplateText.BODY_MAX + 1)));
    }

    @Test
    void everyKnownFieldIsAccepted() {
        StringBuilder all = new StringBuilder();
        TemplateText.FIELDS.forEach(f -> all.append("{{").append(f).append("}}\n"));
        assertEquals(TemplateText.FIELDS, TemplateText.placeholders(TemplateText.check(all.toString())));
    }

    // ---- versions ----------------------------------------------------------------------------------------

    @Test
    void savingATemplateWritesTheNextNumberAndKeepsThePreviousUnchanged() {
        AgreementTemplate first = template(AgreementKind.LOAN, "Prêt {{line.amount}}");
        AgreementTemplate second = AgreementTemplate.next(first, cvl, AgreementKind.LOAN, "fr", "Prêt de {{line.amount}}",
                "admin@demo.essor", NOW);
        assertEquals(1, first.getNumber());
        assertEquals(2, second.getNumber());
        assertEquals("Prêt {{line.amount}}", first.getBody());
    }

    @Test
    void aTemplateInAnUnknownLanguageIsRefused() {
        assertEquals("language", rule("field.invalidChoice",
                () -> AgreementTemplate.next(null, cvl, AgreementKind.LOAN, "de", "x", "a", NOW)).field());
    }

    // ---- an agreement's life -----------------------------------------------------------------------------

    @Test
    void eachInstrumentHasItsKindOfAgreementAndEquityNone() {
        assertEquals(AgreementKind.LOAN, AgreementKind.of(Instrument.HONOUR_LOAN));
        assertEquals(AgreementKind.LOAN, AgreementKind.of(Instrument.QUASI_EQUITY));
        assertEquals(AgreementKind.GUARANTEE, AgreementKind.of(Instrument.GUARANTEE));
        assertEquals(AgreementKind.GRANT, AgreementKind.of(Instrument.GRANT));
        assertNull(AgreementKind.of(Instrument.EQUITY));
    }

    @Test
    void anAgreementKeepsTheTemplateVersionItWasMadeFrom() {
        AgreementTemplate t = template(AgreementKind.LOAN, "Prêt");
        Agreement a = new Agreement(decision.getGranted().get(0), t, SHA, "conseil@demo.essor", NOW);
        assertEquals(1, a.getTemplateNumber());
        assertEquals(AgreementStatus.GENERATED, a.getStatus());
        assertEquals(AgreementKind.LOAN, a.getKind());
    }

    @Test
    void aTemplateOfAnotherKindThanTheLinesCannotMakeItsAgreement() {
        AgreementTemplate grant = template(AgreementKind.GRANT, "Subvention");
        assertThrows(IllegalArgumentException.class,
                () -> new Agreement(decision.getGranted().get(0), grant, SHA, "conseil@demo.essor", NOW));
    }

    @Test
    void uploadedThenRefusedWithACommentThenUploadedAgainThenSigned() {
        Agreement a = new Agreement(decision.getGranted().get(1), template(AgreementKind.GRANT, "Subvention"), SHA, "c", NOW);
        rule("agreement.notUploaded", () -> a.sign(null, "conseil@demo.essor", NOW));
        a.upload(41L, NOW);
        assertEquals(AgreementStatus.UPLOADED, a.getStatus());
        assertEquals("comment", rule("agreement.commentRequired", () -> a.refuse(" ", "conseil@demo.essor", NOW)).field());
        a.refuse("Page 2 non paraphée", "conseil@demo.essor", NOW);
        assertEquals(AgreementStatus.REFUSED, a.getStatus());
        rule("agreement.notUploaded", () -> a.sign(null, "conseil@demo.essor", NOW));
        a.upload(42L, NOW);
        a.sign(null, "conseil@demo.essor", NOW);
        assertEquals(AgreementStatus.SIGNED, a.getStatus());
        assertEquals(42L, a.getSignedDocumentId());
        assertEquals("AGREEMENT_RULE", rule("agreement.notUploadable", () -> a.upload(43L, NOW)).code());
        rule("agreement.notUploaded", () -> a.refuse("non", "conseil@demo.essor", NOW));
        assertEquals(AgreementStatus.SIGNED, a.getStatus());
    }
}
