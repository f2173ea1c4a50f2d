package fr.essor.service.arrears;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the arrears use cases return (issue 14, item 3). */
public final class ArrearsViews {

    private ArrearsViews() {
    }

    /** One run: the day it counted as of, when and by whom, how many loans it saw, how many late, how many notices it mailed. */
    public record Run(long id, LocalDate asOf, Instant startedAt, Instant finishedAt, String triggeredBy, int loans,
                      int inArrears, int notices) implements Serializable {
    }

    /** A loan in arrears in a run. */
    public record Row(long allocationId, String applicationReference, long applicationId, String enterprise,
                      String convention, String instrument, LocalDate oldestDue, int daysPastDue, String bucket,
                      BigDecimal overdueCapital, BigDecimal overdueInterest, BigDecimal outstandingCapital,
                      Integer dunningLevel) implements Serializable {

        public BigDecimal overdue() {
            return overdueCapital.add(overdueInterest);
        }
    }

    /** How many loans of a run are in a bucket, with their capital outstanding and what is overdue. */
    public record BucketCount(String bucket, long loans, BigDecimal outstandingCapital, BigDecimal overdue)
            implements Serializable {
    }

    /** The loans in arrears of the caller's scope in a run, by bucket, and one page of them (most late first). */
    public record Listing(Run run, List<BucketCount> buckets, List<Row> items, long total, int first, int size)
            implements Serializable {
    }

    /**
     * Portfolio at risk of a group of loans as of a day: capital outstanding, capital of the loans
     * more than 30 (90) days past due, and those as a percentage of the outstanding.
     */
    public record ParFigure(String key, String label, long loans, long inArrears, BigDecimal outstanding,
                            BigDecimal atRisk30, BigDecimal atRisk90, BigDecimal par30, BigDecimal par90)
            implements Serializable {
    }

    /** PAR of the network (national administrators only), per association and per convention. */
    public record Par(LocalDate asOf, ParFigure network, List<ParFigure> associations, List<ParFigure> conventions)
            implements Serializable {
    }

    /** A dunning notice mailed for a loan. */
    public record Notice(int level, int daysPastDue, LocalDate asOf, Instant at, int recipients) implements Serializable {
    }

    /** Where a loan stands in arrears: its latest snapshot, the notices mailed, what was written off and recovered. */
    public record LoanArrears(long allocationId, LocalDate asOf, Integer daysPastDue, String bucket,
                              BigDecimal overdueCapital, BigDecimal overdueInterest, BigDecimal writtenOff,
                              BigDecimal recovered, BigDecimal writtenOffBalance, List<Notice> notices)
            implements Serializable {
    }

    /** An association's dunning levels (the default when it set none). */
    public record Plan(long associationId, String code, String name, List<Integer> days, boolean standard)
            implements Serializable {
    }

    /** A recovery recorded. */
    public record Recovery(long allocationId, BigDecimal amount, LocalDate date, BigDecimal writtenOffBalance)
            implements Serializable {
    }
}
