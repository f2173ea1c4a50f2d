package fr.essor.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static fr.essor.service.report.TableExportTest.assertInOrder;

import fr.essor.service.report.ConventionReportData.Breakdown;
import fr.essor.service.report.ConventionReportData.TargetLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConventionReportTest {

    private static ConventionReportData data(boolean french) {
        Map<String, List<Breakdown>> breakdowns = new LinkedHashMap<>();
        breakdowns.put(french ? "Par instrument" : "By instrument", List.of(
                new Breakdown(french ? "Prêt d'honneur" : "Honour loan", 3, new BigDecimal("24000.00")),
                new Breakdown(french ? "Garantie bancaire" : "Bank guarantee", 1, new BigDecimal("6000.00"))));
        breakdowns.put(french ? "Par département" : "By department", List.of(
                new Breakdown("37", 4, new BigDecimal("30000.00"))));
        Table funded = new Table(french ? "Entreprises financées" : "Funded enterprises", List.of(
                new Table.Column(french ? "Raison sociale" : "Name", Table.Kind.TEXT),
                new Table.Column(french ? "Département" : "Department", Table.Kind.TEXT),
                new Table.Column(french ? "Montant" : "Amount", Table.Kind.MONEY),
                new Table.Column(french ? "Emplois" : "Jobs", Table.Kind.INTEGER)), List.of(
                List.of("La Fabrique", "37", new BigDecimal("8000.00"), 4),
                List.of("Épicerie Solidaire", "37", new BigDecimal("22000.00"), 7)));
        return new ConventionReportData("BDT-2021-01", "Banque des Territoires", "France Active Centre-Val de Loire",
                "OPERATING_SUPPORT", LocalDate.of(2021, 1, 1), LocalDate.of(2026, 12, 31), 2026,
                new BigDecimal("45000.00"), new BigDecimal("30000.00"), new BigDecimal("25000.00"),
                new BigDecimal("1500.00"), new BigDecimal("15000.00"), breakdowns,
                List.of(new TargetLine(french ? "Emplois créés" : "Jobs created", new BigDecimal("40"), new BigDecimal("11")),
                        new TargetLine(french ? "Entreprises accompagnées" : "Enterprises supported", null, new BigDecimal("2"))),
                funded, LocalDate.of(2026, 11, 26));
    }

    @Test
    void theFrenchReportShowsEverySectionWithFrenchAmounts() throws Exception {
        String text = TableExportTest.pdfText(ConventionReport.pdf(data(true), Locale.FRENCH));
        assertTrue(text.contains("Rapport annuel 2026 — convention BDT-2021-01"), text);
        assertTrue(text.contains("Partenaire : Banque des Territoires"), text);
        assertTrue(text.contains("Type de convention : Soutien au fonctionnement"), text);
        assertTrue(text.contains("du 1 janv. 2021 au 31 déc. 2026"), text);
        assertTrue(text.contains("Chiffres clés"), text);
        assertInOrder(text, "Montant de la convention", "45 000,00 €", "Engagé", "30 000,00 €", "Décaissé", "25 000,00 €",
                "Remboursé", "1 500,00 €", "Reste disponible", "15 000,00 €");
        assertTrue(text.contains("Par instrument"), text);
        assertInOrder(text, "Par instrument", "Nombre", "Montant", "Prêt d'honneur", "3", "24 000,00 €",
                "Garantie bancaire", "1", "6 000,00 €", "Total", "4", "30 000,00 €", "Par département");
        assertTrue(text.contains("Objectifs et réalisations"), text);
        assertTrue(text.contains("Taux d'atteinte"), text);
        assertInOrder(text, "Emplois créés", "40", "11", "27,50 %", "Entreprises accompagnées", "2");
        assertTrue(text.contains("Entreprises financées"), text);
        assertInOrder(text, "Raison sociale", "Département", "Montant", "Emplois", "La Fabrique", "37", "8 000,00 €", "4",
                "Épicerie Solidaire", "37", "22 000,00 €", "7");
        assertTrue(text.contains("Rapport établi le 26 nov. 2026."), text);
        assertFalse(text.contains("''"), "an apostrophe was doubled: " + text);
        assertFalse(text.contains("{0"), "an unfilled placeholder: " + text);
    }

    @Test
    void theEnglishReportIsEntirelyInEnglish() throws Exception {
        String text = TableExportTest.pdfText(ConventionReport.pdf(data(false), Locale.ENGLISH));
        assertTrue(text.contains("Annual report 2026 — convention BDT-2021-01"), text);
        assertTrue(text.contains("Partner: Banque des Territoires"), text);
        assertTrue(text.contains("Convention type: Operating support"), text);
        assertInOrder(text, "Convention amount", "€45,000.00", "Committed", "€30,000.00", "Disbursed", "€25,000.00",
                "Repaid", "€1,500.00", "Remaining available", "€15,000.00");
        assertInOrder(text, "By instrument", "Count", "Amount", "Honour loan", "3", "€24,000.00");
        assertInOrder(text, "Goal", "Achieved", "Share reached", "Jobs created", "40", "11", "27.50%");
        assertInOrder(text, "Name", "Department", "Amount", "Jobs", "Épicerie Solidaire", "37", "€22,000.00", "7");
        assertTrue(text.contains("Funded enterprises"), text);
        assertTrue(text.contains("Report drawn up on Nov 26, 2026."), text);
        for (String french : List.of("Chiffres", "Partenaire", "Montant", "Rapport", "Objectif")) {
            assertFalse(text.contains(french), french + " in " + text);
        }
    }

    @Test
    void anEmptyYearSaysSoInsteadOfShowingEmptyTables() throws Exception {
        ConventionReportData full = data(true);
        ConventionReportData empty = new ConventionReportData(full.reference(), full.partner(), full.association(),
                "FINANCING_FUND", full.periodStart(), full.periodEnd(), 2021, full.amount(), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, full.amount(), Map.of(), List.of(),
                new Table("x", full.funded().columns(), List.of()), full.generatedOn());
        String text = TableExportTest.pdfText(ConventionReport.pdf(empty, Locale.FRENCH));
        assertTrue(text.contains("Fonds de financement"), text);
        assertEquals(3, text.split("Aucune donnée pour cette période.", -1).length - 1, text);
    }

    @Test
    void theShareReachedIsAPercentageWithTwoDecimalsAndNoneWithoutATarget() {
        assertEquals(new BigDecimal("27.50"), ConventionReport.reached(new TargetLine("x", new BigDecimal("40"), new BigDecimal("11"))));
        assertEquals(new BigDecimal("33.33"), ConventionReport.reached(new TargetLine("x", new BigDecimal("3"), BigDecimal.ONE)));
        assertNull(ConventionReport.reached(new TargetLine("x", BigDecimal.ZERO, BigDecimal.ONE)));
        assertNull(ConventionReport.reached(new TargetLine("x", null, BigDecimal.ONE)));
    }
}
