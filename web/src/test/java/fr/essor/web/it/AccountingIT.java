package fr.essor.web.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14, item 5, through the REST API on the real database: the FEC file of each demo association's ledger
 * checked line by line against the ledger's rows in SQL (every movement once, its amount on both sides, the
 * FEC's 18 columns, dates and amounts as the layout says, numbering without a gap per journal, Σ debit =
 * Σ credit, the same bytes twice), its XLSX opened and summed, then the chart of accounts replaced by BZH's
 * administrator (audited), a chart leaving a kind out blocking the export with the kind named, and bad inputs
 * refused with nothing stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountingIT extends OnTheBuiltWar {

    private static final String ADMIN = "admin@demo.essor";
    private static final String ADMIN_BZH = "admin-bzh@demo.essor";
    private static final String ADVISOR_BZH = "conseil-bzh@demo.essor";
    private static final String ADVISOR_CVL = "conseil@demo.essor";
    private static final String PARTNER = "partenaire@demo.essor";
    private static final List<String> COLUMNS = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
            "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
            "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");
    private static final Set<String> VOLATILE = Set.of("outbox_message", "audit_event", "audit_chain_head");

    /** The association's movements: the first and last dates. */
    private static LocalDate[] span(DataSource ds, String code) throws Exception {
        String min = Sql.string(ds, "SELECT MIN(m.occurred_on) FROM ledger_movement m JOIN convention c ON c.id = m.convention_id"
                + " JOIN association a ON a.id = c.association_id WHERE a.code = ?", code);
        String max = Sql.string(ds, "SELECT MAX(m.occurred_on) FROM ledger_movement m JOIN convention c ON c.id = m.convention_id"
                + " JOIN association a ON a.id = c.association_id WHERE a.code = ?", code);
        LocalDate to = LocalDate.parse(max.substring(0, 10));
        LocalDate from = LocalDate.parse(min.substring(0, 10));
        if (!from.isAfter(to.minusMonths(24))) {
            from = to.minusMonths(24).plusDays(1);
        }
        return new LocalDate[] {from, to};
    }

    /** Movement id → [kind, signed amount] of the association's ledger in [from, to], from SQL. */
    private static Map<Long, Object[]> ledger(DataSource ds, String code, LocalDate from, LocalDate to) throws Exception {
        Map<Long, Object[]> rows = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT m.id, m.kind, m.amount"
                + " FROM ledger_movement m JOIN convention c ON c.id = m.convention_id JOIN association a ON a.id = c.association_id"
                + " WHERE a.code = ? AND m.occurred_on >= ? AND m.occurred_on <= ?")) {
            ps.setString(1, code);
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getBigDecimal(3).setScale(2)});
                }
            }
        }
        return rows;
    }

    private HttpResponse<byte[]> download(String user, String query) throws Exception {
        return Api.sendForBytes(api.request(user, "/accounting/" + query).GET().build());
    }

    private static BigDecimal fecAmount(String s) {
        assertTrue(s.matches("\\d+,\\d{2}"), "amount as 1500,00: " + s);
        return new BigDecimal(s.replace(',', '.'));
    }

    /**
     * Checks a FEC file against the ledger's rows: the layout of each line, each movement one balanced entry of
     * its absolute amount, per-journal numbering without a gap; returns Σ debit.
     */
    private static BigDecimal checkAgainstLedger(byte[] file, char separator, Map<Long, Object[]> ledger) {
        String text = new String(file, StandardCharsets.UTF_8);
        assertFalse(text.startsWith("\uFEFF"), "no byte order mark");
        assertTrue(text.endsWith("\r\n"));
        String[] lines = text.split("\r\n");
        String sep = separator == '|' ? "\\|" : "\t";
        assertEquals(COLUMNS, Arrays.asList(lines[0].split(sep, -1)), "the header: the 18 fields in order");
        assertEquals(1 + 2 * ledger.size(), lines.length, "two lines per movement of the ledger");
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        Map<String, BigDecimal[]> entries = new HashMap<>();
        Map<String, List<Integer>> numbers = new HashMap<>();
        Map<Long, BigDecimal> seen = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(sep, -1);
            assertEquals(18, f.length, lines[i]);
            for (int d : new int[] {3, 9, 15}) {
                assertTrue(f[d].matches("20\\d{6}"), "date yyyyMMdd in column " + COLUMNS.get(d) + ": " + lines[i]);
            }
            assertTrue(f[4].matches("[1-8][0-9A-Z]{2,19}"), lines[i]);
            assertTrue(f[2].startsWith(f[0]), "EcritureNum in its journal: " + lines[i]);
            assertEquals("", f[16]);
            assertEquals("", f[17]);
            BigDecimal d = fecAmount(f[11]);
            BigDecimal c = fecAmount(f[12]);
            assertTrue(d.signum() == 0 ^ c.signum() == 0, "one side only: " + lines[i]);
            debit = debit.add(d);
            credit = credit.add(c);
            BigDecimal[] e = entries.computeIfAbsent(f[2], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            e[0] = e[0].add(d);
            e[1] = e[1].add(c);
            if (d.signum() > 0) {
                numbers.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Integer.parseInt(f[2].substring(f[0].length())));
                assertTrue(f[8].startsWith("MVT"), lines[i]);
                seen.put(Long.parseLong(f[8].substring(3)), d);
            }
        }
        entries.forEach((num, e) -> assertEquals(e[0], e[1], "entry " + num + " balanced"));
        assertEquals(debit, credit, "Σ debit = Σ credit");
        numbers.forEach((journal, n) -> {
            for (int k = 0; k < n.size(); k++) {
                assertEquals(k + 1, n.get(k), "journal " + journal + " numbered without a gap, in file order");
            }
        });
        assertEquals(ledger.keySet(), seen.keySet(), "every movement of the ledger once");
        ledger.forEach((id, row) -> assertEquals(((BigDecimal) row[1]).abs(), seen.get(id), "movement " + id));
        return debit;
    }

    private static Map<String, BigDecimal> sumsByKind(Map<Long, Object[]> ledger) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        ledger.values().forEach(r -> sums.merge((String) r[0], (BigDecimal) r[1], BigDecimal::add));
        return sums;
    }

    @Test
    @Order(1)
    void theFecFileHoldsEachMovementOfTheLedgerOnceBalancedAndIsTheSameTwice() throws Exception {
        DataSource ds = Sql.ds();
        for (String[] who : new String[][] {{"BZH", ADVISOR_BZH}, {"CVL", ADMIN}}) {
            String code = who[0];
            LocalDate[] p = span(ds, code);
            Map<Long, Object[]> ledger = ledger(ds, code, p[0], p[1]);
            assertFalse(ledger.isEmpty(), code + "'s demo ledger has movements");
            String query = code + "/fec?from=" + p[0] + "&to=" + p[1];
            HttpResponse<byte[]> r = download(who[1], query);
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(r.headers().firstValue("Content-Disposition").orElse("")
                    .contains(code + "FEC" + p[1].toString().replace("-", "") + ".txt"));
            BigDecimal debit = checkAgainstLedger(r.body(), '\t', ledger);
            assertEquals("true", r.headers().firstValue("X-Balanced").orElse(""));
            assertEquals(debit.setScale(2).toPlainString(), r.headers().firstValue("X-Total-Debit").orElse(""));
            assertEquals(String.valueOf(ledger.size()), r.headers().firstValue("X-Entries").orElse(""));
            // reproducible: the same bytes twice
            assertArrayEquals(r.body(), download(who[1], query).body(), "the same file twice");
            // pipe-separated: the same content
            HttpResponse<byte[]> pipe = download(who[1], query + "&separator=pipe");
            assertEquals(200, pipe.statusCode());
            checkAgainstLedger(pipe.body(), '|', ledger);
            // the summary: the ledger's signed sums per kind, as SQL sums them
            JsonObject s = api.read(who[1], "/accounting/" + code + "/fec/summary?from=" + p[0] + "&to=" + p[1]);
            assertTrue(s.getBoolean("balanced"));
            assertEquals(ledger.size(), s.getInt("entries"));
            assertEquals(s.getString("totalDebit"), s.getString("totalCredit"));
            Map<String, BigDecimal> byKind = new TreeMap<>();
            s.getJsonObject("byKind").forEach((k, v) -> byKind.put(k, new BigDecimal(((JsonString) v).getString())));
            assertEquals(sumsByKind(ledger), byKind, code + ": per kind, file and ledger agree");
        }
    }

    @Test
    @Order(2)
    void theXlsxIsARealWorkbookWithTheSameLinesBalanced() throws Exception {
        DataSource ds = Sql.ds();
        LocalDate[] p = span(ds, "BZH");
        Map<Long, Object[]> ledger = ledger(ds, "BZH", p[0], p[1]);
        HttpResponse<byte[]> r = download(ADMIN_BZH, "BZH/fec?format=xlsx&from=" + p[0] + "&to=" + p[1]);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                assertEquals(COLUMNS.get(c), header.getCell(c).getStringCellValue());
            }
            assertEquals(2 * ledger.size(), sheet.getLastRowNum(), "two rows per movement after the header");
            BigDecimal debit = BigDecimal.ZERO;
            BigDecimal credit = BigDecimal.ZERO;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                Cell d = row.getCell(11);
                Cell c = row.getCell(12);
                assertEquals(CellType.NUMERIC, d.getCellType(), "Debit is a number");
                debit = debit.add(BigDecimal.valueOf(d.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP));
                credit = credit.add(BigDecimal.valueOf(c.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP));
            }
            assertEquals(debit, credit);
            BigDecimal abs = ledger.values().stream().map(x -> ((BigDecimal) x[1]).abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(abs.setScale(2), debit);
        }
        HttpResponse<byte[]> csv = download(ADMIN_BZH, "BZH/fec?format=csv&from=" + p[0] + "&to=" + p[1]);
        assertEquals(200, csv.statusCode());
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("JournalCode;JournalLib;EcritureNum"));
    }

    @Test
    @Order(3)
    void theDefaultChartIsShownUntilTheAdministratorSetsOneAndTheNewAccountsAreUsed() throws Exception {
        DataSource ds = Sql.ds();
        // CVL uses the default chart; BZH the demo's own (participative loans on 2748, its bank 5121 in journal BQCS)
        JsonObject cvl = api.read(ADVISOR_CVL, "/accounting/CVL/chart");
        assertFalse(cvl.getBoolean("custom"), "CVL uses the default chart");
        assertEquals(14, cvl.getJsonArray("lines").size());
        assertEquals(0, Sql.count(ds, "SELECT COUNT(*) FROM account_mapping m JOIN association a ON a.id = m.association_id"
                + " WHERE a.code = 'CVL'"));
        JsonObject chart = api.read(ADVISOR_BZH, "/accounting/BZH/chart");
        assertTrue(chart.getBoolean("custom"), "BZH has the demo's chart");
        assertEquals(12, chart.getJsonArray("lines").size());
        LocalDate[] demo = span(ds, "BZH");
        String before = new String(download(ADVISOR_BZH, "BZH/fec?from=" + demo[0] + "&to=" + demo[1]).body(), StandardCharsets.UTF_8);
        assertTrue(before.contains("BQCS\tBanque Caisse Solidaire\tBQCS000001\t"), before);
        assertTrue(before.contains("\t2748\tPrêts participatifs\t"), "the participative loan on its own account");
        // every kind, participative loans to 2748
        String body = "{\"mappings\":["
                + line("ALLOCATION", null, "801", "Engagements donnés", "809", "Contrepartie", "ENG", "Engagements") + ","
                + line("RELEASE", null, "809", "Contrepartie", "801", "Engagements donnés", "ENG", "Engagements") + ","
                + line("DISBURSEMENT", "ALL", "2748", "Prêts participatifs", "5121", "Crédit Coopératif", "BQ1", "Banque 1") + ","
                + line("REPAYMENT", null, "5121", "Crédit Coopératif", "2748", "Prêts participatifs", "BQ1", "Banque 1") + ","
                + line("WRITE_OFF", null, "654", "Pertes", "2748", "Prêts participatifs", "OD", "Opérations diverses") + ","
                + line("GUARANTEE_CALL", null, "4678", "Appels", "5121", "Crédit Coopératif", "BQ1", "Banque 1") + ","
                + line("RECOVERY", null, "5121", "Crédit Coopératif", "7714", "Rentrées", "BQ1", "Banque 1") + ","
                + line("GUARANTEE_COMMISSION", null, "5121", "Crédit Coopératif", "706", "Commissions", "BQ1", "Banque 1") + ","
                + line("GUARANTEE_RECOVERY", null, "5121", "Crédit Coopératif", "4678", "Appels", "BQ1", "Banque 1") + "]}";
        HttpResponse<String> put = api.call(ADMIN_BZH, "PUT", "/accounting/BZH/chart", body);
        assertEquals(200, put.statusCode(), put.body());
        JsonObject stored = api.read(ADVISOR_BZH, "/accounting/BZH/chart");
        assertTrue(stored.getBoolean("custom"));
        assertEquals(ADMIN_BZH, stored.getString("updatedBy"));
        assertEquals(9, stored.getJsonArray("lines").size());
        assertEquals(9, Sql.count(ds, "SELECT COUNT(*) FROM account_mapping m JOIN association a ON a.id = m.association_id"
                + " WHERE a.code = 'BZH'"));
        assertEquals(1, Sql.count(ds, "SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNTING_CHART_CHANGED'"
                + " AND actor = ? AND summary LIKE '%DISBURSEMENT D2748 C5121 BQ1%'", ADMIN_BZH));
        // CVL keeps the default chart
        assertFalse(api.read(ADMIN, "/accounting/CVL/chart").getBoolean("custom"));

        LocalDate[] p = span(ds, "BZH");
        HttpResponse<byte[]> r = download(ADMIN_BZH, "BZH/fec?from=" + p[0] + "&to=" + p[1]);
        assertEquals(200, r.statusCode());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        checkAgainstLedger(r.body(), '\t', ledger(ds, "BZH", p[0], p[1]));
        assertTrue(text.contains("\t2748\tPrêts participatifs\t"), "the new loan account");
        assertTrue(text.contains("BQ1\tBanque 1\tBQ1000001\t"), "the new bank journal, numbered from 1");
        assertFalse(text.contains("BQCS"), "the demo's bank journal no longer used");
    }

    @Test
    @Order(4)
    void aChartLeavingAKindOutBlocksTheExportNamingTheKind() throws Exception {
        DataSource ds = Sql.ds();
        String body = "{\"mappings\":["
                + line("ALLOCATION", null, "801", "Engagements donnés", "809", "Contrepartie", "ENG", "Engagements") + ","
                + line("DISBURSEMENT", null, "2748", "Prêts participatifs", "5121", "Crédit Coopératif", "BQ1", "Banque 1") + ","
                // every other kind of BZH's demo ledger but REPAYMENT (its guarantees and arrears add these)
                + line("RELEASE", null, "809", "Contrepartie", "801", "Engagements donnés", "ENG", "Engagements") + ","
                + line("WRITE_OFF", null, "654", "Pertes", "2748", "Prêts participatifs", "OD", "Opérations diverses") + ","
                + line("GUARANTEE_CALL", null, "4678", "Appels", "5121", "Crédit Coopératif", "BQ1", "Banque 1") + ","
                + line("RECOVERY", null, "5121", "Crédit Coopératif", "7714", "Rentrées", "BQ1", "Banque 1") + ","
                + line("GUARANTEE_COMMISSION", null, "5121", "Crédit Coopératif", "706", "Commissions", "BQ1", "Banque 1") + ","
                + line("GUARANTEE_RECOVERY", null, "5121", "Crédit Coopératif", "4678", "Appels", "BQ1", "Banque 1") + "]}";
        assertEquals(200, api.call(ADMIN, "PUT", "/accounting/BZH/chart", body).statusCode(), "a national administrator too");
        LocalDate[] p = span(ds, "BZH");
        HttpResponse<String> r = api.call(ADMIN_BZH, "GET", "/accounting/BZH/fec?from=" + p[0] + "&to=" + p[1], null);
        assertEquals(409, r.statusCode(), r.body());
        JsonObject error = Api.json(r);
        assertEquals("ACCOUNTING_RULE", error.getString("error"));
        assertTrue(error.getString("message").contains("REPAYMENT"), error.getString("message"));
        HttpResponse<String> summary = api.call(ADMIN_BZH, "GET", "/accounting/BZH/fec/summary?from=" + p[0] + "&to=" + p[1], null);
        assertEquals(409, summary.statusCode());
        // a period with no repayment (the allocation's and disbursement's days only) still exports
        String firstDay = Sql.string(ds, "SELECT MIN(m.occurred_on) FROM ledger_movement m JOIN convention c ON c.id ="
                + " m.convention_id JOIN association a ON a.id = c.association_id WHERE a.code = 'BZH'").substring(0, 10);
        assertEquals(200, download(ADMIN_BZH, "BZH/fec?from=" + firstDay + "&to=" + firstDay).statusCode());
    }

    @Test
    @Order(5)
    void badInputsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        DataSource ds = Sql.ds();
        TableHashes before = TableHashes.of(ds);
        String good = line("ALLOCATION", null, "801", "Engagements", "809", "Contrepartie", "ENG", "Engagements");
        String[][] puts = {
            {"{\"mappings\":[" + good + "," + line("REPAYMENT", null, "9512", "Banque", "274", "Prêts", "BQ", "Banque") + "]}",
                "mappings[1].debitAccount"},
            {"{\"mappings\":[" + line("REPAYMENT", null, "512", "Banque", "512", "Banque", "BQ", "Banque") + "]}",
                "mappings[0].creditAccount"},
            {"{\"mappings\":[" + line("REPAYMENT", null, "512", "Ban\\tque", "274", "Prêts", "BQ", "Banque") + "]}",
                "mappings[0].debitLabel"},
            {"{\"mappings\":[" + line("REPAYMENT", null, "512", "Banque", "274", "Prêts", "bq", "Banque") + "]}",
                "mappings[0].journalCode"},
            {"{\"mappings\":[" + line("REFUND", null, "512", "Banque", "274", "Prêts", "BQ", "Banque") + "]}",
                "mappings[0].movementKind"},
            {"{\"mappings\":[" + line("REPAYMENT", "LOAN", "512", "Banque", "274", "Prêts", "BQ", "Banque") + "]}",
                "mappings[0].instrument"},
            {"{\"mappings\":[" + good + "," + good + "]}", "mappings[1].movementKind"},
            {"{\"mappings\":[]}", "mappings"},
            {"{}", "mappings"},
        };
        for (String[] c : puts) {
            HttpResponse<String> r = api.call(ADMIN_BZH, "PUT", "/accounting/BZH/chart", c[0]);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertEquals(c[1], Api.json(r).getString("field"), r.body());
            assertFalse(Api.json(r).getString("message").isBlank());
        }
        assertEquals(400, api.call(ADMIN_BZH, "PUT", "/accounting/BZH/chart", "{\"mappings\":[").statusCode(), "malformed JSON");
        String[][] gets = {
            {"BZH/fec?from=2026-02-30&to=2026-12-31", "from"},
            {"BZH/fec?from=2026-12-31&to=2026-01-01", "to"},
            {"BZH/fec?from=2020-01-01&to=2026-12-31", "to"},
            {"BZH/fec?to=2026-12-31", "from"},
            {"BZH/fec?from=2026-01-01", "to"},
            {"BZH/fec?from=2026-01-01&to=2026-12-31&format=pdf", "format"},
            {"BZH/fec?from=2026-01-01&to=2026-12-31&separator=comma", "separator"},
            {"BZH/fec/summary?from=x&to=2026-12-31", "from"},
        };
        for (String[] c : gets) {
            HttpResponse<String> r = api.call(ADMIN_BZH, "GET", "/accounting/" + c[0], null);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertEquals(c[1], Api.json(r).getString("field"), c[0] + " -> " + r.body());
        }
        assertEquals(404, api.call(ADMIN, "GET", "/accounting/ZZZ/chart", null).statusCode());
        assertEquals(404, api.call(ADMIN, "GET", "/accounting/ZZZ/fec?from=2026-01-01&to=2026-12-31", null).statusCode());
        // who may: not another association's staff, not an advisor for a change, not a partner
        assertEquals(403, api.call(ADVISOR_CVL, "GET", "/accounting/BZH/chart", null).statusCode());
        assertEquals(403, api.call(ADVISOR_CVL, "GET", "/accounting/BZH/fec?from=2026-01-01&to=2026-12-31", null).statusCode());
        assertEquals(403, api.call(ADVISOR_BZH, "PUT", "/accounting/BZH/chart", "{\"mappings\":[" + good + "]}").statusCode());
        assertEquals(403, api.call(ADMIN_BZH, "PUT", "/accounting/CVL/chart", "{\"mappings\":[" + good + "]}").statusCode());
        assertEquals(403, api.call(PARTNER, "GET", "/accounting/CVL/chart", null).statusCode());
        assertEquals(401, api.call(null, "GET", "/accounting/CVL/chart", null).statusCode());
        assertEquals(List.of(), before.differences(TableHashes.of(ds), VOLATILE), "nothing stored on refusal");
    }

    private static String line(String kind, String instrument, String debit, String debitLabel, String credit,
                               String creditLabel, String journal, String journalLabel) {
        return "{\"movementKind\":\"" + kind + "\",\"instrument\":" + (instrument == null ? "null" : "\"" + instrument + "\"")
                + ",\"debitAccount\":\"" + debit + "\",\"debitLabel\":\"" + debitLabel + "\",\"creditAccount\":\"" + credit
                + "\",\"creditLabel\":\"" + creditLabel + "\",\"journalCode\":\"" + journal + "\",\"journalLabel\":\""
                + journalLabel + "\"}";
    }
}
