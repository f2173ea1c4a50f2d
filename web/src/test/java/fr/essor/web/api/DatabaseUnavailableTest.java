package fr.essor.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/** Which failures the API answers with 503 (the database is unreachable) and which stay errors. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresDeepInTheCauseChainAreUnavailability() {
        // what a request sees while MariaDB restarts: EJB → JPA → the pool's SQLException with SQLState 08
        assertTrue(DatabaseUnavailable.causes(new EJBException(new PersistenceException(
                new SQLException("Error in allocating a connection", "08S01", new ConnectException("Connection refused"))))));
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(
                new SQLNonTransientConnectionException("No operations allowed after connection closed."))));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new SQLRecoverableException("Communications link failure"))));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new ResourceAllocationException(
                "Connection could not be allocated"))));
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(new SQLSyntaxErrorException("bad SQL", "42000"))));
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate", "23000"))));
        assertFalse(DatabaseUnavailable.causes(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
    }
}
