package fr.essor.service.security;

import fr.essor.service.shared.BusyException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds password hashing, the costly part of a login or a registration (issue 18, item 4): at
 * most one hash per core at a time, and one source at most all cores but one, so that a burst of
 * bogus logins from one source queues behind itself while another source still gets a core. A
 * caller that cannot get its turn within {@link #MAX_WAIT_MILLIS} is refused ({@link BusyException},
 * a 503 with Retry-After) instead of piling up threads.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HashingGate {

    static final long MAX_WAIT_MILLIS = 5_000;
    private static final int MAX_SOURCES = 10_000;

    private final long maxWaitMillis;
    private final int permits;
    private final int perSource;
    private final Semaphore all;
    private final Map<String, Semaphore> sources = new ConcurrentHashMap<>();

    public HashingGate() {
        this(Runtime.getRuntime().availableProcessors(), MAX_WAIT_MILLIS);
    }

    HashingGate(int cores, long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
        permits = Math.max(2, cores);
        perSource = permits - 1;
        all = new Semaphore(permits, true);
    }

    /** Runs {@code hashing} once both this source and the whole node have room for it. */
    public <T> T run(String source, Supplier<T> hashing) {
        String key = source == null || source.isBlank() ? "?" : source;
        if (sources.size() > MAX_SOURCES) {
            sources.values().removeIf(s -> s.availablePermits() == perSource);
        }
        Semaphore mine = sources.computeIfAbsent(key, k -> new Semaphore(perSource, true));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        acquire(mine, deadline);
        try {
            acquire(all, deadline);
            try {
                return hashing.get();
            } finally {
                all.release();
            }
        } finally {
            mine.release();
        }
    }

    private static void acquire(Semaphore semaphore, long deadlineNanos) {
        try {
            if (!semaphore.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
    }

    int permits() {
        return permits;
    }
}
