package fr.essor.service.config;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink executes, per thread, so that a test or a benchmark can
 * prove what one use case costs ({@code reset()}, run it, {@code count()}). Registered in
 * persistence.xml ({@code eclipselink.session-event-listener}); EclipseLink creates the instance, so
 * the counter is static. It costs one thread-local increment per statement.
 */
public class StatementCounter extends SessionEventAdapter {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void postExecuteCall(SessionEvent event) {
        COUNT.get()[0]++;
    }

    /** Starts counting again from zero on this thread. */
    public static void reset() {
        COUNT.get()[0] = 0;
    }

    /** Statements executed on this thread since the last {@link #reset()}. */
    public static long count() {
        return COUNT.get()[0];
    }
}
