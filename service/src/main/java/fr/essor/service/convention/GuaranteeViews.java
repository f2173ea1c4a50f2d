package fr.essor.service.convention;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the guarantee use cases return (issue 14, item 4). */
public final class GuaranteeViews {

    private GuaranteeViews() {
    }

    /** A guarantee's bank loan and where it stands on {@code asOf}, with its calls. */
    public record Guarantee(long allocationId, String applicationReference, long applicationId, String enterprise,
                            String conventionReference, BigDecimal allocated, BigDecimal called, String bankName,
                            BigDecimal amount, BigDecimal annualRate, int durationMonths, LocalDate startDate,
                            LocalDate endDate, BigDecimal quota, BigDecimal guaranteed, BigDecimal commissionRate,
                            BigDecimal commission, String status, LocalDate releasedOn, LocalDate asOf,
                            BigDecimal outstanding, BigDecimal guaranteedOutstanding, List<Call> calls)
            implements Serializable {
    }

    public record Call(long id, LocalDate defaultDate, BigDecimal outstandingAtDefault, BigDecimal cap, BigDecimal claimed,
                       String status, Long proposalId, LocalDate paidOn, String paidBy, BigDecimal recovered,
                       String recordedBy, List<Recovery> recoveries) implements Serializable {

        /** What was paid and is not yet recovered. */
        public BigDecimal unrecovered() {
            return "PAID".equals(status) ? claimed.subtract(recovered) : BigDecimal.ZERO.setScale(2);
        }
    }

    public record Recovery(long id, long callId, BigDecimal amount, LocalDate receivedOn, String recordedBy)
            implements Serializable {
    }

    /** One instalment of the bank loan, with the guaranteed part of the capital remaining after it. */
    public record Line(int number, LocalDate dueDate, BigDecimal capital, BigDecimal interest, BigDecimal total,
                       BigDecimal remaining, BigDecimal guaranteedRemaining) implements Serializable {
    }

    /** The bank loan's amortisation. */
    public record Schedule(long allocationId, String bankName, BigDecimal amount, BigDecimal annualRate, int durationMonths,
                           LocalDate startDate, LocalDate endDate, BigDecimal quota, BigDecimal totalInterest,
                           List<Line> lines) implements Serializable {
    }

    /** A call's payment: done (the call PAID), or above the four-eyes threshold a proposal waiting for a second person. */
    public record Payment(Call call, FourEyesViews.Proposal proposal) implements Serializable {

        public boolean isProposed() {
            return proposal != null;
        }
    }

    /**
     * A partner's exposure on one convention as of a date, computed in SQL: the guaranteed outstanding
     * of its running guarantees, calls claimed and not yet paid, calls paid, recoveries.
     */
    public record Exposure(long conventionId, String conventionReference, String partner, long guarantees,
                           BigDecimal guaranteedOutstanding, BigDecimal claimedUnpaid, BigDecimal paid,
                           BigDecimal recovered, BigDecimal exposure) implements Serializable {
    }

    /** The same figures per bank, over the conventions the caller may see. */
    public record BankExposure(String bank, long guarantees, BigDecimal guaranteedOutstanding, BigDecimal claimedUnpaid,
                               BigDecimal paid, BigDecimal recovered, BigDecimal exposure) implements Serializable {
    }

    /**
     * The same figures summed over everything the caller may see as of a day: the network for a national
     * administrator ({@code scope} NETWORK), an association's staff their association (ASSOCIATION), a
     * partner its conventions (PARTNER).
     */
    public record ExposureTotal(LocalDate asOf, String scope, long guarantees, BigDecimal guaranteedOutstanding,
                                BigDecimal claimedUnpaid, BigDecimal paid, BigDecimal recovered, BigDecimal exposure)
            implements Serializable {
    }
}
