package fr.essor.service.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.enterprise.SearchTerms;
import fr.essor.service.config.SearchIndex;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue's SQL, run by plain JDBC on an H2 database that Flyway migrated (MODE=LEGACY, as the
 * server uses): filters, sorts and counts return the right rows. The in-container test
 * (AdvisorQueueIT) runs the same statements through EclipseLink, also on MariaDB in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueSqlTest {

    private long cvl;
    private long other;
    private long camille;

    /** The database the statements run on: H2 here, MariaDB in {@link QueueSqlMariaDbTest}. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:queue-sql;MODE=LEGACY;DB_CLOSE_DELAY=-1", "sa", "");
    }

    Flyway flyway() {
        return Flyway.configure().dataSource("jdbc:h2:mem:queue-sql;MODE=LEGACY;DB_CLOSE_DELAY=-1", "sa", "")
                .locations("classpath:db/migration").cleanDisabled(false).load();
    }

    @BeforeAll
    void data() throws SQLException {
        Flyway flyway = flyway();
        flyway.clean();
        flyway.migrate();
        try (Connection c = connect()) {
            cvl = insert(c, "INSERT INTO association (code, name, region) VALUES ('CVL', 'Centre', 'Centre')");
            other = insert(c, "INSERT INTO association (code, name, region) VALUES ('IDF', 'IDF', 'IDF')");
            camille = insert(c, "INSERT INTO user_account (email, display_name, password_hash, association_id, created_at)"
                    + " VALUES ('c@x.fr', 'Camille', 'h', " + cvl + ", CURRENT_TIMESTAMP)");
            long fabrique = enterprise(c, "La Fabrique Solidaire", "81234567800013", "45", cvl);
            long velo = enterprise(c, "Coop'Vélo Tours", "88765432100017", "37", cvl);
            long odd = enterprise(c, "100% Bio_Local", "11111111100001", "18", cvl);
            long paris = enterprise(c, "Fabrique de Paris", "22222222200002", "75", other);
            application(c, "CVL-2026-00001", fabrique, "CREATION", "DRAFT", null, null);
            long a2 = application(c, "CVL-2026-00002", fabrique, "CREATION", "SUBMITTED", null, "2026-01-10T09:00:00");
            long a3 = application(c, "CVL-2026-00003", fabrique, "DEVELOPMENT", "IN_REVIEW", camille, "2026-02-10T09:00:00");
            long a4 = application(c, "CVL-2026-00004", velo, "CREATION", "INFO_REQUESTED", camille, "2026-03-10T23:30:00");
            long a5 = application(c, "CVL-2026-00005", odd, "EMERGENCE", "REJECTED", null, "2025-12-01T09:00:00");
            long a6 = application(c, "IDF-2026-00001", paris, "CREATION", "SUBMITTED", null, "2026-01-05T09:00:00");
            line(c, a2, 0, "HONOUR_LOAN", "8000.00");
            line(c, a2, 1, "GUARANTEE", "20000.00");
            line(c, a3, 0, "GUARANTEE", "10000.00");
            line(c, a3, 1, "GUARANTEE", "5000.00");
            line(c, a4, 0, "GRANT", "3000.00");
            line(c, a6, 0, "GUARANTEE", "1.00");
            SearchIndex.indexMissing(c);
            assertTrue(a5 > 0);
        }
    }

    @Test
    void draftsAndOtherAssociationsStayOut() throws SQLException {
        assertEquals(List.of("CVL-2026-00005", "CVL-2026-00002", "CVL-2026-00003", "CVL-2026-00004"), refs(cvl, QueueFilter.any(),
                QueueSort.DEFAULT));
        assertEquals(5, refs(null, QueueFilter.any(), QueueSort.DEFAULT).size(), "the network: both associations");
    }

    @Test
    void theRequestedTotalIsTheSumOfTheLinesAndOneRowPerApplication() throws SQLException {
        List<Object[]> rows = rows(cvl, QueueFilter.any().withInstrument(Instrument.GUARANTEE), QueueSort.DEFAULT);
        assertEquals(2, rows.size(), "a3 has two guarantee lines yet is one row");
        assertEquals("28000.00", rows.get(0)[8].toString());
        assertEquals("15000.00", rows.get(1)[8].toString());
        assertEquals(2, count(cvl, QueueFilter.any().withInstrument(Instrument.GUARANTEE)));
    }

    @Test
    void eachCriterionFilters() throws SQLException {
        QueueSort byRef = new QueueSort(QueueSort.Column.REFERENCE, true);
        assertEquals(List.of("CVL-2026-00002", "CVL-2026-00003", "CVL-2026-00004"), refs(cvl, QueueFilter.needingWork(), byRef));
        assertEquals(List.of("CVL-2026-00002", "CVL-2026-00004"), refs(cvl, QueueFilter.any().withStage(Stage.CREATION), byRef));
        assertEquals(List.of("CVL-2026-00004"), refs(cvl, QueueFilter.any().inDepartment("37"), byRef));
        assertEquals(List.of("CVL-2026-00003", "CVL-2026-00004"), refs(cvl, QueueFilter.any().assignedTo(camille), byRef));
        assertEquals(List.of("CVL-2026-00002", "CVL-2026-00005"), refs(cvl, QueueFilter.any().onlyUnassigned(), byRef));
        // 2026-03-10T23:30Z is already the 11th in Paris
        assertEquals(List.of("CVL-2026-00003"), refs(cvl, QueueFilter.any()
                .submittedBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 10)), byRef));
        assertEquals(List.of("CVL-2026-00004"), refs(cvl, QueueFilter.any().submittedBetween(LocalDate.of(2026, 3, 11), null), byRef));
    }

    @Test
    void textMatchesTheBeginningOfAWordOfTheNameOfTheSiretOrOfTheReferenceIgnoringCaseAndAccents() throws SQLException {
        QueueSort byRef = new QueueSort(QueueSort.Column.REFERENCE, true);
        assertEquals(List.of("CVL-2026-00002", "CVL-2026-00003"), refs(cvl, QueueFilter.any().withText("fabrique"), byRef));
        assertEquals(List.of("CVL-2026-00002", "CVL-2026-00003"), refs(cvl, QueueFilter.any().withText("FABR soli"), byRef));
        assertEquals(List.of("CVL-2026-00004"), refs(cvl, QueueFilter.any().withText("887 654"), byRef));
        assertEquals(List.of("CVL-2026-00003"), refs(cvl, QueueFilter.any().withText("cvl-2026-00003"), byRef));
        assertEquals(List.of("CVL-2026-00002", "CVL-2026-00003", "CVL-2026-00004", "CVL-2026-00005"),
                refs(cvl, QueueFilter.any().withText("CVL-2026"), byRef), "a reference's beginning");
        assertEquals(List.of("CVL-2026-00004"), refs(cvl, QueueFilter.any().withText("VÉLO"), byRef));
        assertEquals(List.of("CVL-2026-00004"), refs(cvl, QueueFilter.any().withText("coop'velo"), byRef));
    }

    @Test
    void everyWordMustMatchAndTheMiddleOfAWordDoesNot() throws SQLException {
        assertEquals(0, count(cvl, QueueFilter.any().withText("fabrique tours")), "no enterprise has both words");
        assertEquals(0, count(cvl, QueueFilter.any().withText("abrique")), "the middle of a word");
        assertEquals(0, count(cvl, QueueFilter.any().withText("654")), "the middle of a SIRET");
    }

    @Test
    void wildcardsInTheTextAreLiteralAndPunctuationAloneFindsNothing() throws SQLException {
        assertEquals(List.of("CVL-2026-00005"), refs(cvl, QueueFilter.any().withText("100%"), QueueSort.DEFAULT));
        assertEquals(List.of("CVL-2026-00005"), refs(cvl, QueueFilter.any().withText("bio_local"), QueueSort.DEFAULT));
        assertEquals(0, count(cvl, QueueFilter.any().withText("fab%ique")), "% is no wildcard: no word begins with ique");
        assertEquals(0, count(cvl, QueueFilter.any().withText("%")));
        assertEquals(0, count(cvl, QueueFilter.any().withText("_")));
        assertEquals(0, count(cvl, QueueFilter.any().withText("!")));
    }

    @Test
    void aRenamedEnterpriseIsFoundByItsNewNameOnly() throws SQLException {
        try (Connection c = connect()) {
            long id = enterprise(c, "Ancien Nom", "33333333300003", "45", cvl);
            application(c, "CVL-2026-00009", id, "CREATION", "SUBMITTED", null, "2026-04-01T09:00:00");
            SearchIndex.indexMissing(c);
            assertEquals(1, count(cvl, QueueFilter.any().withText("ancien")));
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM enterprise_search_term WHERE enterprise_id = " + id);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enterprise_search_term (term, enterprise_id) VALUES (?, ?)")) {
                for (String term : SearchTerms.of("Nouveau Nom", "33333333300003")) {
                    ps.setString(1, term);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            assertEquals(0, count(cvl, QueueFilter.any().withText("ancien")));
            assertEquals(1, count(cvl, QueueFilter.any().withText("nouv")));
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM application WHERE reference = 'CVL-2026-00009'");
                st.executeUpdate("DELETE FROM enterprise WHERE id = " + id);
            }
        }
    }

    @Test
    void sortsByEveryColumnBothWaysWithTheIdAsTiebreak() throws SQLException {
        for (QueueSort.Column column : QueueSort.Column.values()) {
            List<String> up = refs(cvl, QueueFilter.any(), new QueueSort(column, true));
            List<String> down = refs(cvl, QueueFilter.any(), new QueueSort(column, false));
            assertEquals(4, up.size(), column.name());
            List<String> reversed = new ArrayList<>(up);
            Collections.reverse(reversed);
            assertEquals(reversed, down, column.name());
        }
        assertEquals(List.of("CVL-2026-00002", "CVL-2026-00003", "CVL-2026-00004", "CVL-2026-00005"),
                refs(cvl, QueueFilter.any(), new QueueSort(QueueSort.Column.STATUS, true)), "the order of a file's life");
        assertEquals(List.of("CVL-2026-00005", "CVL-2026-00004", "CVL-2026-00002", "CVL-2026-00003"),
                refs(cvl, QueueFilter.any(), new QueueSort(QueueSort.Column.ENTERPRISE, true)));
    }

    @Test
    void countsPerStatusIgnoreTheStatusCriterionOnly() throws SQLException {
        QueueFilter f = QueueFilter.any().withStatuses(EnumSet.of(ApplicationStatus.SUBMITTED)).withStage(Stage.CREATION);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect();
                ResultSet rs = run(c, new QueueSql(cvl, f, false).countsByStatus())) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertEquals(Map.of("SUBMITTED", 1L, "INFO_REQUESTED", 1L), counts);
    }

    @Test
    void pagesAreCutInSql() throws SQLException {
        QueueSql sql = new QueueSql(cvl, QueueFilter.any(), true);
        assertTrue(sql.rows(QueueSort.DEFAULT, 2, 2).sql().contains(" LIMIT 2 OFFSET 2) p ON p.page_id = a.id"));
        try (Connection c = connect();
                ResultSet rs = run(c, sql.rows(new QueueSort(QueueSort.Column.REFERENCE, true), 2, 2))) {
            List<String> refs = new ArrayList<>();
            while (rs.next()) {
                refs.add(rs.getString(2));
            }
            assertEquals(List.of("CVL-2026-00004", "CVL-2026-00005"), refs);
        }
    }

    @Test
    void escapeLikeEscapesTheWildcardsAndItsOwnCharacter() {
        assertEquals("a!%b!_c!!d", QueueSql.escapeLike("a%b_c!d"));
        assertEquals(LocalDateTime.of(2026, 1, 31, 23, 0), QueueSql.startOf(LocalDate.of(2026, 2, 1)));
        assertEquals(LocalDateTime.of(2026, 6, 30, 22, 0), QueueSql.startOf(LocalDate.of(2026, 7, 1)));
    }

    // ---- helpers ----

    private List<String> refs(Long association, QueueFilter filter, QueueSort sort) throws SQLException {
        return rows(association, filter, sort).stream().map(r -> (String) r[1]).toList();
    }

    private List<Object[]> rows(Long association, QueueFilter filter, QueueSort sort) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = connect();
                ResultSet rs = run(c, new QueueSql(association, filter, true).rows(sort, 0, 100))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rs.getObject(i + 1);
                }
                rows.add(r);
            }
        }
        return rows;
    }

    private long count(Long association, QueueFilter filter) throws SQLException {
        try (Connection c = connect();
                ResultSet rs = run(c, new QueueSql(association, filter, true).count())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Binds ?1, ?2... as EclipseLink does for a native query. */
    private static ResultSet run(Connection c, QueueSql.Statement statement) throws SQLException {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(statement.sql());
        List<Object> ordered = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            ordered.add(statement.parameters().get(Integer.parseInt(m.group(1)) - 1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < ordered.size(); i++) {
            ps.setObject(i + 1, ordered.get(i));
        }
        return ps.executeQuery();
    }

    private static long insert(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static long enterprise(Connection c, String name, String siret, String department, long association)
            throws SQLException {
        return insert(c, "INSERT INTO enterprise (legal_name, siret, legal_form, department, association_id) VALUES ('"
                + name.replace("'", "''") + "', '" + siret + "', 'SCOP', '" + department + "', " + association + ")");
    }

    private static long application(Connection c, String reference, long enterprise, String stage, String status, Long advisor,
                                    String submittedAt) throws SQLException {
        return insert(c, "INSERT INTO application (reference, enterprise_id, title, stage, status, assigned_advisor_id,"
                + " created_at, submitted_at) VALUES ('" + reference + "', " + enterprise + ", 'Projet', '" + stage + "', '"
                + status + "', " + advisor + ", CURRENT_TIMESTAMP, "
                + (submittedAt == null ? "NULL" : "'" + submittedAt.replace('T', ' ') + "'") + ")");
    }

    private static void line(Connection c, long application, int no, String instrument, String amount) throws SQLException {
        exec(c, "INSERT INTO application_line (application_id, line_no, instrument, amount) VALUES (" + application + ", "
                + no + ", '" + instrument + "', " + amount + ")");
    }
}
