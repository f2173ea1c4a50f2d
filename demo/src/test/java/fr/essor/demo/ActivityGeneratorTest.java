package fr.essor.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.Instrument;
import fr.essor.model.shared.Siret;
import fr.essor.service.indicator.IndicatorQueries;
import fr.essor.service.indicator.Indicators;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The generated 2021 of Centre-Val de Loire comes out at the press release's figures, and obeys the model. */
class ActivityGeneratorTest {

    private static final String URL = "jdbc:h2:mem:generator;MODE=LEGACY;DB_CLOSE_DELAY=-1";

    @Test
    void theLinesReachTheMobilisedTotalToTheCentWithinTheInstrumentsLimits() {
        List<List<FinancingLine>> lines = ActivityGenerator.lines(new Random(2021), 450, 6_250_000_00L);
        BigDecimal mobilised = BigDecimal.ZERO;
        for (List<FinancingLine> file : lines) {
            assertTrue(!file.isEmpty());
            for (FinancingLine l : file) {
                assertTrue(FinancingLine.problems(l.getInstrument(), l.getAmount(), l.getDurationMonths(), l.getBankName(),
                        l.getBankLoanAmount(), l.getGuaranteedShare()).isEmpty(), l.toString());
                mobilised = mobilised.add(l.getInstrument() == Instrument.GUARANTEE ? l.getBankLoanAmount().amount()
                        : l.getAmount().amount());
            }
        }
        assertEquals(new BigDecimal("6250000.00"), mobilised);
        assertEquals(lines.toString(), ActivityGenerator.lines(new Random(2021), 450, 6_250_000_00L).toString(),
                "the same seed gives the same lines");
    }

    @Test
    void theGenerated2021GivesAdvised605Financed450AndMobilised6250000() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            c.setAutoCommit(false);
            long association = insert(c, "INSERT INTO association (code, name, region) VALUES ('CVL', 'France Active CVL', 'CVL')");
            long advisor = account(c, "conseil@demo.essor", association);
            long[] members = {account(c, "m1@demo.essor", association), account(c, "m2@demo.essor", association),
                account(c, "m3@demo.essor", association)};
            long committee = insert(c, "INSERT INTO committee (association_id, name, quorum) VALUES (" + association
                    + ", 'Comité', 3)");
            long start = System.nanoTime();
            ActivityGenerator.Result r = ActivityGenerator.generate(c, new ActivityGenerator.Plan(association, "CVL",
                    new String[] {"18", "28", "36", "37", "41", "45"}, 2021, 605, 450, 6_250_000_00L, committee, advisor, members,
                    2021L));
            System.out.printf("generated %s in %d ms%n", r, (System.nanoTime() - start) / 1_000_000);

            Indicators i = IndicatorQueries.compute(c, association, "CVL", 2021);
            assertEquals(605, i.advised());
            assertEquals(450, i.financed());
            assertEquals(new BigDecimal("6250000.00"), i.mobilised());
            assertEquals(0, IndicatorQueries.compute(c, association, "CVL", 2020).financed(), "nothing outside the year");
            assertEquals(605, IndicatorQueries.compute(c, null, null, 2021).advised(), "the network is the sum of one association");

            Set<String> sirets = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT siret FROM enterprise")) {
                while (rs.next()) {
                    assertTrue(Siret.isValid(rs.getString(1)), rs.getString(1));
                    assertTrue(sirets.add(rs.getString(1)), "unique " + rs.getString(1));
                }
            }
            assertEquals(605, sirets.size());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM decision d"
                    + " JOIN agenda_item i ON i.id = d.agenda_item_id JOIN committee_session cs ON cs.id = i.session_id"
                    + " WHERE cs.status = 'CLOSED' AND YEAR(cs.starts_at) = 2021 AND d.decision_date = CAST(cs.starts_at AS DATE)")) {
                rs.next();
                assertEquals(r.applications(), rs.getInt(1), "every decision was taken at a closed 2021 session, on its day");
            }
        }
    }

    private static long account(Connection c, String email, long association) throws Exception {
        long id = insert(c, "INSERT INTO user_account (email, display_name, password_hash, association_id, created_at)"
                + " VALUES ('" + email + "', '" + email + "', 'h', " + association + ", CURRENT_TIMESTAMP)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, 'COMMITTEE_MEMBER')")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        return id;
    }

    private static long insert(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
