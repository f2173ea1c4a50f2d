package fr.essor.service.convention;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.committee.GrantedLine;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.Convention;
import fr.essor.model.convention.ConventionKind;
import fr.essor.model.convention.ConventionStatus;
import fr.essor.model.convention.LedgerMovement;
import fr.essor.model.convention.ProposalKind;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.service.agreement.AgreementService;
import fr.essor.service.application.ApplicationAccess;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.committee.ConditionService;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.InvariantViolatedException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Advisors put convention money on granted lines and follow it: allocation, disbursement in
 * tranches, release of what is unused, repayment schedule of honour loans, repayments, write-off,
 * guarantee calls. Invariants 1 to 4 hold under concurrency: the convention row and then the
 * granted line's row are locked before the sums are read and the allocation written.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class AllocationService extends UseCaseService {

    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    @Inject
    private ApplicationAccess applications;

    @Inject
    private ConventionDashboard dashboard;

    // issue 13: conditions precedent and four eyes on money gate the movements below
    @EJB
    private ConditionService conditions;

    @EJB
    private FourEyesService fourEyes;

    // issue 13, item 2: a file is contracted only once its generated agreements are signed
    @EJB
    private AgreementService agreements;

    private final Clock clock = Clock.systemUTC();

    /** Approved lines of the caller's association with what is allocated to them, paged in SQL. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public Page<ConventionViews.LineRow> lines(boolean unallocatedOnly, int first, int size) {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? "1 = 1" : "e.association_id = " + me.getAssociation().getId();
        String having = unallocatedOnly ? " HAVING g.amount > COALESCE(SUM(al.amount - al.released), 0)" : "";
        String from = " FROM granted_line g JOIN decision d ON d.id = g.decision_id JOIN application ap ON ap.id = d.application_id"
                + " JOIN enterprise e ON e.id = ap.enterprise_id"
                + " LEFT JOIN allocation al ON al.granted_line_id = g.id AND al.status <> 'RELEASED'";
        String where = " WHERE " + scope + " AND d.outcome = 'APPROVED' AND ap.status IN ('APPROVED', 'CONTRACTED', 'CLOSED')";
        String group = " GROUP BY g.id, ap.reference, ap.id, e.legal_name, e.department, g.instrument, g.amount, d.decision_date,"
                + " g.duration_months";
        int pageSize = Page.clampSize(size);
        List<?> rows = em.createNativeQuery("SELECT g.id, ap.reference, ap.id, e.legal_name, e.department, g.instrument, g.amount,"
                + " COALESCE(SUM(al.amount - al.released), 0), d.decision_date, g.duration_months" + from + where + group + having
                + " ORDER BY d.decision_date DESC, g.id LIMIT " + pageSize + " OFFSET " + Math.max(0, first)).getResultList();
        long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT g.id" + from + where + group + having + ") t")
                .getSingleResult()).longValue();
        List<ConventionViews.LineRow> items = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            BigDecimal granted = Columns.decimal(r[6]);
            BigDecimal allocated = Columns.decimal(r[7]);
            items.add(new ConventionViews.LineRow(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                    (String) r[3], (String) r[4], (String) r[5], granted, allocated, granted.subtract(allocated),
                    Columns.date(r[8]), r[9] == null ? null : ((Number) r[9]).intValue()));
        }
        return new Page<>(items, total, Math.max(0, first), pageSize);
    }

    /** The conventions that could fund a line, with what they have left, most left first. */
    @RolesAllowed(Roles.ADVISOR)
    public List<ConventionViews.Summary> eligible(long lineId) {
        GrantedLine line = line(lineId);
        List<Convention> candidates = em.createQuery("SELECT c FROM Convention c WHERE c.association = :a"
                        + " AND c.status = fr.essor.model.convention.ConventionStatus.ACTIVE", Convention.class)
                .setParameter("a", line.getDecision().getApplication().association()).getResultList();
        return candidates.stream().filter(c -> c.refusal(line).isEmpty()).map(c -> dashboard.figures(c.getId()))
                .filter(s -> s.remaining().signum() > 0)
                .sorted((x, y) -> y.remaining().compareTo(x.remaining())).toList();
    }

    /**
     * What allocating reads, in one statement after the line's lock: the convention's and the line's
     * fields, the convention's rules as "accepted" flags (a rule table with no entry accepts all), and
     * what is already allocated to the line (read after the lock, so it includes what the transaction
     * that held the lock before committed: READ COMMITTED, one snapshot per statement).
     */
    private static final String ALLOCATION_CHECKS = "SELECT c.reference, c.kind, c.status, c.association_id, c.partner_id,"
            + " c.period_start, c.period_end,"
            + " g.amount, g.instrument, d.outcome, d.decision_date, ap.status, ap.reference, ap.id, e.association_id,"
            + " e.legal_name, e.department,"
            + " CASE WHEN NOT EXISTS (SELECT 1 FROM convention_instrument x WHERE x.convention_id = c.id)"
            + " OR EXISTS (SELECT 1 FROM convention_instrument x WHERE x.convention_id = c.id AND x.instrument = g.instrument)"
            + " THEN 1 ELSE 0 END,"
            + " CASE WHEN NOT EXISTS (SELECT 1 FROM convention_department x WHERE x.convention_id = c.id)"
            + " OR EXISTS (SELECT 1 FROM convention_department x WHERE x.convention_id = c.id AND x.department = e.department)"
            + " THEN 1 ELSE 0 END,"
            + " CASE WHEN NOT EXISTS (SELECT 1 FROM convention_legal_form x WHERE x.convention_id = c.id)"
            + " OR EXISTS (SELECT 1 FROM convention_legal_form x WHERE x.convention_id = c.id AND x.legal_form = e.legal_form)"
            + " THEN 1 ELSE 0 END,"
            + " CASE WHEN NOT EXISTS (SELECT 1 FROM convention_stage x WHERE x.convention_id = c.id)"
            + " OR EXISTS (SELECT 1 FROM convention_stage x WHERE x.convention_id = c.id AND x.stage = ap.stage)"
            + " THEN 1 ELSE 0 END,"
            + " (SELECT COALESCE(SUM(al.amount - al.released), 0) FROM allocation al WHERE al.granted_line_id = g.id"
            + " AND al.status <> 'RELEASED')"
            + " FROM convention c, granted_line g JOIN decision d ON d.id = g.decision_id"
            + " JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
            + " WHERE c.id = ? AND g.id = ?";

    /**
     * Allocates convention money to a granted line. Refused with 409 and the amount still available
     * when the convention's remaining amount or the line's unallocated amount would be exceeded.
     *
     * <p>The minimal transaction (issue 15): lock the line's row; read every check in one join (above);
     * take the money from the convention's running total with one conditional update, whose count is
     * the guard (the database refuses a second allocation that would overdraw it, under any
     * concurrency); insert the allocation and its ledger movement; append the audit event (one insert,
     * no shared lock). No rule collection is loaded, no ledger summed: the partner's figures stay sums
     * of the ledger, the kept total only guards.
     */
    @RolesAllowed(Roles.ADVISOR)
    public ConventionViews.AllocationRow allocate(long conventionId, long lineId, BigDecimal amount) {
        Money money = amount("amount", amount);
        UserAccount me = caller.account();
        // the line's lock first: what is allocated to it is read after, and two allocations of one line take turns
        boolean lineExists = !em.createNativeQuery("SELECT id FROM granted_line WHERE id = ? FOR UPDATE")
                .setParameter(1, lineId).getResultList().isEmpty();
        List<?> found = lineExists ? em.createNativeQuery(ALLOCATION_CHECKS).setParameter(1, conventionId)
                .setParameter(2, lineId).getResultList() : List.of();
        if (found.isEmpty()) {
            // which one is missing, with the same answers as before (convention first)
            Convention convention = em.find(Convention.class, conventionId);
            if (convention == null || !ConventionService.canSee(me, convention)) {
                throw new NotFoundException("convention");
            }
            throw new NotFoundException("decisionLine");
        }
        Object[] r = (Object[]) found.get(0);
        String conventionRef = (String) r[0];
        long conventionAssociation = ((Number) r[3]).longValue();
        if (!ConventionService.canSee(me, ((Number) r[4]).longValue(), conventionAssociation)) {
            throw new NotFoundException("convention");
        }
        long lineAssociation = ((Number) r[14]).longValue();
        if (!Access.isStaffOf(me, lineAssociation)) {
            throw new NotFoundException("decisionLine");
        }
        ApplicationStatus status = ApplicationStatus.valueOf((String) r[11]);
        if (DecisionOutcome.valueOf((String) r[9]) != DecisionOutcome.APPROVED
                || !(status == ApplicationStatus.APPROVED || status == ApplicationStatus.CONTRACTED)) {
            throw new ConflictException("CONVENTION_RULE", "allocation.lineNotApproved");
        }
        Convention.refusal(ConventionKind.valueOf((String) r[1]), ConventionStatus.valueOf((String) r[2]),
                conventionAssociation == lineAssociation, Columns.date(r[10]), Columns.date(r[5]),
                Columns.date(r[6]), flag(r[17]), flag(r[18]), flag(r[19]), flag(r[20])).ifPresent(key -> {
                    throw RuleException.convention(key, conventionRef);
                });
        Money unallocated = Money.of(Columns.decimal(r[7])).minus(Money.of(Columns.decimal(r[21])));
        // the guard: the convention's running total moves only if what remains covers the amount
        int taken = em.createNativeQuery("UPDATE convention SET allocated = allocated + ?1 WHERE id = ?2"
                        + " AND amount - allocated + CASE WHEN revolving THEN repaid ELSE 0 END >= ?1")
                .setParameter(1, money.amount()).setParameter(2, conventionId).executeUpdate();
        if (taken != 1) {
            // refused: what remains, as the partner sees it, summed from the ledger
            throw RuleException.overLimit("allocation.overConvention",
                    dashboard.figures(conventionId).remaining().max(BigDecimal.ZERO));
        }
        Allocation allocation = Allocation.guarded(em.getReference(Convention.class, conventionId),
                em.getReference(GrantedLine.class, lineId), money, unallocated, today(), me.getEmail(), now());
        em.persist(allocation);
        em.persist(allocation.commitment());
        em.flush();
        audit.record(me.getEmail(), "Allocation", allocation.getId(), AuditAction.ALLOCATE, money.amount().toPlainString()
                + " EUR of " + conventionRef + " to line " + lineId + " of " + r[12]);
        // the answer from what was read: a new allocation has nothing released or disbursed yet
        return new ConventionViews.AllocationRow(allocation.getId(), conventionId, conventionRef, lineId, (String) r[12],
                ((Number) r[13]).longValue(), (String) r[15], (String) r[16], (String) r[8],
                money.amount().setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), allocation.getAllocatedOn(),
                allocation.getStatus().name());
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private Money allocatedTo(GrantedLine line) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(amount - released), 0) FROM allocation"
                + " WHERE granted_line_id = ? AND status <> 'RELEASED'").setParameter(1, line.getId()).getSingleResult();
        return Money.of(Columns.decimal(sum));
    }

    /**
     * Pays out a tranche: refused with 409 naming it while a condition precedent holds the line back;
     * above the association's four-eyes threshold, recorded as a proposal for a second person.
     */
    @RolesAllowed(Roles.ADVISOR)
    public MoneyOutcome disburse(long allocationId, BigDecimal amount, LocalDate on) {
        Money tranche = amount("amount", amount);
        Allocation a = locked(allocationId);
        conditions.requireLifted(a.getLine().getId());
        FourEyesViews.Proposal proposal = fourEyes.proposeAbove(a, ProposalKind.DISBURSEMENT, tranche, date(on));
        if (proposal != null) {
            return MoneyOutcome.proposed(proposal);
        }
        LedgerMovement m = a.disburse(tranche, date(on), caller.email(), now());
        return MoneyOutcome.done(saved(a, m, AuditAction.DISBURSE));
    }

    @RolesAllowed(Roles.ADVISOR)
    public ConventionViews.AllocationRow release(long allocationId) {
        Allocation a = locked(allocationId);
        LedgerMovement m = a.release(today(), caller.email(), now());
        return saved(a, m, AuditAction.RELEASE);
    }

    /**
     * Generates the monthly repayment schedule of a disbursed honour loan. A schedule of which
     * nothing is paid yet is replaced (for instance after another tranche or to move the first due
     * date); once an instalment is paid, late or written off it is refused with 409.
     */
    @RolesAllowed(Roles.ADVISOR)
    public List<ConventionViews.InstalmentRow> schedule(long allocationId, LocalDate firstDue) {
        if (firstDue == null) {
            throw new InvalidInputException("firstDueDate", "field.required");
        }
        Allocation a = locked(allocationId);
        if (a.dropUnpaidSchedule()) {
            // the old instalments are deleted before the new ones, which reuse their numbers, are inserted
            em.flush();
        }
        a.scheduleRepayments(firstDue);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.SCHEDULE, a.getInstalments().size()
                + " monthly instalments from " + firstDue);
        return instalments(a);
    }

    @RolesAllowed(Roles.ADVISOR)
    public List<ConventionViews.InstalmentRow> pay(long allocationId, long instalmentId, LocalDate on) {
        Allocation a = locked(allocationId);
        LedgerMovement m = a.pay(instalmentId, date(on), caller.email(), now());
        saved(a, m, AuditAction.REPAYMENT);
        return instalments(a);
    }

    /** Writes off what is still due; above the four-eyes threshold, a proposal for a second person. */
    @RolesAllowed(Roles.ADVISOR)
    public MoneyOutcome writeOff(long allocationId) {
        Allocation a = locked(allocationId);
        FourEyesViews.Proposal proposal = fourEyes.proposeAbove(a, ProposalKind.WRITE_OFF, null, today());
        if (proposal != null) {
            return MoneyOutcome.proposed(proposal);
        }
        LedgerMovement m = a.writeOff(today(), caller.email(), now());
        ConventionViews.AllocationRow row = saved(a, m, AuditAction.WRITE_OFF);
        return MoneyOutcome.done(row, instalments(a));
    }

    /** Records a bank's call on a guarantee; above the four-eyes threshold, a proposal for a second person. */
    @RolesAllowed(Roles.ADVISOR)
    public MoneyOutcome callGuarantee(long allocationId, BigDecimal amount, LocalDate on) {
        Money claimed = amount("amount", amount);
        Allocation a = locked(allocationId);
        FourEyesViews.Proposal proposal = fourEyes.proposeAbove(a, ProposalKind.GUARANTEE_CALL, claimed, date(on));
        if (proposal != null) {
            return MoneyOutcome.proposed(proposal);
        }
        LedgerMovement m = a.callGuarantee(claimed, date(on), caller.email(), now());
        return MoneyOutcome.done(saved(a, m, AuditAction.GUARANTEE_CALL));
    }

    /** The file is contracted once every granted line is fully allocated. */
    @RolesAllowed(Roles.ADVISOR)
    public void markContracted(long applicationId) {
        Application app = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (app == null || !Access.isStaffOf(caller.account(), app.getEnterprise())) {
            throw new NotFoundException("application");
        }
        agreements.requireSigned(app.getId());
        List<GrantedLine> lines = em.createQuery("SELECT g FROM GrantedLine g WHERE g.decision.application = :a"
                        + " AND g.decision.outcome = fr.essor.model.application.DecisionOutcome.APPROVED", GrantedLine.class)
                .setParameter("a", app).getResultList();
        BigDecimal missing = BigDecimal.ZERO;
        for (GrantedLine g : lines) {
            missing = missing.add(g.getLine().getAmount().minus(allocatedTo(g)).amount());
        }
        if (lines.isEmpty() || missing.signum() > 0) {
            throw new InvariantViolatedException("contract.linesNotCovered", missing, missing);
        }
        app.markContracted(caller.email(), now());
        em.flush();
        audit.record(caller.email(), "Application", app.getId(), AuditAction.CONTRACTED, "All granted lines covered");
    }

    /** One allocation with what it funds. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public ConventionViews.AllocationRow allocation(long allocationId) {
        Allocation a = em.find(Allocation.class, allocationId);
        if (a == null || !ConventionService.canSee(caller.account(), a.getConvention())) {
            throw new NotFoundException("allocation");
        }
        return row(allocationId);
    }

    /** The repayment schedule of an allocation. */
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.InstalmentRow> instalments(long allocationId) {
        Allocation a = em.find(Allocation.class, allocationId);
        if (a == null || !ConventionService.canSee(caller.account(), a.getConvention())) {
            throw new NotFoundException("allocation");
        }
        return instalments(a);
    }

    /** The allocations of one granted line of the caller's association, oldest first (a line has a handful). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.AllocationRow> allocationsOfLine(long lineId) {
        line(lineId);
        return dashboard.allocationsOfLine(lineId);
    }

    /**
     * Approved files of the caller's association whose granted lines are all covered by allocations
     * and that are not yet contracted, oldest decision first, at most {@code limit} (up to 200).
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.ContractCandidate> toContract(int limit) {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? "1 = 1" : "e.association_id = " + me.getAssociation().getId();
        List<?> rows = em.createNativeQuery("SELECT ap.id, ap.reference, e.legal_name, SUM(g.amount), MIN(d.decision_date)"
                + " FROM application ap JOIN enterprise e ON e.id = ap.enterprise_id"
                + " JOIN decision d ON d.application_id = ap.id AND d.outcome = 'APPROVED'"
                + " JOIN granted_line g ON g.decision_id = d.id"
                + " WHERE " + scope + " AND ap.status = 'APPROVED'"
                + " AND NOT EXISTS (SELECT 1 FROM decision d2 JOIN granted_line g2 ON g2.decision_id = d2.id"
                + " WHERE d2.application_id = ap.id AND d2.outcome = 'APPROVED' AND g2.amount > (SELECT"
                + " COALESCE(SUM(al.amount - al.released), 0) FROM allocation al WHERE al.granted_line_id = g2.id"
                + " AND al.status <> 'RELEASED'))"
                + " GROUP BY ap.id, ap.reference, e.legal_name ORDER BY 5, ap.id LIMIT " + Page.clampSize(limit))
                .getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new ConventionViews.ContractCandidate(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    Columns.decimal(r[3]));
        }).toList();
    }

    /**
     * The repayment schedules of the honour loans of one of the caller's own applications, once it is
     * contracted: instalments only, nothing about the conventions or partners that fund them.
     */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public List<ConventionViews.RepaymentSchedule> repaymentSchedule(long applicationId) {
        Application app = applications.visible(applicationId);
        if (!app.getEnterprise().isOwnedBy(caller.account())) {
            throw new NotFoundException("application");
        }
        if (app.getStatus() != ApplicationStatus.CONTRACTED && app.getStatus() != ApplicationStatus.CLOSED) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("SELECT i.allocation_id, i.number, i.due_date, i.amount, i.paid_on, i.status,"
                        + " COALESCE(i.capital, i.amount), COALESCE(i.interest, 0), i.paid_capital + i.paid_interest"
                        + " FROM instalment i JOIN allocation al ON al.id = i.allocation_id"
                        + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                        + " WHERE d.application_id = ? AND g.instrument IN ('HONOUR_LOAN', 'QUASI_EQUITY') ORDER BY i.allocation_id, i.number"
                        + " LIMIT 2000")
                .setParameter(1, applicationId).getResultList();
        List<ConventionViews.RepaymentSchedule> schedules = new ArrayList<>();
        long current = -1;
        List<ConventionViews.Repayment> instalments = null;
        BigDecimal total = BigDecimal.ZERO;
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            long allocation = ((Number) r[0]).longValue();
            if (allocation != current) {
                if (instalments != null) {
                    schedules.add(new ConventionViews.RepaymentSchedule(schedules.size() + 1, total, List.copyOf(instalments)));
                }
                current = allocation;
                instalments = new ArrayList<>();
                total = BigDecimal.ZERO;
            }
            BigDecimal amount = Columns.decimal(r[3]);
            total = total.add(amount);
            instalments.add(new ConventionViews.Repayment(((Number) r[1]).intValue(), Columns.date(r[2]), amount,
                    Columns.date(r[4]), (String) r[5], Columns.decimal(r[6]),
                    Columns.decimal(r[7]), Columns.decimal(r[8])));
        }
        if (instalments != null) {
            schedules.add(new ConventionViews.RepaymentSchedule(schedules.size() + 1, total, List.copyOf(instalments)));
        }
        return schedules;
    }

    /** Guarantee exposure of the caller's association: per bank, or per fund (convention). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public List<ConventionViews.Exposure> exposure(boolean perBank) {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? "1 = 1" : "c.association_id = " + me.getAssociation().getId();
        String key = perBank ? "COALESCE(g.bank_name, '—')" : "c.reference";
        List<?> rows = em.createNativeQuery("SELECT " + key + ", SUM(al.amount - al.released), SUM(al.called)"
                + " FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN convention c ON c.id = al.convention_id"
                + " WHERE " + scope + " AND g.instrument = 'GUARANTEE' AND al.status <> 'RELEASED' GROUP BY " + key
                + " ORDER BY 2 DESC").getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            BigDecimal guaranteed = Columns.decimal(r[1]);
            BigDecimal called = Columns.decimal(r[2]);
            return new ConventionViews.Exposure((String) r[0], guaranteed, called, guaranteed.subtract(called));
        }).toList();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ConventionViews.AllocationRow saved(Allocation a, LedgerMovement m, AuditAction action) {
        em.persist(m);
        keepTotals(a, m);
        em.flush();
        ConventionViews.AllocationRow row = row(a.getId());
        // last: the audit append holds the chain head's lock until commit
        audit.record(caller.email(), "Allocation", a.getId(), action, m.getKind() + " " + m.getAmount().amount().toPlainString()
                + " EUR on " + m.getOccurredOn());
        return row;
    }

    /**
     * The convention's running totals follow its ledger: a release gives back to {@code allocated}, a
     * repayment adds to {@code repaid} (what a revolving fund may lend again). The convention's row is
     * locked already ({@link #locked}).
     */
    private void keepTotals(Allocation a, LedgerMovement m) {
        String set = switch (m.getKind()) {
            case RELEASE -> "allocated = allocated - ?1";
            case REPAYMENT -> "repaid = repaid + ?1";
            default -> null;
        };
        if (set != null) {
            em.createNativeQuery("UPDATE convention SET " + set + " WHERE id = ?2")
                    .setParameter(1, m.getAmount().amount()).setParameter(2, a.getConvention().getId()).executeUpdate();
        }
    }

    private ConventionViews.AllocationRow row(long id) {
        return dashboard.allocation(id);
    }

    private static List<ConventionViews.InstalmentRow> instalments(Allocation a) {
        return a.getInstalments().stream().map(i -> new ConventionViews.InstalmentRow(i.getId() == null ? 0 : i.getId(),
                i.getNumber(), i.getDueDate(), i.getAmount().amount(), i.getPaidOn(), i.getStatus().name(),
                i.getCapital().amount(), i.getInterest().amount(), i.getPaidCapital().amount(), i.getPaidInterest().amount()))
                .toList();
    }

    private GrantedLine line(long lineId) {
        GrantedLine line = em.find(GrantedLine.class, lineId);
        if (line == null || !Access.isStaffOf(caller.account(), line.getDecision().getApplication().getEnterprise())) {
            throw new NotFoundException("decisionLine");
        }
        return line;
    }

    /** An allocation of the advisor's association, locked (its convention row first, as allocating does). */
    private Allocation locked(long id) {
        Allocation a = em.find(Allocation.class, id);
        UserAccount me = caller.account();
        if (a == null || !Access.isStaffOf(me, a.getLine().getDecision().getApplication().getEnterprise())) {
            throw new NotFoundException("allocation");
        }
        return Locking.allocation(em, a);
    }

    private static Money amount(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException(field, "field.required");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "amount.tooPrecise", 1);
        }
        if (value.signum() <= 0) {
            throw new InvalidInputException(field, "amount.mustBePositive");
        }
        if (value.compareTo(new BigDecimal("9999999999999.99")) > 0) {
            throw new InvalidInputException(field, "amount.tooLarge", 1);
        }
        return Money.of(value);
    }

    private LocalDate date(LocalDate on) {
        return on == null ? today() : on;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NETWORK_ZONE));
    }

    private Instant now() {
        return Instant.now(clock);
    }

}
