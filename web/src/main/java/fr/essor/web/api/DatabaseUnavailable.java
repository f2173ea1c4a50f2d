package fr.essor.web.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach the database (server down or restarting, pool unable to open a
 * connection) from other errors: the API answers it with 503 and {@code Retry-After}, since the
 * same request will work once the pool has reconnected, which it does on its own.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable thrown) {
        int depth = 0;
        for (Throwable c = thrown; c != null && depth < 50; c = c.getCause(), depth++) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLRecoverableException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String name = c.getClass().getName();
            // the connector pool's own failures: ResourceAllocationException, PoolingException
            if (name.startsWith("jakarta.resource.") || name.endsWith(".PoolingException")
                    || name.endsWith("CommunicationsException")) {
                return true;
            }
        }
        return false;
    }
}
