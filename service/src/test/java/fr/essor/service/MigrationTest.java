package fr.essor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationDocument;
import fr.essor.model.application.ApplicationMessage;
import fr.essor.model.committee.Decision;
import fr.essor.model.application.DocumentContent;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.application.Review;
import fr.essor.model.application.SavedFilter;
import fr.essor.model.application.StatusChange;
import fr.essor.model.association.Association;
import fr.essor.model.audit.AuditEvent;
import fr.essor.model.committee.AgendaItem;
import fr.essor.model.committee.Committee;
import fr.essor.model.committee.CommitteeMember;
import fr.essor.model.committee.CommitteeSession;
import fr.essor.model.committee.ConflictOfInterest;
import fr.essor.model.committee.SessionMinutes;
import fr.essor.model.committee.Vote;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.Convention;
import fr.essor.model.convention.Instalment;
import fr.essor.model.convention.LedgerMovement;
import fr.essor.model.enterprise.CoOwnerInvitation;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.mail.OutboxMessage;
import fr.essor.model.partner.Partner;
import fr.essor.model.support.SupportRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.lang.reflect.ParameterizedType;

/**
 * Runs the Flyway migrations on an empty H2 database (as the embedded demo does) and, when
 * ESSOR_TEST_MARIADB_URL is set, on MariaDB/MySQL; then checks that every table and every column
 * the JPA mappings name exists.
 */
class MigrationTest {

    private static final String H2_URL = "jdbc:h2:mem:migr;MODE=LEGACY;DB_CLOSE_DELAY=-1";

    /** The entities of persistence.xml; their mappings must name only tables and columns that exist. */
    private static final List<Class<?>> ENTITIES = List.of(Association.class, Partner.class, UserAccount.class,
            Enterprise.class, Application.class, StatusChange.class, AuditEvent.class, OutboxMessage.class,
            ApplicationDocument.class, DocumentContent.class,
            ApplicationMessage.class, Decision.class,
            Review.class, Committee.class,
            CommitteeMember.class, CommitteeSession.class,
            AgendaItem.class, ConflictOfInterest.class,
            Vote.class, SessionMinutes.class,
            SupportRecord.class,
            CoOwnerInvitation.class,
            SavedFilter.class, GrantedLine.class,
            Convention.class, Allocation.class,
            LedgerMovement.class, Instalment.class);

    /** Tables no entity maps directly. */
    private static final Map<String, List<String>> OTHER_TABLES =
            Map.of("reference_counter", List.of("association_code", "ref_year", "next_value"),
                    "audit_chain_head", List.of("id", "last_hash", "last_seq"),
                    "association_department", List.of("association_id", "department"));

    @Test
    void migratesAnEmptyH2DatabaseAndEveryMappedColumnExists() throws SQLException {
        migrateAndCheck(H2_URL, "sa", "");
    }

    @Test
    void migratingTwiceOnH2ChangesNothing() {
        Flyway flyway = flyway(H2_URL, "sa", "");
        flyway.clean();
        flyway.migrate();
        assertEquals(0, flyway.migrate().migrationsExecuted);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ESSOR_TEST_MARIADB_URL", matches = ".+")
    void migratesAnEmptyMariaDbDatabaseAndEveryMappedColumnExists() throws SQLException {
        migrateAndCheck(System.getenv("ESSOR_TEST_MARIADB_URL"), System.getenv("ESSOR_TEST_MARIADB_USER"),
                System.getenv("ESSOR_TEST_MARIADB_PASSWORD"));
    }

    private static Flyway flyway(String url, String user, String password) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        Flyway flyway = flyway(url, user, password);
        flyway.clean();
        MigrateResult result = flyway.migrate();
        assertTrue(result.success);
        assertTrue(result.migrationsExecuted >= 1, "at least V1 ran");

        Map<String, Set<String>> expected = expectedColumns();
        List<String> problems = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, Set<String>> table : expected.entrySet()) {
                String sql = "SELECT " + String.join(", ", table.getValue()) + " FROM " + table.getKey()
                        + " WHERE 1 = 0";
                try {
                    statement.executeQuery(sql).close();
                } catch (SQLException e) {
                    problems.add(sql + " -> " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("Schema and mappings disagree:\n" + String.join("\n", problems));
        }
    }

    /** Table name -> column names, read from the mapping annotations (all names are explicit). */
    private static Map<String, Set<String>> expectedColumns() {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        for (Class<?> entity : ENTITIES) {
            Table table = entity.getAnnotation(Table.class);
            assertTrue(table != null && !table.name().isEmpty(), entity + " names its table");
            Set<String> columns = tables.computeIfAbsent(table.name(), t -> new LinkedHashSet<>());
            for (Field field : mappedFields(entity)) {
                Column column = field.getAnnotation(Column.class);
                JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
                CollectionTable collectionTable = field.getAnnotation(CollectionTable.class);
                JoinTable joinTable = field.getAnnotation(JoinTable.class);
                if (collectionTable != null) {
                    Set<String> c = tables.computeIfAbsent(collectionTable.name(), t -> new LinkedHashSet<>());
                    for (JoinColumn jc : collectionTable.joinColumns()) {
                        c.add(jc.name());
                    }
                    OrderColumn order = field.getAnnotation(OrderColumn.class);
                    if (order != null) {
                        c.add(order.name());
                    }
                    if (column != null) {
                        c.add(column.name());
                    } else {
                        // a collection of embeddables: the columns of the embeddable class
                        Class<?> element = (Class<?>) ((ParameterizedType) field.getGenericType())
                                .getActualTypeArguments()[0];
                        for (Field f : element.getDeclaredFields()) {
                            Column ec = f.getAnnotation(Column.class);
                            if (ec != null) {
                                c.add(ec.name());
                            }
                        }
                    }
                } else if (joinTable != null) {
                    Set<String> c = tables.computeIfAbsent(joinTable.name(), t -> new LinkedHashSet<>());
                    for (JoinColumn jc : joinTable.joinColumns()) {
                        c.add(jc.name());
                    }
                    for (JoinColumn jc : joinTable.inverseJoinColumns()) {
                        c.add(jc.name());
                    }
                } else if (column != null) {
                    assertTrue(!column.name().isEmpty(), field + " names its column");
                    columns.add(column.name());
                } else if (joinColumn != null) {
                    assertTrue(!joinColumn.name().isEmpty(), field + " names its join column");
                    columns.add(joinColumn.name());
                }
            }
        }
        OTHER_TABLES.forEach((table, columns) -> tables.put(table, new LinkedHashSet<>(columns)));
        return tables;
    }

    /** The fields of an entity and of the mapped superclasses above it (the id and version of Identified). */
    private static List<Field> mappedFields(Class<?> entity) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == entity || c.isAnnotationPresent(MappedSuperclass.class)) {
                fields.addAll(List.of(c.getDeclaredFields()));
            }
        }
        return fields;
    }
}
