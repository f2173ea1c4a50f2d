package fr.essor.service.application;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same statements on MariaDB/MySQL, when ESSOR_TEST_MARIADB_URL names a database that may be wiped (CI). */
@EnabledIfEnvironmentVariable(named = "ESSOR_TEST_MARIADB_URL", matches = ".+")
class QueueSqlMariaDbTest extends QueueSqlTest {

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("ESSOR_TEST_MARIADB_URL"), System.getenv("ESSOR_TEST_MARIADB_USER"),
                System.getenv("ESSOR_TEST_MARIADB_PASSWORD"));
    }

    @Override
    Flyway flyway() {
        return Flyway.configure().dataSource(System.getenv("ESSOR_TEST_MARIADB_URL"), System.getenv("ESSOR_TEST_MARIADB_USER"),
                System.getenv("ESSOR_TEST_MARIADB_PASSWORD")).locations("classpath:db/migration").cleanDisabled(false).load();
    }
}
