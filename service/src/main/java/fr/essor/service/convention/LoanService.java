package fr.essor.service.convention;

import fr.essor.model.account.UserAccount;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.Instalment;
import fr.essor.model.convention.LedgerMovement;
import fr.essor.model.convention.LoanProduct;
import fr.essor.model.convention.LoanSchedule;
import fr.essor.model.convention.LoanTerms;
import fr.essor.model.convention.Repayment;
import fr.essor.model.convention.RepaymentPart;
import fr.essor.model.convention.Rescheduling;
import fr.essor.model.convention.SupersededInstalment;
import fr.essor.model.shared.Money;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loans with products (issue 14, items 1 and 2): the products, a schedule previewed before
 * disbursement and stored after, repayments of any amount with their split, their reversal by a
 * second person, reschedulings keeping the replaced schedules. Every write locks the convention's
 * row and then the allocation's (as {@link AllocationService} does), so two repayments of one loan
 * take turns: each is applied once, on what the other left. docs/LOANS.md explains the rules.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class LoanService extends UseCaseService {

    private final Clock clock = Clock.systemUTC();

    /** The network's loan products (a handful), by code. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    public Page<LoanViews.Product> products(int first, int size) {
        int pageSize = Page.clampSize(size);
        List<LoanProduct> rows = em.createQuery("SELECT p FROM LoanProduct p ORDER BY p.code", LoanProduct.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList();
        long total = em.createQuery("SELECT COUNT(p) FROM LoanProduct p", Long.class).getSingleResult();
        return new Page<>(rows.stream().map(LoanService::product).toList(), total, Math.max(0, first), pageSize);
    }

    /** The schedule of a loan of {@code principal} under a product's terms, computed and not stored. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public LoanViews.Schedule preview(@Valid LoanInputs.Preview input) {
        LoanProduct p = product(input.productId());
        LoanTerms terms = p.offer(input.annualRate(), input.durationMonths(), grace(input.graceMonths()));
        return schedule(LoanSchedule.compute(Money.of(input.principal()), terms, input.firstDueDate()));
    }

    /** The schedule an allocation would have with these terms (on what is disbursed, or committed before), not stored. */
    @RolesAllowed(Roles.ADVISOR)
    public LoanViews.Schedule previewFor(long allocationId, @Valid LoanInputs.Terms input) {
        Allocation a = staffs(allocationId);
        LoanProduct p = product(input.productId());
        LoanTerms terms = p.offer(input.annualRate(), input.durationMonths(), grace(input.graceMonths()));
        return schedule(a.previewSchedule(p, terms, input.firstDueDate()));
    }

    /**
     * Stores a disbursed loan's terms and its schedule; a schedule of which nothing is paid, late or
     * written off is replaced, a started one refused (reschedule it instead).
     */
    @RolesAllowed(Roles.ADVISOR)
    public LoanViews.Schedule schedule(long allocationId, @Valid LoanInputs.Terms input) {
        Allocation a = locked(allocationId);
        LoanProduct p = product(input.productId());
        LoanTerms terms = p.offer(input.annualRate(), input.durationMonths(), grace(input.graceMonths()));
        if (a.dropUnpaidSchedule()) {
            em.flush();
        }
        LoanSchedule s = a.scheduleLoan(p, terms, input.firstDueDate());
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.SCHEDULE, p.getCode() + " "
                + terms.annualRate().toPlainString() + " % over " + terms.durationMonths() + " months, grace "
                + terms.graceMonths() + ", " + s.lines().size() + " instalments from " + input.firstDueDate());
        return current(a);
    }

    /** The loan's terms and where it stands. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public LoanViews.Loan loan(long allocationId) {
        Allocation a = visible(allocationId);
        return new LoanViews.Loan(a.getId(), a.getProduct() == null ? null : a.getProduct().getCode(), a.getAnnualRate(),
                a.getTermMonths(), a.getGraceMonths(), a.getScheduleVersion(), a.owed().amount(),
                a.remainingCapital().amount());
    }

    /** The current schedule, then those reschedulings replaced, newest first. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<LoanViews.Schedule> schedules(long allocationId) {
        Allocation a = visible(allocationId);
        List<LoanViews.Schedule> all = new ArrayList<>();
        all.add(current(a));
        List<SupersededInstalment> old = em.createQuery("SELECT i FROM SupersededInstalment i WHERE i.allocation = :a"
                + " ORDER BY i.scheduleVersion DESC, i.number", SupersededInstalment.class).setParameter("a", a).getResultList();
        Map<Integer, List<SupersededInstalment>> byVersion = new LinkedHashMap<>();
        old.forEach(i -> byVersion.computeIfAbsent(i.getScheduleVersion(), v -> new ArrayList<>()).add(i));
        byVersion.forEach((version, rows) -> {
            List<LoanViews.Line> lines = new ArrayList<>();
            Money remaining = rows.stream().map(SupersededInstalment::getCapital).reduce(Money.zero(), Money::plus);
            for (SupersededInstalment i : rows) {
                remaining = remaining.minus(i.getCapital());
                lines.add(new LoanViews.Line(i.getNumber(), i.getDueDate(), i.getCapital().amount(), i.getInterest().amount(),
                        i.getAmount().amount(), remaining.amount(), i.getPaidCapital().amount(), i.getPaidInterest().amount(),
                        i.getStatus().name()));
            }
            all.add(totals(version, false, lines));
        });
        return all;
    }

    /** An allocation's repayments, newest first, paged in SQL. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public Page<LoanViews.Repayment> repayments(long allocationId, int first, int size) {
        Allocation a = visible(allocationId);
        int pageSize = Page.clampSize(size);
        List<Repayment> rows = em.createQuery("SELECT r FROM Repayment r WHERE r.allocation = :a"
                        + " ORDER BY r.paidOn DESC, r.id DESC", Repayment.class).setParameter("a", a)
                .setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList();
        long total = em.createQuery("SELECT COUNT(r) FROM Repayment r WHERE r.allocation = :a", Long.class)
                .setParameter("a", a).getSingleResult();
        return new Page<>(rows.stream().map(LoanService::repayment).toList(), total, Math.max(0, first), pageSize);
    }

    /**
     * Records a payment of any amount on a loan, applied in the documented order (what is due,
     * oldest first, interest then capital; then capital ahead). More than what is owed in total is
     * refused with what is owed.
     */
    @RolesAllowed(Roles.ADVISOR)
    public LoanViews.Repayment repay(long allocationId, @Valid LoanInputs.Payment input) {
        Allocation a = locked(allocationId);
        Repayment r = a.repay(Money.of(input.amount()), input.date() == null ? today() : input.date(), caller.email(), now());
        em.persist(r);
        LedgerMovement m = a.movementOf(r);
        em.persist(m);
        repaid(a, m);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.REPAYMENT, "repayment " + r.getId() + " of "
                + r.getAmount().amount().toPlainString() + " EUR on " + r.getPaidOn() + ": interest "
                + r.interestPaid().amount().toPlainString() + ", capital " + r.capitalPaid().amount().toPlainString());
        return repayment(r);
    }

    /**
     * Reverses a repayment, with a reason: by another advisor or an administrator of the association,
     * never by the one who recorded it (403).
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public LoanViews.Repayment reverse(long allocationId, long repaymentId, String reason) {
        Allocation a = locked(allocationId);
        Repayment r = em.find(Repayment.class, repaymentId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.getAllocation().getId().equals(a.getId())) {
            throw new NotFoundException("repayment");
        }
        if (caller.email().equalsIgnoreCase(r.getRecordedBy())) {
            throw new SecondPersonRequiredException("repayment.reverseOwn");
        }
        LedgerMovement m = a.reverse(r, reason, today(), caller.email(), now());
        em.persist(m);
        repaid(a, m);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.REVERSE_REPAYMENT, "repayment " + r.getId()
                + " of " + r.getAmount().amount().toPlainString() + " EUR recorded by " + r.getRecordedBy() + ": "
                + r.getReversalReason());
        return repayment(r);
    }

    /**
     * Replaces the current schedule by one on what remains: a new duration (months, moratorium
     * included) and a moratorium of the capital; the replaced schedule is kept and stays readable.
     */
    @RolesAllowed(Roles.ADVISOR)
    public LoanViews.Rescheduling reschedule(long allocationId, @Valid LoanInputs.Reschedule input) {
        Allocation a = locked(allocationId);
        LoanTerms terms = a.reschedulingTerms(input.durationMonths(), grace(input.moratoriumMonths()));
        List<SupersededInstalment> history = new ArrayList<>();
        Rescheduling r = a.beginRescheduling(terms, input.firstDueDate(), today(), caller.email(), now(), history);
        history.forEach(em::persist);
        em.persist(r);
        // the dropped instalments are deleted before the new ones, which reuse their numbers, are inserted
        em.flush();
        a.completeRescheduling(r, terms);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.RESCHEDULE, "schedule " + r.getFromVersion()
                + " replaced by " + r.getToVersion() + ": " + r.getRemainingCapital().amount().toPlainString()
                + " EUR over " + terms.durationMonths() + " months, moratorium " + terms.graceMonths() + ", from "
                + r.getFirstDue());
        return rescheduling(r);
    }

    /** An allocation's reschedulings, oldest first (a loan has a handful). */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<LoanViews.Rescheduling> reschedulings(long allocationId) {
        Allocation a = visible(allocationId);
        return em.createQuery("SELECT r FROM Rescheduling r WHERE r.allocation = :a ORDER BY r.fromVersion",
                Rescheduling.class).setParameter("a", a).setMaxResults(Page.MAX_SIZE).getResultList().stream()
                .map(LoanService::rescheduling).toList();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The convention's running total of what was repaid follows the ledger (a reversal is negative). */
    private void repaid(Allocation a, LedgerMovement m) {
        em.createNativeQuery("UPDATE convention SET repaid = repaid + ?1 WHERE id = ?2")
                .setParameter(1, m.getAmount().amount()).setParameter(2, a.getConvention().getId()).executeUpdate();
    }

    private static int grace(Integer months) {
        return months == null ? 0 : months;
    }

    private LoanProduct product(long id) {
        LoanProduct p = em.find(LoanProduct.class, id);
        if (p == null) {
            throw new NotFoundException("loanProduct");
        }
        return p;
    }

    private Allocation visible(long id) {
        Allocation a = em.find(Allocation.class, id);
        if (a == null || !ConventionService.canSee(caller.account(), a.getConvention())) {
            throw new NotFoundException("allocation");
        }
        return a;
    }

    private Allocation staffs(long id) {
        Allocation a = em.find(Allocation.class, id);
        UserAccount me = caller.account();
        if (a == null || !Access.isStaffOf(me, a.getLine().getDecision().getApplication().getEnterprise())) {
            throw new NotFoundException("allocation");
        }
        return a;
    }

    /** An allocation of the advisor's association, locked: its convention's row first, as allocating does. */
    private Allocation locked(long id) {
        Allocation a = staffs(id);
        return Locking.allocation(em, a);
    }

    private LoanViews.Schedule current(Allocation a) {
        List<LoanViews.Line> lines = new ArrayList<>();
        Money remaining = a.getInstalments().stream().map(Instalment::getCapital).reduce(Money.zero(), Money::plus);
        for (Instalment i : a.getInstalments()) {
            remaining = remaining.minus(i.getCapital());
            lines.add(new LoanViews.Line(i.getNumber(), i.getDueDate(), i.getCapital().amount(), i.getInterest().amount(),
                    i.getAmount().amount(), remaining.amount(), i.getPaidCapital().amount(), i.getPaidInterest().amount(),
                    i.getStatus().name()));
        }
        return totals(a.getScheduleVersion(), true, lines);
    }

    private static LoanViews.Schedule totals(int version, boolean current, List<LoanViews.Line> lines) {
        BigDecimal capital = lines.stream().map(LoanViews.Line::capital).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal interest = lines.stream().map(LoanViews.Line::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LoanViews.Schedule(version, current, capital.setScale(2), BigDecimal.ZERO.setScale(2), capital.setScale(2),
                interest.setScale(2), capital.add(interest).setScale(2), List.copyOf(lines));
    }

    static LoanViews.Schedule schedule(LoanSchedule s) {
        List<LoanViews.Line> lines = s.lines().stream().map(l -> new LoanViews.Line(l.number(), l.dueDate(),
                l.capital().amount(), l.interest().amount(), l.total().amount(), l.remaining().amount(),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null)).toList();
        return new LoanViews.Schedule(0, false, s.principal().amount(), s.capitalisedInterest().amount(),
                s.totalCapital().amount(), s.totalInterest().amount(), s.total().amount(), lines);
    }

    private static LoanViews.Product product(LoanProduct p) {
        return new LoanViews.Product(p.getId(), p.getCode(), p.getName(), p.getInstrument().name(), p.getMinRate(),
                p.getMaxRate(), p.getMinDurationMonths(), p.getMaxDurationMonths(), p.getMaxGraceMonths(),
                p.getFrequency().name(), p.getGraceInterest().name());
    }

    private static LoanViews.Repayment repayment(Repayment r) {
        List<LoanViews.Part> parts = new ArrayList<>();
        for (RepaymentPart p : r.getParts()) {
            parts.add(new LoanViews.Part(p.getInstalmentNumber(), p.getInterest().amount(), p.getCapital().amount()));
        }
        return new LoanViews.Repayment(r.getId(), r.getAllocation().getId(), r.getAmount().amount(), r.getPaidOn(),
                r.getRecordedBy(), r.getRecordedAt(), r.getScheduleVersion(), r.interestPaid().amount(),
                r.capitalPaid().amount(), r.getReversedBy(), r.getReversedAt(), r.getReversalReason(), parts);
    }

    private static LoanViews.Rescheduling rescheduling(Rescheduling r) {
        return new LoanViews.Rescheduling(r.getId(), r.getFromVersion(), r.getToVersion(), r.getDurationMonths(),
                r.getMoratoriumMonths(), r.getFirstDue(), r.getRemainingCapital().amount(), r.getCarriedInterest().amount(),
                r.getRescheduledOn(), r.getRecordedBy());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AllocationService.NETWORK_ZONE));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
