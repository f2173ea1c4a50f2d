package fr.essor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.ApplicationReference;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Instrument;
import fr.essor.model.arrears.ArrearsBucket;
import fr.essor.model.convention.GraceInterest;
import fr.essor.model.convention.LoanProduct;
import fr.essor.model.convention.LoanSchedule;
import fr.essor.model.convention.LoanTerms;
import fr.essor.model.convention.RepaymentFrequency;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.Siret;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                + " AND al.disbursed <> (SELECT SUM(i.capital) FROM instalment i WHERE i.allocation_id = al.id)"),
                "the capital of every schedule sums to what was disbursed");
        assertEquals(0, count("SELECT COUNT(*) FROM instalment i WHERE i.amount <> i.capital + i.interest"
                + " OR (i.status = 'PAID' AND (i.paid_capital <> i.capital OR i.paid_interest <> i.interest))"
                + " OR (i.status <> 'PAID' AND (i.paid_capital <> 0 OR i.paid_interest <> 0))"));
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
        String loans = "SELECT COUNT(*), SUM(amount), SUM(interest), SUM(allocation_id), SUM(CASE WHEN status = 'LATE' THEN number END)"
                + " FROM instalment";
        String guarantees = "SELECT COUNT(*), SUM(guaranteed), SUM(commission), SUM(allocation_id) FROM guaranteed_loan";
        String first = fingerprint(c, sql) + fingerprint(c, loans) + fingerprint(c, guarantees) + fingerprint(c, "SELECT COUNT(*), SUM(LENGTH(legal_name)), SUM(id) FROM enterprise");
        try (Connection other = database("network2")) {
            NetworkGenerator.generate(other, SMALL);
            assertEquals(first, fingerprint(other, sql) + fingerprint(other, loans) + fingerprint(other, guarantees)
                    + fingerprint(other, "SELECT COUNT(*), SUM(LENGTH(legal_name)), SUM(id) FROM enterprise"));
        }
    }

    @Test
    void someLoansAreParticipativeWithARateAGraceAndTheSchedulesTheModelComputes() throws SQLException {
        List<Object[]> loans = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT al.id, al.disbursed, al.annual_rate,"
                + " al.term_months, al.grace_months, g.instrument, g.duration_months, p.code FROM allocation al"
                + " JOIN granted_line g ON g.id = al.granted_line_id JOIN loan_product p ON p.id = al.loan_product_id")) {
            while (rs.next()) {
                loans.add(new Object[] {rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getInt(7), rs.getString(8)});
            }
        }
        assertTrue(loans.size() >= 3, "participative loans: " + loans.size());
        assertTrue(loans.stream().anyMatch(l -> (Integer) l[4] > 0), "some with a grace");
        LoanProduct product = new LoanProduct("PARTICIPATIVE", "Prêt participatif", Instrument.QUASI_EQUITY, BigDecimal.ONE,
                new BigDecimal("4"), 12, 120, 24, RepaymentFrequency.MONTHLY, GraceInterest.PAID);
        for (Object[] l : loans) {
            assertEquals("PARTICIPATIVE", l[7]);
            assertEquals("QUASI_EQUITY", l[5]);
            assertEquals(l[6], l[3], "the term is the granted duration");
            LoanTerms terms = product.offer((BigDecimal) l[2], (Integer) l[3], (Integer) l[4]);
            List<String> stored = new ArrayList<>();
            LocalDate first = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT number, due_date, capital, interest, amount"
                    + " FROM instalment WHERE allocation_id = " + l[0] + " ORDER BY number")) {
                while (rs.next()) {
                    LocalDate due = rs.getDate(2).toLocalDate();
                    first = first == null ? due : first;
                    stored.add(rs.getInt(1) + " " + due + " " + rs.getBigDecimal(3) + " " + rs.getBigDecimal(4) + " " + rs.getBigDecimal(5));
                }
            }
            List<String> computed = new ArrayList<>();
            for (LoanSchedule.Line line : LoanSchedule.compute(Money.of((BigDecimal) l[1]), terms, first).lines()) {
                computed.add(line.number() + " " + line.dueDate() + " " + line.capital().amount() + " " + line.interest().amount()
                        + " " + line.total().amount());
            }
            assertEquals(computed, stored, "allocation " + l[0]);
        }
        assertTrue(count("SELECT COUNT(*) FROM instalment WHERE interest > 0 AND capital = 0") > 0, "grace instalments of interest only");
    }

    @Test
    void loansAreLateInEveryArrearsBucket() throws SQLException {
        LocalDate today = SMALL.today();
        Set<ArrearsBucket> buckets = EnumSet.noneOf(ArrearsBucket.class);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT allocation_id, MIN(due_date) FROM instalment"
                + " WHERE status IN ('DUE', 'LATE') AND due_date < DATE '" + today + "' GROUP BY allocation_id")) {
            while (rs.next()) {
                buckets.add(ArrearsBucket.on(rs.getDate(2).toLocalDate(), today));
            }
        }
        assertEquals(EnumSet.of(ArrearsBucket.DAYS_1_30, ArrearsBucket.DAYS_31_90, ArrearsBucket.DAYS_91_180,
                ArrearsBucket.OVER_180), buckets);
        // past due and unpaid is LATE, not yet due is DUE, and a late loan owes every later instalment due before today
        assertEquals(0, count("SELECT COUNT(*) FROM instalment WHERE (status = 'LATE' AND due_date >= DATE '" + today + "')"
                + " OR (status = 'DUE' AND due_date < DATE '" + today + "')"));
        assertEquals(0, count("SELECT COUNT(*) FROM instalment i WHERE i.status = 'PAID' AND EXISTS (SELECT 1 FROM instalment j"
                + " WHERE j.allocation_id = i.allocation_id AND j.status = 'LATE' AND j.number < i.number)"));
    }

    @Test
    void someGuaranteesHaveTheirBankLoanItsAmortisationAndItsCommission() throws SQLException {
        assertTrue(count("SELECT COUNT(*) FROM guaranteed_loan") >= 2, "a few guarantees with a bank loan");
        // the line's bank loan and quota, guaranteed within the allocation, the amortisation summing to the loan
        assertEquals(0, count("SELECT COUNT(*) FROM guaranteed_loan gl JOIN allocation al ON al.id = gl.allocation_id"
                + " JOIN granted_line g ON g.id = al.granted_line_id WHERE g.instrument <> 'GUARANTEE'"
                + " OR gl.amount <> g.bank_loan_amount OR gl.quota <> g.guaranteed_share OR gl.duration_months > g.duration_months"
                + " OR gl.guaranteed <> ROUND(gl.quota * gl.amount * 0.01, 2) OR gl.guaranteed > al.amount - al.called"
                + " OR gl.amount <> (SELECT SUM(l.capital) FROM guaranteed_loan_line l WHERE l.loan_id = gl.id)"
                + " OR gl.duration_months <> (SELECT COUNT(*) FROM guaranteed_loan_line l WHERE l.loan_id = gl.id)"
                + " OR gl.end_date <> (SELECT MAX(l.due_date) FROM guaranteed_loan_line l WHERE l.loan_id = gl.id)"
                + " OR gl.status <> 'RUNNING' OR gl.end_date <= gl.start_date"));
        // the commission: a rate of the guaranteed amount, one movement on the start date
        assertEquals(0, count("SELECT COUNT(*) FROM guaranteed_loan gl WHERE gl.commission <> ROUND(gl.guaranteed * gl.commission_rate"
                + " * 0.01, 2) OR gl.commission <> (SELECT COALESCE(SUM(m.amount), 0) FROM ledger_movement m"
                + " WHERE m.allocation_id = gl.allocation_id AND m.kind = 'GUARANTEE_COMMISSION' AND m.occurred_on = gl.start_date)"));
        assertEquals(count("SELECT COUNT(*) FROM guaranteed_loan WHERE commission > 0"),
                count("SELECT COUNT(*) FROM ledger_movement WHERE kind = 'GUARANTEE_COMMISSION'"));
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
