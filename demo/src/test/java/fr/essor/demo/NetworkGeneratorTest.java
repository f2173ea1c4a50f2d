package fr.essor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.ApplicationReference;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.shared.Siret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A small network (2 associations, 2 years) obeys the money and status invariants, and the same seed gives the same data. */
class NetworkGeneratorTest {

    private static final NetworkGenerator.Scale SMALL = new NetworkGenerator.Scale(2, 2025, 2, 120, 7L, LocalDate.of(2026, 11, 15));
    private static Connection c;
    private static Map<String, Long> rows;

    @BeforeAll
    static void generate() throws SQLException {
        c = database("network1");
        rows = NetworkGenerator.generate(c, SMALL);
    }

    private static Connection database(String name) throws SQLException {
        String url = "jdbc:h2:mem:" + name + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        return DriverManager.getConnection(url, "sa", "");
    }

    @Test
    void everyKindOfRowIsWrittenAndCounted() throws SQLException {
        for (String table : List.of("application", "decision", "granted_line", "allocation", "ledger_movement", "instalment",
                "support_record", "agenda_item")) {
            assertTrue(rows.get(table) > 0, table);
            assertEquals(rows.get(table).longValue(), count("SELECT COUNT(*) FROM " + table), table);
        }
        assertTrue(count("SELECT COUNT(*) FROM ledger_movement WHERE kind = 'REPAYMENT'") > 0, "some honour loans are repaid");
    }

    @Test
    void noConventionIsAllocatedBeyondItsAmount() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM convention c WHERE c.amount < (SELECT COALESCE(SUM(CASE m.kind"
                + " WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0) FROM ledger_movement m"
                + " WHERE m.convention_id = c.id)"));
        assertTrue(count("SELECT COUNT(*) FROM convention c WHERE EXISTS (SELECT 1 FROM allocation al WHERE al.convention_id = c.id)") >= 4);
    }

