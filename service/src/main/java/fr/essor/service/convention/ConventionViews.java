package fr.essor.service.convention;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What partners, advisors and administrators read about conventions; every figure summed in SQL from the ledger. */
public final class ConventionViews {

    private ConventionViews() {
    }

    /** A convention with its money: allocated = allocations less releases; remaining = amount − allocated (+ repaid when revolving). */
    public record Summary(long id, String reference, String partner, String association, String kind, String status,
                          LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, BigDecimal allocated,
                          BigDecimal disbursed, BigDecimal repaid, BigDecimal remaining, boolean revolving) implements Serializable {
    }

    public record Target(String name, BigDecimal target, BigDecimal achieved) implements Serializable {
    }

    public record Detail(Summary summary, List<String> instruments, List<String> departments, List<String> legalForms,
                         List<String> stages, List<Target> targets, long version) implements Serializable {
    }

    public record AllocationRow(long id, long conventionId, String conventionReference, long lineId,
                                String applicationReference, long applicationId, String enterprise, String department,
                                String instrument, BigDecimal amount, BigDecimal released, BigDecimal disbursed,
                                LocalDate date, String status) implements Serializable {
    }

    public record LineRow(long id, String applicationReference, long applicationId, String enterprise, String department,
                          String instrument, BigDecimal granted, BigDecimal allocated, BigDecimal unallocated,
                          LocalDate decisionDate, Integer durationMonths) implements Serializable {
    }

    public record Breakdown(String key, long count, BigDecimal amount) implements Serializable {
    }

    public record Point(String month, BigDecimal allocated, BigDecimal disbursed, BigDecimal repaid) implements Serializable {
    }

    /** A funded enterprise as a partner may see it: no personal contact data. */
    public record Funded(String enterprise, String department, String sector, String legalForm, String stage,
                         String instrument, BigDecimal allocated, BigDecimal disbursed, BigDecimal jobsCreated,
                         BigDecimal jobsMaintained) implements Serializable {
    }

    /** One instalment: {@code amount} is capital + interest; what was paid of each (issue 14: partial repayments). */
    public record InstalmentRow(long id, int number, LocalDate dueDate, BigDecimal amount, LocalDate paidOn, String status,
                                BigDecimal capital, BigDecimal interest, BigDecimal paidCapital, BigDecimal paidInterest)
            implements Serializable {

        public BigDecimal paid() {
            return paidCapital.add(paidInterest);
        }
    }

    public record Exposure(String key, BigDecimal guaranteed, BigDecimal called, BigDecimal outstanding) implements Serializable {
    }

    /** A financing partner as an administrator picks it for a new convention. */
    public record PartnerOption(long id, String name, String kind) {
    }

    /** An approved file whose granted lines are all covered by allocations, ready to be marked contracted. */
    public record ContractCandidate(long applicationId, String reference, String enterprise, BigDecimal granted) {
    }

    /** One instalment as the applicant sees it: no convention, no partner. */
    public record Repayment(int number, LocalDate dueDate, BigDecimal amount, LocalDate paidOn, String status,
                            BigDecimal capital, BigDecimal interest, BigDecimal paid) {
    }

    /** The repayment schedule of one honour loan (one per allocation when the loan is co-financed). */
    public record RepaymentSchedule(int loan, BigDecimal total, List<Repayment> instalments) {
    }
}
