package fr.essor.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the database at {@code /health}: UP or DOWN and nothing more, since anyone may ask
 * (issue 18: the product and version of the database are for administrators, see
 * {@code GET /api/v1/admin/system}). Its presence also proves that Essor deployed: a failed
 * deployment leaves Payara answering without this check.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseHealthCheck.class.getName());

    @Resource(lookup = "java:app/jdbc/essor")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            return HealthCheckResponse.named("essor-database").status(c.isValid(2)).build();
        } catch (SQLException e) {
            LOG.warning(() -> "Health: database unreachable: " + e);
            return HealthCheckResponse.named("essor-database").down().build();
        }
    }

    /** The database's product and version, e.g. "MariaDB 10.11.6": for administrators only. */
    public String database() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }
}
