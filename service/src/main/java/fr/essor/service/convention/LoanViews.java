package fr.essor.service.convention;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the loan use cases return: products, schedules (computed or stored), repayments, reschedulings. */
public final class LoanViews {

    private LoanViews() {
    }

    public record Product(long id, String code, String name, String instrument, BigDecimal minRate, BigDecimal maxRate,
                          int minDurationMonths, int maxDurationMonths, int maxGraceMonths, String frequency,
                          String graceInterest) implements Serializable {
    }

    /** One line of a schedule; the paid columns are zero and the status null in a preview. */
    public record Line(int number, LocalDate dueDate, BigDecimal capital, BigDecimal interest, BigDecimal total,
                       BigDecimal remaining, BigDecimal paidCapital, BigDecimal paidInterest, String status)
            implements Serializable {
    }

    /** A schedule: a preview (version 0), the current one or one a rescheduling replaced. */
    public record Schedule(int version, boolean current, BigDecimal principal, BigDecimal capitalisedInterest,
                           BigDecimal totalCapital, BigDecimal totalInterest, BigDecimal total, List<Line> lines)
            implements Serializable {
    }

    public record Part(int instalment, BigDecimal interest, BigDecimal capital) implements Serializable {
    }

    public record Repayment(long id, long allocationId, BigDecimal amount, LocalDate paidOn, String recordedBy,
                            Instant recordedAt, int scheduleVersion, BigDecimal interest, BigDecimal capital,
                            String reversedBy, Instant reversedAt, String reversalReason, List<Part> parts)
            implements Serializable {

        public boolean reversed() {
            return reversedBy != null;
        }
    }

    public record Rescheduling(long id, int fromVersion, int toVersion, int durationMonths, int moratoriumMonths,
                               LocalDate firstDue, BigDecimal remainingCapital, BigDecimal carriedInterest,
                               LocalDate rescheduledOn, String recordedBy) implements Serializable {
    }

    /** A loan's terms and where it stands: what the advisor's page shows above the schedule. */
    public record Loan(long allocationId, String productCode, BigDecimal annualRate, Integer termMonths, Integer graceMonths,
                       int scheduleVersion, BigDecimal owed, BigDecimal remainingCapital) implements Serializable {
    }
}
