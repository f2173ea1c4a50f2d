package fr.essor.model.accounting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.Instrument;
import fr.essor.model.convention.MovementKind;
import fr.essor.model.shared.RuleException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The journal and its FEC file: balance, the 18 columns of the published layout, amounts and dates, numbering. */
class FecExportTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    private static JournalMovement mv(long id, MovementKind kind, Instrument instrument, String amount, LocalDate on) {
        return new JournalMovement(id, kind, instrument, new BigDecimal(amount), on, on.plusDays(1), "BDT-FONDS-2026",
                "CVL-2026-00042", 7L, "Vélo | Solidaire\tSCIC");
    }

    private static List<JournalMovement> sample() {
        return List.of(
                mv(10, MovementKind.ALLOCATION, Instrument.HONOUR_LOAN, "15000.00", LocalDate.of(2026, 2, 3)),
                mv(11, MovementKind.DISBURSEMENT, Instrument.HONOUR_LOAN, "15000.00", LocalDate.of(2026, 3, 1)),
                mv(12, MovementKind.REPAYMENT, Instrument.HONOUR_LOAN, "250.00", LocalDate.of(2026, 4, 5)),
                mv(13, MovementKind.REPAYMENT, Instrument.HONOUR_LOAN, "-250.00", LocalDate.of(2026, 4, 9)),
                mv(9, MovementKind.DISBURSEMENT, Instrument.GRANT, "1234567.89", LocalDate.of(2026, 3, 1)),
                mv(14, MovementKind.RELEASE, Instrument.GRANT, "0.05", LocalDate.of(2026, 12, 31)));
    }

    private static String[] lines(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).split("\r\n", -1);
    }

    @Test
    void everyEntryIsBalancedAndTheJournalTotalsAgree() {
        Journal j = Journal.of(FROM, TO, sample(), ChartOfAccounts.defaultChart());
        assertEquals(6, j.entries());
        assertEquals(12, j.lines().size());
        for (int i = 0; i < j.lines().size(); i += 2) {
            JournalLine debit = j.lines().get(i);
            JournalLine credit = j.lines().get(i + 1);
            assertEquals(debit.ecritureNum(), credit.ecritureNum());
            assertEquals(0, debit.debit().compareTo(credit.credit()), "entry " + debit.ecritureNum());
            assertEquals(0, debit.credit().signum());
            assertEquals(0, credit.debit().signum());
            assertTrue(debit.debit().signum() > 0);
        }
        assertTrue(j.balanced());
        assertEquals(new BigDecimal("1265067.94"), j.totalDebit());
        assertEquals(j.totalDebit(), j.totalCredit());
        // the ledger's signed sums per kind: the reversal cancels the repayment
        assertEquals(new BigDecimal("0.00"), j.byKind().get(MovementKind.REPAYMENT));
        assertEquals(new BigDecimal("1249567.89"), j.byKind().get(MovementKind.DISBURSEMENT));
    }

    @Test
    void randomJournalsAlwaysBalance() {
        Random random = new Random(14);
        List<JournalMovement> many = new ArrayList<>();
        MovementKind[] kinds = MovementKind.values();
        Instrument[] instruments = Instrument.values();
        BigDecimal signed = BigDecimal.ZERO;
        for (int i = 0; i < 2000; i++) {
            MovementKind k = kinds[random.nextInt(kinds.length)];
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2);
            if (k == MovementKind.REPAYMENT && random.nextInt(5) == 0) {
                amount = amount.negate();
            }
            signed = signed.add(amount.abs());
            many.add(new JournalMovement(i, k, instruments[random.nextInt(instruments.length)], amount,
                    FROM.plusDays(random.nextInt(365)), FROM, "C", "A", i, "E" + i));
        }
        Journal j = Journal.of(FROM, TO, many, ChartOfAccounts.defaultChart());
        assertEquals(j.totalDebit(), j.totalCredit());
        assertEquals(signed.setScale(2), j.totalDebit());
    }

    @Test
    void theFileHasTheEighteenColumnsOfThePublishedLayoutInOrder() {
        byte[] file = FecFile.write(Journal.of(FROM, TO, sample(), ChartOfAccounts.defaultChart()), FecFile.Separator.TAB);
        String[] lines = lines(file);
        assertEquals("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib"
                + "\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise",
                lines[0]);
        assertEquals(1 + 12 + 1, lines.length, "header, 12 lines, and the empty string after the last CRLF");
        assertEquals("", lines[lines.length - 1]);
        for (int i = 1; i < lines.length - 1; i++) {
            assertEquals(18, lines[i].split("\t", -1).length, lines[i]);
            assertFalse(lines[i].contains("|"), "no pipe in a tab file's text: " + lines[i]);
        }
        // no byte order mark
        assertEquals('J', file[0]);
        // the first entry by date: the allocation of 2026-02-03, commitments in journal ENG
        assertEquals(List.of("ENG", "Engagements", "ENG000001", "20260203", "801", "Engagements de financement donnés", "",
                "", "MVT10", "20260203", "Engagement CVL-2026-00042 BDT-FONDS-2026", "15000,00", "0,00", "", "", "20260204", "",
                ""), Arrays.asList(lines[1].split("\t", -1)));
        assertEquals(List.of("ENG", "Engagements", "ENG000001", "20260203", "809", "Contrepartie des engagements donnés",
                "", "", "MVT10", "20260203", "Engagement CVL-2026-00042 BDT-FONDS-2026", "0,00", "15000,00", "", "",
                "20260204", "", ""), Arrays.asList(lines[2].split("\t", -1)));
    }

    @Test
    void amountsHaveACommaAndTwoDecimalsAndDatesAreYyyyMmDd() {
        assertEquals("1234567,89", FecFile.amount(new BigDecimal("1234567.89")));
        assertEquals("0,05", FecFile.amount(new BigDecimal("0.05")));
        assertEquals("0,00", FecFile.amount(BigDecimal.ZERO));
        assertEquals("1500,00", FecFile.amount(new BigDecimal("1500")));
        assertEquals("20261231", FecFile.date(LocalDate.of(2026, 12, 31)));
        assertEquals("20260105", FecFile.date(LocalDate.of(2026, 1, 5)));
        assertEquals("", FecFile.date(null));
        assertEquals("CVLFEC20261231.txt", FecFile.fileName("CVL", TO, "txt"));
        byte[] file = FecFile.write(Journal.of(FROM, TO, sample(), ChartOfAccounts.defaultChart()), FecFile.Separator.PIPE);
        for (String line : Arrays.copyOfRange(lines(file), 1, 13)) {
            String[] f = line.split("\\|", -1);
            assertEquals(18, f.length, line);
            assertTrue(f[3].matches("\\d{8}") && f[9].matches("\\d{8}") && f[15].matches("\\d{8}"), line);
            assertTrue(f[11].matches("\\d+,\\d{2}") && f[12].matches("\\d+,\\d{2}"), line);
        }
    }

    @Test
    void aGrantIsAnExpenseALoanAnAssetWithTheEnterpriseAsAuxiliaryAndAReversalIsWrittenBackwards() {
        Journal j = Journal.of(FROM, TO, sample(), ChartOfAccounts.defaultChart());
        List<JournalLine> grant = j.lines().stream().filter(l -> l.pieceRef().equals("MVT9")).toList();
        assertEquals("6574", grant.get(0).compteNum());
        assertEquals("512", grant.get(1).compteNum());
        assertEquals("", grant.get(0).compAuxNum());
        List<JournalLine> loan = j.lines().stream().filter(l -> l.pieceRef().equals("MVT11")).toList();
        assertEquals("2743", loan.get(0).compteNum());
        assertEquals("ENT7", loan.get(0).compAuxNum());
        assertEquals("Vélo Solidaire SCIC", loan.get(0).compAuxLib(), "separators removed from the enterprise's name");
        List<JournalLine> reversal = j.lines().stream().filter(l -> l.pieceRef().equals("MVT13")).toList();
        assertEquals("2743", reversal.get(0).compteNum(), "a reversal debits the loan again");
        assertEquals(new BigDecimal("250.00"), reversal.get(0).debit());
        assertEquals("512", reversal.get(1).compteNum());
        assertTrue(reversal.get(0).ecritureLib().startsWith("Annulation de remboursement"));
    }

    @Test
    void entriesAreNumberedWithoutAGapWithinEachJournalInDateOrder() {
        Journal j = Journal.of(FROM, TO, sample(), ChartOfAccounts.defaultChart());
        List<String> bank = j.lines().stream().filter(l -> l.journalCode().equals("BQ")).map(JournalLine::ecritureNum)
                .distinct().toList();
        assertEquals(List.of("BQ000001", "BQ000002", "BQ000003", "BQ000004"), bank);
        // same date: by movement id, so the grant (9) comes before the loan (11)
        assertEquals("MVT9", j.lines().stream().filter(l -> l.ecritureNum().equals("BQ000001")).findFirst().orElseThrow().pieceRef());
        List<LocalDate> dates = j.lines().stream().map(JournalLine::ecritureDate).toList();
        for (int i = 1; i < dates.size(); i++) {
            assertFalse(dates.get(i).isBefore(dates.get(i - 1)));
        }
    }

    @Test
    void theSameMovementsGiveTheSameFileWhateverTheirOrder() {
        List<JournalMovement> shuffled = new ArrayList<>(sample());
        Collections.reverse(shuffled);
        byte[] a = FecFile.write(Journal.of(FROM, TO, sample(), ChartOfAccounts.defaultChart()), FecFile.Separator.TAB);
        byte[] b = FecFile.write(Journal.of(FROM, TO, shuffled, ChartOfAccounts.defaultChart()), FecFile.Separator.TAB);
        assertArrayEquals(a, b);
    }

    @Test
    void aMovementWhoseKindTheChartDoesNotMapIsRefusedNamingTheKind() {
        Map<MappingKey, Posting> lines = new LinkedHashMap<>(ChartOfAccounts.defaultChart().lines());
        lines.keySet().removeIf(k -> k.kind() == MovementKind.REPAYMENT);
        ChartOfAccounts partial = ChartOfAccounts.of(lines);
        AccountingRuleException e = assertThrows(AccountingRuleException.class,
                () -> Journal.of(FROM, TO, sample(), partial));
        assertEquals("accounting.kindUnmapped", e.key());
        assertEquals("REPAYMENT", e.arguments().get(0));
        assertEquals(AccountingRuleException.ACCOUNTING, e.code());
    }

    @Test
    void theDefaultChartMapsEveryMovementKindForEveryInstrument() {
        ChartOfAccounts chart = ChartOfAccounts.defaultChart();
        assertTrue(chart.isDefault());
        for (MovementKind k : MovementKind.values()) {
            for (Instrument i : Instrument.values()) {
                assertTrue(chart.postingFor(k, i).isPresent(), k + "/" + i);
            }
        }
        assertEquals("6574", chart.postingFor(MovementKind.DISBURSEMENT, Instrument.GRANT).orElseThrow().debitAccount());
        assertEquals("274", chart.postingFor(MovementKind.DISBURSEMENT, Instrument.QUASI_EQUITY).orElseThrow().debitAccount());
    }

    @Test
    void aChartLineIsCheckedAndARefusalNamesTheField() {
        Posting good = new Posting("2743", "Prêts d'honneur", "512", "Banque", "BQ", "Banque");
        String[][] cases = {
            {"27a", "Prêts", "512", "Banque", "BQ", "Banque", "debitAccount"},
            {"9000", "Prêts", "512", "Banque", "BQ", "Banque", "debitAccount"},
            {"27", "Prêts", "512", "Banque", "BQ", "Banque", "debitAccount"},
            {"274", "Prêts", "512 1", "Banque", "BQ", "Banque", "creditAccount"},
            {"274", "", "512", "Banque", "BQ", "Banque", "debitLabel"},
            {"274", "Prêts", "512", "Ban\tque", "BQ", "Banque", "creditLabel"},
            {"274", "Prêts", "512", "Banque", "bq", "Banque", "journalCode"},
            {"274", "Prêts", "512", "Banque", "BANQUE12345", "Banque", "journalCode"},
            {"274", "Prêts", "512", "Banque", "BQ", "x".repeat(101), "journalLabel"},
            {"274", "Prêts", "274", "Banque", "BQ", "Banque", "creditAccount"},
        };
        for (String[] c : cases) {
            Map<MappingKey, Posting> m = new LinkedHashMap<>();
            m.put(MappingKey.of(MovementKind.DISBURSEMENT), good);
            m.put(MappingKey.of(MovementKind.REPAYMENT, Instrument.HONOUR_LOAN), new Posting(c[0], c[1], c[2], c[3], c[4], c[5]));
            RuleException e = assertThrows(RuleException.class, () -> ChartOfAccounts.of(m), Arrays.toString(c));
            assertEquals("mappings.REPAYMENT/HONOUR_LOAN." + c[6], e.field(), Arrays.toString(c));
        }
        RuleException empty = assertThrows(RuleException.class, () -> ChartOfAccounts.of(Map.of()));
        assertEquals("accounting.chartEmpty", empty.key());
        assertFalse(ChartOfAccounts.of(Map.of(MappingKey.of(MovementKind.DISBURSEMENT), good)).isDefault());
    }
}
