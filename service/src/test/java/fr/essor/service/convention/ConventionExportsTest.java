package fr.essor.service.convention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.essor.service.report.Table;
import fr.essor.service.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConventionExportsTest {

    private static final List<ConventionViews.Funded> FUNDED = List.of(
            new ConventionViews.Funded("Coop'Vélo Tours", "37", "Mobilité", "SCOP", "CREATION", "HONOUR_LOAN",
                    new BigDecimal("10000.00"), new BigDecimal("10000.00"), new BigDecimal("2.00"), null),
            new ConventionViews.Funded("Épicerie solidaire", "45", null, "ASSOCIATION", "EMERGENCE", "HONOUR_LOAN",
                    new BigDecimal("5000.50"), new BigDecimal("0.00"), null, new BigDecimal("1.50")));

    @Test
    void theFundedTableTranslatesHeadersAndCodesAndEndsWithTotals() {
        Table fr = ConventionExports.fundedTable("BDT-1", FUNDED, Locale.FRENCH);
        assertEquals("Entreprises financées — BDT-1", fr.title());
        assertEquals("Entreprise", fr.columns().get(0).header());
        assertEquals(Table.Kind.MONEY, fr.columns().get(6).kind());
        assertEquals(List.of("Coop'Vélo Tours", "37", "Mobilité", "SCOP", "Création", "Prêt d'honneur"),
                fr.rows().get(0).subList(0, 6));
        List<Object> total = fr.rows().get(2);
        assertEquals("Total", total.get(0));
        assertNull(total.get(1));
        assertEquals(new BigDecimal("15000.50"), total.get(6));
        assertEquals(new BigDecimal("10000.00"), total.get(7));
        assertEquals(new BigDecimal("2.00"), total.get(8));
        assertEquals(new BigDecimal("1.50"), total.get(9));

        Table en = ConventionExports.fundedTable("BDT-1", FUNDED, Locale.ENGLISH);
        assertEquals("Funded enterprises — BDT-1", en.title());
        assertEquals("Enterprise", en.columns().get(0).header());
        assertEquals("Honour loan", en.rows().get(0).get(5));
        assertEquals("Worker cooperative (SCOP)", en.rows().get(0).get(3));
    }

    @Test
    void theReportKeepsSixColumnsForItsPortraitPages() {
        Table t = ConventionExports.compact(ConventionExports.fundedTable("BDT-1", FUNDED, Locale.FRENCH));
        assertEquals(List.of("Entreprise", "Département", "Instrument", "Engagé", "Décaissé", "Emplois créés (ETP)"),
                t.columns().stream().map(Table.Column::header).toList());
        assertEquals(List.of("Coop'Vélo Tours", "37", "Prêt d'honneur", new BigDecimal("10000.00"),
                new BigDecimal("10000.00"), new BigDecimal("2.00")), t.rows().get(0));
        assertEquals("Total", t.rows().get(2).get(0));
    }

    @Test
    void anEmptyConventionStillHasItsTotalsRow() {
        Table t = ConventionExports.fundedTable("X", List.of(), Locale.FRENCH);
        assertEquals(1, t.rows().size());
        assertEquals(new BigDecimal("0.00"), t.rows().get(0).get(6));
    }

    @Test
    void onlyTheThreeFormatsAreKnown() {
        assertEquals("text/csv; charset=UTF-8", ConventionExports.mediaType("CSV"));
        assertEquals("application/pdf", ConventionExports.mediaType("pdf"));
        assertThrows(InvalidInputException.class, () -> ConventionExports.mediaType("html"));
        assertThrows(InvalidInputException.class, () -> ConventionExports.mediaType(null));
    }
}
