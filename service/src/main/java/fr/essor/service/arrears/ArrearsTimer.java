package fr.essor.service.arrears;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.LocalDate;

/**
 * Every night, after the instalments past due are marked late (02:15), the arrears run as of the
 * day: snapshots, buckets and the dunning notices reached (one transaction).
 */
@Singleton
public class ArrearsTimer {

    @EJB
    private ArrearsRunner runner;

    @Schedule(hour = "2", minute = "40", persistent = false, info = "essor-arrears")
    void nightly() {
        runner.run(LocalDate.now(ArrearsRunner.NETWORK_ZONE), "system", true);
    }
}