    @Test
    void noLineIsAllocatedBeyondItsGrantedAmountAndOnlyApprovedLinesAreAllocated() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM granted_line g WHERE g.amount < (SELECT COALESCE(SUM(al.amount - al.released), 0)"
                + " FROM allocation al WHERE al.granted_line_id = g.id AND al.status <> 'RELEASED')"));
        assertEquals(0, count("SELECT COUNT(*) FROM granted_line g JOIN decision d ON d.id = g.decision_id WHERE d.outcome <> 'APPROVED'"));
        assertEquals(0, count("SELECT COUNT(*) FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id"
                + " JOIN convention c ON c.id = al.convention_id LEFT JOIN convention_instrument ci ON ci.convention_id = c.id"
                + " AND ci.instrument = g.instrument WHERE ci.instrument IS NULL"), "every allocation is on an eligible instrument");
    }

    @Test
    void everyAllocationEqualsTheSumOfItsLedgerAndItsScheduleTheMoneyDisbursed() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM allocation al WHERE"
                + " al.amount <> (SELECT COALESCE(SUM(m.amount), 0) FROM ledger_movement m WHERE m.allocation_id = al.id AND m.kind = 'ALLOCATION')"
                + " OR al.released <> (SELECT COALESCE(SUM(m.amount), 0) FROM ledger_movement m WHERE m.allocation_id = al.id AND m.kind = 'RELEASE')"
                + " OR al.disbursed <> (SELECT COALESCE(SUM(m.amount), 0) FROM ledger_movement m WHERE m.allocation_id = al.id AND m.kind = 'DISBURSEMENT')"
                + " OR al.called <> (SELECT COALESCE(SUM(m.amount), 0) FROM ledger_movement m WHERE m.allocation_id = al.id AND m.kind = 'GUARANTEE_CALL')"
                + " OR al.disbursed + al.released > al.amount"));
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_movement m JOIN allocation al ON al.id = m.allocation_id"
                + " WHERE m.convention_id <> al.convention_id"));
        assertEquals(0, count("SELECT COUNT(*) FROM allocation al WHERE EXISTS (SELECT 1 FROM instalment i WHERE i.allocation_id = al.id)"
                + " AND al.disbursed <> (SELECT SUM(i.amount) FROM instalment i WHERE i.allocation_id = al.id)"));
        assertEquals(0, count("SELECT COUNT(*) FROM allocation al WHERE"
                + " (SELECT COALESCE(SUM(i.amount), 0) FROM instalment i WHERE i.allocation_id = al.id AND i.status = 'PAID')"
                + " <> (SELECT COALESCE(SUM(m.amount), 0) FROM ledger_movement m WHERE m.allocation_id = al.id AND m.kind = 'REPAYMENT')"));
    }

    @Test
    void statusesFollowTheStateMachineAndAgreeWithTheDecisions() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM application ap JOIN decision d ON d.application_id = ap.id WHERE"
                + " (d.outcome = 'APPROVED' AND ap.status NOT IN ('APPROVED', 'CONTRACTED'))"
                + " OR (d.outcome = 'REJECTED' AND ap.status <> 'REJECTED')"));
        assertEquals(0, count("SELECT COUNT(*) FROM application ap WHERE ap.status IN ('APPROVED', 'CONTRACTED', 'REJECTED')"
                + " AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.application_id = ap.id)"));
        // each history starts with DRAFT, follows allowed transitions in time order and ends at the status
        List<String[]> steps = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT h.application_id, h.from_status, h.to_status,"
                + " ap.status FROM application_status_change h JOIN application ap ON ap.id = h.application_id"
                + " ORDER BY h.application_id, h.occurred_at, h.id")) {
            while (rs.next()) {
                steps.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        String app = null;
        String last = null;
        String status = null;
        for (String[] step : steps) {
            if (!step[0].equals(app)) {
                assertTrue(app == null || last.equals(status), app + " ends at " + last + ", not " + status);
                assertEquals(null, step[1], step[0]);
                assertEquals("DRAFT", step[2]);
            } else {
                assertEquals(last, step[1], step[0]);
                assertTrue(ApplicationStatus.valueOf(last).canMoveTo(ApplicationStatus.valueOf(step[2])), last + " -> " + step[2]);
            }
            app = step[0];
            last = step[2];
            status = step[3];
        }
        assertEquals(status, last);
        assertEquals(count("SELECT COUNT(*) FROM application"),
                count("SELECT COUNT(DISTINCT application_id) FROM application_status_change"));
    }

    @Test
    void everyConventionKeepsTheRunningTotalsOfItsLedger() throws SQLException {
        assertTrue(count("SELECT COUNT(*) FROM convention WHERE allocated > 0") > 0, "some conventions are allocated");
        assertEquals(0, count("SELECT COUNT(*) FROM convention c WHERE c.allocated <> (SELECT COALESCE(SUM(CASE m.kind"
                + " WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0) FROM ledger_movement m"
                + " WHERE m.convention_id = c.id) OR c.repaid <> (SELECT COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT'"
                + " THEN m.amount ELSE 0 END), 0) FROM ledger_movement m WHERE m.convention_id = c.id)"));
    }

    @Test
    void theBenchmarkFindsApprovedUnallocatedHonourLoansAndItsEmptyConventions() throws SQLException {
        assertTrue(count("SELECT COUNT(*) FROM granted_line g JOIN decision d ON d.id = g.decision_id JOIN application ap"
                + " ON ap.id = d.application_id WHERE ap.status = 'APPROVED' AND g.instrument = 'HONOUR_LOAN'"
                + " AND NOT EXISTS (SELECT 1 FROM allocation al WHERE al.granted_line_id = g.id)") > 0);
        assertEquals(0, count("SELECT COUNT(*) FROM allocation al JOIN convention c ON c.id = al.convention_id WHERE c.reference LIKE 'BENCH-%'"));
        assertEquals(1, count("SELECT COUNT(*) FROM user_account WHERE email = 'advisor1.nab@bench.essor'"));
    }

    @Test
    void codesAndReferencesFollowTheModelsFormats() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.reference, s.code FROM application a"
                + " JOIN enterprise e ON e.id = a.enterprise_id JOIN association s ON s.id = e.association_id")) {
            int n = 0;
            while (rs.next()) {
                assertEquals(rs.getString(2), ApplicationReference.parse(rs.getString(1)).associationCode());
                n++;
            }
            assertTrue(n > 0);
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT siret FROM enterprise")) {
            while (rs.next()) {
                assertTrue(Siret.isValid(rs.getString(1)), rs.getString(1));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameNetwork() throws SQLException {
        String sql = "SELECT COUNT(*), SUM(amount), SUM(allocation_id), SUM(convention_id) FROM ledger_movement";
        String first = fingerprint(c, sql) + fingerprint(c, "SELECT COUNT(*), SUM(LENGTH(legal_name)), SUM(id) FROM enterprise");
        try (Connection other = database("network2")) {
            NetworkGenerator.generate(other, SMALL);
            assertEquals(first, fingerprint(other, sql)
                    + fingerprint(other, "SELECT COUNT(*), SUM(LENGTH(legal_name)), SUM(id) FROM enterprise"));
        }
    }

    private static String fingerprint(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append(rs.getString(i)).append('|');
            }
            return sb.toString();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
