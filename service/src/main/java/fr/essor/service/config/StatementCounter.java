package fr.essor.service.config;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink executes, per thread, so that a test or a benchmark can
 * prove what one use case costs ({@code reset()}, run it, {@code count()}). Registered in
 * persistence.xml ({@code eclipselink.session-event-listener}); EclipseLink creates the instance, so
 * the counter is static. It costs one thread-local increment per statement; a test that wants to see
 * the statements themselves asks for them with {@code reset(true)} and reads {@link #statements()}.
 */
public class StatementCounter extends SessionEventAdapter {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);
    private static final ThreadLocal<List<String>> KEPT = new ThreadLocal<>();

    @Override
    public void postExecuteCall(SessionEvent event) {
        COUNT.get()[0]++;
        List<String> kept = KEPT.get();
        if (kept != null) {
            kept.add(event.getCall() instanceof DatabaseCall c ? c.getSQLString() : String.valueOf(event.getCall()));
        }
    }

    /** Starts counting again from zero on this thread. */
    public static void reset() {
        reset(false);
    }

    /** Starts counting again from zero on this thread, keeping the statements' SQL or not. */
    public static void reset(boolean keepStatements) {
        COUNT.get()[0] = 0;
        if (keepStatements) {
            KEPT.set(new ArrayList<>());
        } else {
            KEPT.remove();
        }
    }

    /** Statements executed on this thread since the last {@link #reset()}. */
    public static long count() {
        return COUNT.get()[0];
    }

    /** The SQL of the statements executed on this thread since {@code reset(true)}; empty otherwise. */
    public static List<String> statements() {
        List<String> kept = KEPT.get();
        return kept == null ? List.of() : List.copyOf(kept);
    }
}
