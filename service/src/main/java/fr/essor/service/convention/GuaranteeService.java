package fr.essor.service.convention;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.GuaranteeCall;
import fr.essor.model.convention.GuaranteeCallStatus;
import fr.essor.model.convention.GuaranteeRecovery;
import fr.essor.model.convention.GuaranteedLoan;
import fr.essor.model.convention.GuaranteedLoanLine;
import fr.essor.model.convention.LedgerMovement;
import fr.essor.model.convention.ProposalKind;
import fr.essor.model.shared.Money;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The life of a guarantee (issue 14, item 4), on a guarantee allocation: the bank loan it covers
 * and its amortisation, the commission, the bank's call after a default (capped at the guaranteed
 * outstanding at the default date), its payment (above the association's threshold, under four eyes),
 * recoveries, the release at the end of the bank loan; the partners' exposure per convention, in SQL.
 * Every write locks the convention's row and then the allocation's, as {@link AllocationService} does.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class GuaranteeService extends UseCaseService {

    @EJB
    private FourEyesService fourEyes;

    private final Clock clock = Clock.systemUTC();

    /** Records the bank loan a guarantee covers, computes its amortisation and charges the commission. */
    @RolesAllowed(Roles.ADVISOR)
    public GuaranteeViews.Guarantee record(long allocationId, @Valid GuaranteeInputs.BankLoan input) {
        Allocation a = locked(allocationId);
        if (loanOf(a) != null) {
            throw new ConflictException("CONVENTION_RULE", "guarantee.loanExists");
        }
        GuaranteedLoan g = GuaranteedLoan.record(a, input.bankName(), Money.of(input.amount()), input.annualRate(),
                input.durationMonths(), input.startDate(), input.commissionRate() == null ? BigDecimal.ZERO
                        : input.commissionRate(), caller.email(), now());
        em.persist(g);
        LedgerMovement commission = g.commissionMovement();
        if (commission != null) {
            em.persist(commission);
        }
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.GUARANTEE_LOAN_RECORDED, g.getBankName() + " "
                + g.getAmount().amount().toPlainString() + " EUR at " + g.getAnnualRate().toPlainString() + " % over "
                + g.getDurationMonths() + " months from " + g.getStartDate() + ", guaranteed " + g.getQuota().toPlainString()
                + " %: " + g.getGuaranteed().amount().toPlainString() + " EUR until " + g.getEndDate());
        if (commission != null) {
            audit.record(caller.email(), "Allocation", a.getId(), AuditAction.GUARANTEE_COMMISSION, "GUARANTEE_COMMISSION "
                    + commission.getAmount().amount().toPlainString() + " EUR (" + g.getCommissionRate().toPlainString()
                    + " % of " + g.getGuaranteed().amount().toPlainString() + ") on " + commission.getOccurredOn());
        }
        return view(g, today());
    }

    /** A guarantee's bank loan and where it stands on {@code asOf} (today when null), with its calls and recoveries. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public GuaranteeViews.Guarantee guarantee(long allocationId, LocalDate asOf) {
        Allocation a = em.find(Allocation.class, allocationId);
        if (a == null || !ConventionService.canSee(caller.account(), a.getConvention())) {
            throw new NotFoundException("guarantee");
        }
        return view(required(a), asOf == null ? today() : asOf);
    }

    /** Whether a guarantee allocation of the caller's association has its bank loan recorded yet (the page's two states). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public boolean recorded(long allocationId) {
        return loanOf(staffs(allocationId)) != null;
    }

    /**
     * The bank loan's amortisation with the guaranteed part of what remains after each instalment;
     * also for the entrepreneur whose enterprise borrows it (read only).
     */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN, Roles.ENTREPRENEUR})
    public GuaranteeViews.Schedule schedule(long allocationId) {
        Allocation a = em.find(Allocation.class, allocationId);
        UserAccount me = caller.account();
        boolean visible = a != null && (ConventionService.canSee(me, a.getConvention())
                || a.getLine().getDecision().getApplication().getEnterprise().isOwnedBy(me));
        if (!visible) {
            throw new NotFoundException("guarantee");
        }
        return schedule(required(a));
    }

    /** The schedules of the guaranteed bank loans of one of the entrepreneur's own applications. */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public List<GuaranteeViews.Schedule> schedulesOfApplication(long applicationId) {
        Application app = em.find(Application.class, applicationId);
        if (app == null || !app.getEnterprise().isOwnedBy(caller.account())) {
            throw new NotFoundException("application");
        }
        return em.createQuery("SELECT g FROM GuaranteedLoan g WHERE g.allocation.line.decision.application = :a"
                        + " ORDER BY g.id", GuaranteedLoan.class).setParameter("a", app).setMaxResults(20).getResultList()
                .stream().map(GuaranteeService::schedule).toList();
    }

    /** The bank calls the guarantee after the borrower's default: at most the guaranteed outstanding at the default date. */
    @RolesAllowed(Roles.ADVISOR)
    public GuaranteeViews.Call call(long allocationId, @Valid GuaranteeInputs.Call input) {
        Allocation a = locked(allocationId);
        GuaranteedLoan g = required(a);
        GuaranteeCall c = g.call(input.defaultDate(), Money.of(input.amount()), today(), caller.email(), now());
        em.persist(c);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.GUARANTEE_CLAIMED, "call " + c.getId() + " of "
                + g.getBankName() + ": " + c.getClaimed().amount().toPlainString() + " EUR claimed, default on "
                + c.getDefaultDate() + ", cap " + c.getCap().amount().toPlainString() + " EUR");
        return call(c, List.of());
    }

    /**
     * Pays the bank what it claimed: a GUARANTEE_CALL ledger movement; above the association's
     * four-eyes threshold, a proposal that another person approves (the call is then paid on approval).
     */
    @RolesAllowed(Roles.ADVISOR)
    public GuaranteeViews.Payment pay(long allocationId, long callId, LocalDate on) {
        Allocation a = locked(allocationId);
        GuaranteedLoan g = required(a);
        GuaranteeCall c = callOf(g, callId);
        LocalDate date = on == null ? today() : on;
        if (c.getProposalId() != null) {
            throw new ConflictException("FOUR_EYES", "approval.pendingExists");
        }
        g.checkPayable(c, date, now());
        FourEyesViews.Proposal proposal = fourEyes.proposeAbove(a, ProposalKind.GUARANTEE_CALL, c.getClaimed(), date);
        if (proposal != null) {
            c.awaitApproval(proposal.id());
            em.flush();
            return new GuaranteeViews.Payment(call(c, recoveries(c)), proposal);
        }
        LedgerMovement m = g.pay(c, date, caller.email(), now());
        em.persist(m);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.GUARANTEE_CALL, m.getKind() + " "
                + m.getAmount().amount().toPlainString() + " EUR on " + m.getOccurredOn() + " (call " + c.getId() + ")");
        return new GuaranteeViews.Payment(call(c, recoveries(c)), null);
    }

    /** Money recovered after a call was paid, up to what was paid: a GUARANTEE_RECOVERY ledger movement. */
    @RolesAllowed(Roles.ADVISOR)
    public GuaranteeViews.Recovery recover(long allocationId, long callId, @Valid GuaranteeInputs.Recovery input) {
        Allocation a = locked(allocationId);
        GuaranteedLoan g = required(a);
        GuaranteeCall c = callOf(g, callId);
        GuaranteeRecovery r = g.recover(c, Money.of(input.amount()), input.date() == null ? today() : input.date(),
                caller.email(), now());
        em.persist(r);
        LedgerMovement m = g.movementOf(r);
        em.persist(m);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.GUARANTEE_RECOVERY, m.getKind() + " "
                + m.getAmount().amount().toPlainString() + " EUR on " + m.getOccurredOn() + " (call " + c.getId()
                + ", recovered " + c.getRecovered().amount().toPlainString() + " of " + c.getClaimed().amount().toPlainString() + ")");
        return recovery(r);
    }

    /**
     * Ends the guarantee at the end of the bank loan (or once its call is paid): what the allocation
     * still commits beyond what was paid goes back to the fund (a RELEASE movement).
     */
    @RolesAllowed(Roles.ADVISOR)
    public GuaranteeViews.Guarantee release(long allocationId, LocalDate on) {
        Allocation a = locked(allocationId);
        GuaranteedLoan g = required(a);
        LocalDate date = on == null ? today() : on;
        boolean pending = calls(g).stream().anyMatch(c -> c.getStatus() == GuaranteeCallStatus.CLAIMED);
        LedgerMovement m = g.release(date, pending, caller.email(), now());
        if (m != null) {
            em.persist(m);
            em.createNativeQuery("UPDATE convention SET allocated = allocated - ?1 WHERE id = ?2")
                    .setParameter(1, m.getAmount().amount()).setParameter(2, a.getConvention().getId()).executeUpdate();
        }
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.GUARANTEE_RELEASED, "guarantee of "
                + g.getBankName() + " released on " + date + (m == null ? ", nothing left to give back"
                : ", RELEASE " + m.getAmount().amount().toPlainString() + " EUR"));
        return view(g, date);
    }

    /**
     * The caller's exposure per convention as of {@code asOf} (today when null), computed in SQL: for
     * each convention with guarantees, the guaranteed outstanding of the running ones (the quota of the
     * bank's outstanding capital then, rounded half up per guarantee), the calls claimed and not yet
     * paid, those paid and what was recovered. A partner sees its conventions, staff their association's.
     */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<GuaranteeViews.Exposure> exposure(LocalDate asOf) {
        List<GuaranteeViews.Exposure> out = new ArrayList<>();
        for (Object[] r : exposureRows(asOf, "c.id, c.reference, pa.name", 3)) {
            BigDecimal exposed = Columns.decimal(r[4]);
            BigDecimal claimed = Columns.decimal(r[5]);
            out.add(new GuaranteeViews.Exposure(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue(), exposed, claimed, Columns.decimal(r[6]), Columns.decimal(r[7]), exposed.add(claimed)));
        }
        return out;
    }

    /** The same figures per bank (the guaranteed loans' lenders), over the conventions the caller may see. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<GuaranteeViews.BankExposure> exposureByBank(LocalDate asOf) {
        List<GuaranteeViews.BankExposure> out = new ArrayList<>();
        for (Object[] r : exposureRows(asOf, "gl.bank_name", 1)) {
            BigDecimal exposed = Columns.decimal(r[2]);
            BigDecimal claimed = Columns.decimal(r[3]);
            out.add(new GuaranteeViews.BankExposure((String) r[0], ((Number) r[1]).longValue(), exposed, claimed, Columns.decimal(r[4]),
                    Columns.decimal(r[5]), exposed.add(claimed)));
        }
        return out;
    }

    /** The same figures summed over all the guarantees the caller may see (the network's for a national administrator). */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public GuaranteeViews.ExposureTotal exposureTotal(LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        UserAccount me = caller.account();
        String scope = me.hasRole(Role.PARTNER) && me.getPartner() != null ? "PARTNER"
                : me.getAssociation() != null ? "ASSOCIATION" : "NETWORK";
        List<Object[]> rows = exposureRows(d, "'ALL'", 1);
        if (rows.isEmpty()) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new GuaranteeViews.ExposureTotal(d, scope, 0, zero, zero, zero, zero, zero);
        }
        Object[] r = rows.get(0);
        BigDecimal exposed = Columns.decimal(r[2]);
        BigDecimal claimed = Columns.decimal(r[3]);
        return new GuaranteeViews.ExposureTotal(d, scope, ((Number) r[1]).longValue(), exposed, claimed, Columns.decimal(r[4]),
                Columns.decimal(r[5]), exposed.add(claimed));
    }

    /**
     * One statement: per guarantee its figures on the date (a sub-select each), summed per group
     * ({@code keys}, {@code keyCount} columns: the convention, or the bank); rows are the keys, the
     * number of guarantees, the guaranteed outstanding, claimed unpaid, paid, recovered.
     */
    private List<Object[]> exposureRows(LocalDate asOf, String keys, int keyCount) {
        LocalDate d = asOf == null ? today() : asOf;
        ConventionScope scope = ConventionScope.of(caller.account());
        String where = scope.sql().replace("?", "?2");
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < keyCount; i++) {
            k.append(i == 0 ? "" : ", ").append("t.k").append(i);
        }
        String[] inner = keys.split(",\\s*");
        StringBuilder innerKeys = new StringBuilder();
        for (int i = 0; i < keyCount; i++) {
            innerKeys.append(inner[i]).append(" AS k").append(i).append(", ");
        }
        String sql = "SELECT " + k + ", COUNT(*), SUM(t.exposed), SUM(t.claimed), SUM(t.paid), SUM(t.recovered)"
                + " FROM (SELECT " + innerKeys
                + " CASE WHEN gl.start_date <= ?1 AND (gl.released_on IS NULL OR gl.released_on > ?1)"
                + " AND NOT EXISTS (SELECT 1 FROM guarantee_call k WHERE k.loan_id = gl.id AND k.default_date <= ?1)"
                + " THEN ROUND(gl.quota * (gl.amount - COALESCE((SELECT SUM(l.capital) FROM guaranteed_loan_line l"
                + " WHERE l.loan_id = gl.id AND l.due_date <= ?1), 0)) * 0.01, 2) ELSE 0 END AS exposed,"
                + " COALESCE((SELECT SUM(k.claimed) FROM guarantee_call k WHERE k.loan_id = gl.id AND k.default_date <= ?1"
                + " AND (k.paid_on IS NULL OR k.paid_on > ?1)), 0) AS claimed,"
                + " COALESCE((SELECT SUM(k.claimed) FROM guarantee_call k WHERE k.loan_id = gl.id AND k.paid_on <= ?1), 0) AS paid,"
                + " COALESCE((SELECT SUM(r.amount) FROM guarantee_recovery r WHERE r.loan_id = gl.id"
                + " AND r.received_on <= ?1), 0) AS recovered"
                + " FROM guaranteed_loan gl JOIN allocation al ON al.id = gl.allocation_id"
                + " JOIN convention c ON c.id = al.convention_id JOIN partner pa ON pa.id = c.partner_id"
                + " WHERE " + where + ") t GROUP BY " + k + " ORDER BY " + (keyCount > 1 ? "t.k1" : "t.k0");
        var q = em.createNativeQuery(sql).setParameter(1, Date.valueOf(d));
        if (!scope.parameters().isEmpty()) {
            q.setParameter(2, scope.parameters().get(0));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object o : q.setMaxResults(500).getResultList()) {
            rows.add((Object[]) o);
        }
        return rows;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private GuaranteedLoan loanOf(Allocation a) {
        return em.createQuery("SELECT g FROM GuaranteedLoan g WHERE g.allocation = :a", GuaranteedLoan.class)
                .setParameter("a", a).getResultList().stream().findFirst().orElse(null);
    }

    private GuaranteedLoan required(Allocation a) {
        GuaranteedLoan g = loanOf(a);
        if (g == null) {
            throw new NotFoundException("guarantee");
        }
        return g;
    }

    private List<GuaranteeCall> calls(GuaranteedLoan g) {
        return em.createQuery("SELECT c FROM GuaranteeCall c WHERE c.loan = :g ORDER BY c.id", GuaranteeCall.class)
                .setParameter("g", g).getResultList();
    }

    private GuaranteeCall callOf(GuaranteedLoan g, long callId) {
        GuaranteeCall c = em.find(GuaranteeCall.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.getLoan().getId().equals(g.getId())) {
            throw new NotFoundException("guaranteeCall");
        }
        return c;
    }

    private List<GuaranteeRecovery> recoveries(GuaranteeCall c) {
        return em.createQuery("SELECT r FROM GuaranteeRecovery r WHERE r.call = :c ORDER BY r.receivedOn, r.id",
                GuaranteeRecovery.class).setParameter("c", c).getResultList();
    }

    private Allocation staffs(long id) {
        Allocation a = em.find(Allocation.class, id);
        if (a == null || !Access.isStaffOf(caller.account(), a.getLine().getDecision().getApplication().getEnterprise())) {
            throw new NotFoundException("guarantee");
        }
        return a;
    }

    /** An allocation of the advisor's association, locked: its convention's row first, as allocating does. */
    private Allocation locked(long id) {
        Allocation a = staffs(id);
        return Locking.allocation(em, a);
    }

    private GuaranteeViews.Guarantee view(GuaranteedLoan g, LocalDate asOf) {
        Allocation a = g.getAllocation();
        Application app = a.getLine().getDecision().getApplication();
        List<GuaranteeCall> calls = calls(g);
        Map<Long, List<GuaranteeRecovery>> byCall = calls.isEmpty() ? Map.of()
                : em.createQuery("SELECT r FROM GuaranteeRecovery r WHERE r.loan = :g ORDER BY r.receivedOn, r.id",
                        GuaranteeRecovery.class).setParameter("g", g).getResultList().stream()
                .collect(Collectors.groupingBy(r -> r.getCall().getId()));
        return new GuaranteeViews.Guarantee(a.getId(), app.getReference().toString(), app.getId(),
                app.getEnterprise().getLegalName(), a.getConvention().getReference(), a.active().amount(),
                a.getCalled().amount(), g.getBankName(), g.getAmount().amount(), g.getAnnualRate(), g.getDurationMonths(),
                g.getStartDate(), g.getEndDate(), g.getQuota(), g.getGuaranteed().amount(), g.getCommissionRate(),
                g.getCommission().amount(), g.getStatus().name(), g.getReleasedOn(), asOf, g.outstandingAt(asOf).amount(),
                g.guaranteedAt(asOf).amount(),
                calls.stream().map(c -> call(c, byCall.getOrDefault(c.getId(), List.of()))).toList());
    }

    private static GuaranteeViews.Call call(GuaranteeCall c, List<GuaranteeRecovery> recoveries) {
        return new GuaranteeViews.Call(c.getId(), c.getDefaultDate(), c.getOutstandingAtDefault().amount(), c.getCap().amount(),
                c.getClaimed().amount(), c.getStatus().name(), c.getProposalId(), c.getPaidOn(), c.getPaidBy(),
                c.getRecovered().amount(), c.getRecordedBy(), recoveries.stream().map(GuaranteeService::recovery).toList());
    }

    private static GuaranteeViews.Recovery recovery(GuaranteeRecovery r) {
        return new GuaranteeViews.Recovery(r.getId(), r.getCall().getId(), r.getAmount().amount(), r.getReceivedOn(),
                r.getRecordedBy());
    }

    private static GuaranteeViews.Schedule schedule(GuaranteedLoan g) {
        List<GuaranteeViews.Line> lines = new ArrayList<>();
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        for (GuaranteedLoanLine l : g.getLines()) {
            interest = interest.add(l.getInterest().amount());
            lines.add(new GuaranteeViews.Line(l.getNumber(), l.getDueDate(), l.getCapital().amount(), l.getInterest().amount(),
                    l.getCapital().plus(l.getInterest()).amount(), l.getRemaining().amount(),
                    GuaranteedLoan.share(l.getRemaining(), g.getQuota()).amount()));
        }
        return new GuaranteeViews.Schedule(g.getAllocation().getId(), g.getBankName(), g.getAmount().amount(), g.getAnnualRate(),
                g.getDurationMonths(), g.getStartDate(), g.getEndDate(), g.getQuota(), interest, List.copyOf(lines));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AllocationService.NETWORK_ZONE));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
