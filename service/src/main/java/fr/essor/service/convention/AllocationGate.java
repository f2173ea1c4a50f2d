package fr.essor.service.convention;

import fr.essor.service.config.EssorConfig;
import fr.essor.service.shared.BusyException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Admits allocations a few at a time on this node, first come first served (issue 15). Every
 * allocation of a convention takes that convention's row lock from its conditional update to its
 * commit; with many more transactions than cores, the one holding the lock waits for a core behind
 * threads that only wait for its lock, and the queue on the row grows long and unfair (an
 * allocation could wait seconds while later ones passed). Admitted through this gate, at most
 * {@code ESSOR_ALLOCATION_CONCURRENCY} run at once (default twice the cores); the others wait their
 * turn here, outside any transaction, holding no connection. A caller whose turn has not come
 * within {@link #MAX_WAIT_SECONDS} is refused ({@link BusyException}: 503 with Retry-After).
 *
 * <p>The gate shapes the load; it guards nothing: the money invariants are the database's (the
 * line's lock and the convention's conditional update), in a cluster each node has its own gate.
 * A CDI bean, not an EJB, so that it starts no transaction of its own: callers pass the call of the
 * transactional service method, whose transaction, commit included, is then inside the turn.
 */
@ApplicationScoped
public class AllocationGate {

    static final long MAX_WAIT_SECONDS = 30;

    @Inject
    private EssorConfig config;

    private Semaphore turns;
    private long maxWaitMillis;

    public AllocationGate() {
        // CDI: sized by init() from the configuration
    }

    AllocationGate(int concurrency, long maxWaitMillis) {
        this.turns = new Semaphore(concurrency, true);
        this.maxWaitMillis = maxWaitMillis;
    }

    @PostConstruct
    void init() {
        turns = new Semaphore(config.allocationConcurrency(), true);
        maxWaitMillis = TimeUnit.SECONDS.toMillis(MAX_WAIT_SECONDS);
    }

    /** Runs {@code allocation} (a call of a transactional service method) in its turn. */
    public <T> T run(Supplier<T> allocation) {
        try {
            if (!turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new BusyException("allocation.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("allocation.busy");
        }
        try {
            return allocation.get();
        } finally {
            turns.release();
        }
    }
}
