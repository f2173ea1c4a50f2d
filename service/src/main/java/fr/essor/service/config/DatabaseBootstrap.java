package fr.essor.service.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the application's data source from MicroProfile Config ({@code ESSOR_DB_URL},
 * {@code ESSOR_DB_USER}, {@code ESSOR_DB_PASSWORD}; the embedded H2 file database when nothing is
 * set) and brings its schema up to date with Flyway before anything else runs.
 */
@DataSourceDefinition(
        name = DatabaseBootstrap.DATA_SOURCE,
        className = "fr.essor.service.config.ConfiguredDataSource",
        url = "${MPCONFIG=essor.db.url}",
        user = "${MPCONFIG=essor.db.user}",
        password = "${MPCONFIG=essor.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        // every statement reads what is committed: a sum read after taking a row lock sees the
        // rows written by the transaction that held the lock before (MariaDB's default, REPEATABLE
        // READ, would read a snapshot from before the wait and let two allocations overdraw a line)
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=10000"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseBootstrap {

    public static final String DATA_SOURCE = "java:app/jdbc/essor";
    /** The test-only setting of {@link #cleanForTests()}. */
    static final String TEST_CLEAN_SETTING = "essor.test.clean.database";
    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    private DatabaseKind kind;
    private String description;

    @PostConstruct
    void migrate() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            kind = DatabaseKind.of(meta.getURL());
            description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + DatabaseKind.describe(meta.getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("Essor cannot reach its database: " + e.getMessage(), e);
        }
        LOG.info(() -> "Essor database: " + description);
        flyway(cleanForTests());
    }

    /**
     * TEST ONLY: drops every object of the schema (Flyway clean) and migrates it again, as the
     * start-up does with {@code essor.test.clean.database}; refused unless that setting is
     * {@code true}. The container tests' shared server calls it (through the demo module's test
     * reset, absent from a production war) between two test classes.
     */
    public void cleanAndMigrateForTests() {
        if (!cleanForTests()) {
            throw new IllegalStateException(TEST_CLEAN_SETTING + " is not set: the schema is never dropped");
        }
        flyway(true);
    }

    /** True when the test-only setting {@code essor.test.clean.database} is on. */
    public static boolean testCleanAllowed() {
        return cleanForTests();
    }

    private void flyway(boolean clean) {
        Flyway flyway = Flyway.configure(DatabaseBootstrap.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(!clean)
                .load();
        if (clean) {
            LOG.warning(() -> "Essor database: " + TEST_CLEAN_SETTING + " is set, dropping every object of " + description
                    + " before migrating (container tests only)");
            flyway.clean();
        }
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Essor schema: " + result.migrationsExecuted + " migration(s) applied, now at version "
                + flyway.info().current().getVersion());
        if (result.migrationsExecuted > 0) {
            indexEnterprisesForSearch();
        }
    }

    /** After an upgrade: the queue's search terms of the enterprises written before they existed (V32). */
    private void indexEnterprisesForSearch() {
        try (Connection c = dataSource.getConnection()) {
            int indexed = SearchIndex.indexMissing(c);
            if (indexed > 0) {
                LOG.info(() -> "Essor schema: search terms written for " + indexed + " enterprise(s)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Essor cannot index its enterprises for search: " + e.getMessage(), e);
        }
    }

    /**
     * TEST ONLY: {@code essor.test.clean.database} ({@code ESSOR_TEST_CLEAN_DATABASE}) set to
     * {@code true} makes the start-up drop every table of the schema (Flyway clean) before migrating,
     * so that each container test class starts from an empty database on which the demo data is
     * loaded again, without CI dropping and recreating the database between classes. Off unless set
     * to exactly {@code true}; never set it on a database whose data matters.
     */
    private static boolean cleanForTests() {
        return ConfigProvider.getConfig().getOptionalValue(TEST_CLEAN_SETTING, String.class)
                .map(v -> "true".equals(v.trim())).orElse(false);
    }

    public DatabaseKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }
}
