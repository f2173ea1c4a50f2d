package fr.essor.service.convention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.service.shared.BusyException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AllocationGateTest {

    @Test
    void noMoreAllocationsRunAtOnceThanItsTurnsAndTheOthersWaitForOne() throws Exception {
        AllocationGate gate = new AllocationGate(2, 10_000);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] calls = new Future<?>[40];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = pool.submit(() -> gate.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return running.decrementAndGet();
                }));
            }
            for (Future<?> call : calls) {
                call.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, most.get(), "at most two at once, and the eight threads did reach two");
    }

    @Test
    void aCallerWhoseTurnDoesNotComeInTimeIsToldTheNodeIsBusyAndTheTurnIsGivenBackAfterAFailure() throws Exception {
        AllocationGate gate = new AllocationGate(1, 100);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> holder = pool.submit(() -> gate.run(() -> {
                inside.countDown();
                try {
                    leave.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            BusyException busy = assertThrows(BusyException.class, () -> gate.run(() -> "second"));
            assertEquals("allocation.busy", busy.messageKey());
            leave.countDown();
            assertEquals("first", holder.get(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IllegalStateException.class, () -> gate.run(() -> {
            throw new IllegalStateException("refused inside");
        }));
        assertEquals("third", gate.run(() -> "third"), "a failure inside gives its turn back");
    }
}
