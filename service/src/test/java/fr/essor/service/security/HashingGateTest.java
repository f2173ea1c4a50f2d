package fr.essor.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.essor.service.shared.BusyException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 18, item 4: a burst of hashing from one source leaves room for the others, and is bounded. */
class HashingGateTest {

    @Test
    void aSourceThatHoldsItsShareWaitsWhileAnotherSourceStillHashes() throws Exception {
        HashingGate gate = new HashingGate(2, 300);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> burst = pool.submit(() -> gate.run("10.0.0.66", () -> {
                holding.countDown();
                await(release);
                return "burst";
            }));
            holding.await(5, TimeUnit.SECONDS);
            // 2 cores: one source gets at most one, the other is left for everyone else
            assertThrows(BusyException.class, () -> gate.run("10.0.0.66", () -> "second of the burst"));
            assertEquals("owner", gate.run("192.168.1.10", () -> "owner"));
            release.countDown();
            assertEquals("burst", burst.get(5, TimeUnit.SECONDS));
            assertEquals("after", gate.run("10.0.0.66", () -> "after"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void noMoreHashesAtOnceThanCores() throws Exception {
        HashingGate gate = new HashingGate(2, 300);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String source : new String[] {"a", "b"}) {
                pool.submit(() -> gate.run(source, () -> {
                    holding.countDown();
                    await(release);
                    return null;
                }));
            }
            holding.await(5, TimeUnit.SECONDS);
            assertThrows(BusyException.class, () -> gate.run("c", () -> "third"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
