package fr.essor.service.convention;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.convention.Allocation;
import fr.essor.model.convention.LedgerMovement;
import fr.essor.model.convention.MoneyProposal;
import fr.essor.model.convention.ProposalKind;
import fr.essor.model.convention.ProposalStatus;
import fr.essor.model.shared.Money;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.committee.ConditionService;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
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
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Four eyes on money (issue 13, invariant 8): a disbursement, a write-off or a guarantee call above
 * the association's threshold is recorded as a proposal, and executed only when another advisor of
 * the association or its administrator approves it. Two approvers at once: the proposal's version
 * decides, the second is told it was decided meanwhile.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class FourEyesService extends UseCaseService {

    @Inject
    private ConventionDashboard dashboard;

    @EJB
    private ConditionService conditions;

    private final Clock clock = Clock.systemUTC();

    /**
     * Called by {@link AllocationService} with the allocation locked: above the threshold, records the
     * proposal (after a dry run of the movement on the model, so that what cannot be done is refused
     * now) and returns it; at or below, returns null and the caller moves the money at once.
     */
    @RolesAllowed(Roles.ADVISOR)
    public FourEyesViews.Proposal proposeAbove(Allocation a, ProposalKind kind, Money amount, LocalDate on) {
        Association association = a.getLine().getDecision().getApplication().getEnterprise().getAssociation();
        Money moved = kind == ProposalKind.WRITE_OFF ? a.remainingCapital() : amount;
        if (!MoneyProposal.needsSecondPerson(moved, association.getFourEyesThreshold())) {
            return null;
        }
        long pending = em.createQuery("SELECT COUNT(p) FROM MoneyProposal p WHERE p.allocation = :a AND p.status = :s",
                Long.class).setParameter("a", a).setParameter("s", ProposalStatus.PROPOSED).getSingleResult();
        if (pending > 0) {
            throw new ConflictException("FOUR_EYES", "approval.pendingExists");
        }
        // the dry run: the model refuses now what it would refuse at approval; the entity is then read again
        move(a, kind, amount, on, caller.email());
        em.refresh(a);
        MoneyProposal p = new MoneyProposal(a, association.getId(), kind, moved, on, caller.email(), now());
        em.persist(p);
        em.flush();
        audit.record(caller.email(), "Allocation", a.getId(), AuditAction.MONEY_PROPOSED, "Proposal " + p.getId() + ": " + kind
                + " " + moved.amount().toPlainString() + " EUR on " + on + " (threshold "
                + association.getFourEyesThreshold().amount().toPlainString() + " EUR)");
        return view(p, caller.email());
    }

    /** The proposals waiting for the caller: of their association, proposed by someone else, oldest first, paged in SQL. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public Page<FourEyesViews.Proposal> waiting(int first, int size) {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? "" : " AND p.associationId = " + me.getAssociation().getId();
        String where = " WHERE p.status = fr.essor.model.convention.ProposalStatus.PROPOSED AND LOWER(p.proposedBy) <> :me" + scope;
        int pageSize = Page.clampSize(size);
        String mine = me.getEmail().toLowerCase(Locale.ROOT);
        List<MoneyProposal> rows = em.createQuery("SELECT p FROM MoneyProposal p JOIN FETCH p.allocation al"
                        + " JOIN FETCH al.line g JOIN FETCH g.decision d JOIN FETCH d.application ap JOIN FETCH ap.enterprise"
                        + where + " ORDER BY p.proposedAt, p.id", MoneyProposal.class)
                .setParameter("me", mine).setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList();
        long total = em.createQuery("SELECT COUNT(p) FROM MoneyProposal p" + where, Long.class).setParameter("me", mine)
                .getSingleResult();
        return new Page<>(rows.stream().map(p -> view(p, me.getEmail())).toList(), total, Math.max(0, first), pageSize);
    }

    /** The proposal of an allocation still waiting for a second person, or null. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public FourEyesViews.Proposal pendingOf(long allocationId) {
        Allocation a = em.find(Allocation.class, allocationId);
        if (a == null || !Access.isStaffOf(caller.account(), a.getLine().getDecision().getApplication().getEnterprise())) {
            throw new NotFoundException("allocation");
        }
        return em.createQuery("SELECT p FROM MoneyProposal p WHERE p.allocation = :a AND p.status = :s ORDER BY p.id",
                        MoneyProposal.class).setParameter("a", a).setParameter("s", ProposalStatus.PROPOSED).setMaxResults(1)
                .getResultList().stream().map(p -> view(p, caller.email())).findFirst().orElse(null);
    }

    /** One proposal of the caller's association. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public FourEyesViews.Proposal proposal(long id) {
        return view(visible(id), caller.email());
    }

    /**
     * A second person approves: the movement is executed now, in their name, and both the approval
     * and the movement go to the audit trail. The proposer is refused (403); a proposal decided
     * meanwhile is refused with 409.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public FourEyesViews.Proposal approve(long id) {
        MoneyProposal p = decidable(id);
        String me = caller.email();
        p.approve(me, now());
        decided();
        Allocation a = locked(p.getAllocation());
        if (p.getKind() == ProposalKind.DISBURSEMENT) {
            conditions.requireLifted(a.getLine().getId());
        }
        LedgerMovement m = move(a, p.getKind(), p.getAmount(), p.getOccurredOn(), me);
        em.persist(m);
        GuaranteeProposals.approved(em, p, me); // guar: a guarantee call's payment marks the call PAID
        em.flush();
        audit.record(me, "Allocation", a.getId(), AuditAction.MONEY_APPROVED, "Proposal " + p.getId() + " of "
                + p.getProposedBy() + " approved");
        audit.record(me, "Allocation", a.getId(), action(p.getKind()), m.getKind() + " " + m.getAmount().amount().toPlainString()
                + " EUR on " + m.getOccurredOn() + " (proposal " + p.getId() + ")");
        return view(p, me);
    }

    /** A second person rejects, saying why: nothing moves. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public FourEyesViews.Proposal reject(long id, String reason) {
        MoneyProposal p = decidable(id);
        String me = caller.email();
        p.reject(me, reason, now());
        decided();
        GuaranteeProposals.rejected(em, p); // guar: the call may be proposed for payment again
        audit.record(me, "Allocation", p.getAllocation().getId(), AuditAction.MONEY_REJECTED, "Proposal " + p.getId() + " of "
                + p.getProposedBy() + " rejected: " + p.getReason());
        return view(p, me);
    }

    /** The four-eyes threshold of each association the caller administers (all for a national admin), by code. */
    @RolesAllowed(Roles.ADMIN)
    public List<FourEyesViews.Threshold> thresholds() {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? "" : " WHERE a.id = " + me.getAssociation().getId();
        return em.createQuery("SELECT a FROM Association a" + scope + " ORDER BY a.code", Association.class)
                .setMaxResults(Page.MAX_SIZE).getResultList().stream()
                .map(a -> new FourEyesViews.Threshold(a.getId(), a.getCode(), a.getName(), a.getFourEyesThreshold().amount()))
                .toList();
    }

    /** The admin of an association (or a national admin) sets its threshold: 0.00 or more, two decimals. */
    @RolesAllowed(Roles.ADMIN)
    public FourEyesViews.Threshold changeThreshold(long associationId, BigDecimal threshold) {
        UserAccount me = caller.account();
        Association a = em.find(Association.class, associationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || me.getAssociation() != null && me.getAssociation().getId() != associationId) {
            throw new NotFoundException("association");
        }
        if (threshold == null) {
            throw new InvalidInputException("threshold", "field.required");
        }
        if (threshold.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("threshold", "amount.tooPrecise", 1);
        }
        if (threshold.compareTo(new BigDecimal("9999999999999.99")) > 0) {
            throw new InvalidInputException("threshold", "amount.tooLarge", 1);
        }
        if (threshold.signum() < 0) {
            throw new InvalidInputException("threshold", "fourEyes.thresholdNegative");
        }
        BigDecimal before = a.getFourEyesThreshold().amount();
        a.changeFourEyesThreshold(Money.of(threshold));
        em.flush();
        audit.record(me.getEmail(), "Association", a.getId(), AuditAction.FOUR_EYES_THRESHOLD, "Four-eyes threshold "
                + before.toPlainString() + " -> " + a.getFourEyesThreshold().amount().toPlainString() + " EUR");
        return new FourEyesViews.Threshold(a.getId(), a.getCode(), a.getName(), a.getFourEyesThreshold().amount());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private MoneyProposal visible(long id) {
        MoneyProposal p = em.find(MoneyProposal.class, id);
        if (p == null || !Access.isStaffOf(caller.account(), p.getAssociationId())) {
            throw new NotFoundException("approval");
        }
        return p;
    }

    /** A proposal the caller may decide on: theirs to see, not theirs to approve, still waiting. */
    private MoneyProposal decidable(long id) {
        MoneyProposal p = visible(id);
        UserAccount me = caller.account();
        if (!me.hasRole(Role.ADVISOR) && !me.hasRole(Role.ADMIN) || p.proposedBy(me.getEmail())) {
            throw new ForbiddenException("FOUR_EYES", "approval.ownProposal");
        }
        if (p.getStatus() != ProposalStatus.PROPOSED) {
            throw new ConflictException("ALREADY_DECIDED", "approval.alreadyDecided");
        }
        return p;
    }

    /** The proposal's version decides between two people deciding at once: the second is refused. */
    private void decided() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("ALREADY_DECIDED", "approval.alreadyDecided");
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                throw new ConflictException("ALREADY_DECIDED", "approval.alreadyDecided");
            }
            throw e;
        }
    }

    /** The allocation locked as {@code AllocationService} locks it: its convention's row first. */
    private Allocation locked(Allocation a) {
        return Locking.allocation(em, a);
    }

    private LedgerMovement move(Allocation a, ProposalKind kind, Money amount, LocalDate on, String actor) {
        return switch (kind) {
            case DISBURSEMENT -> a.disburse(amount, on, actor, now());
            case WRITE_OFF -> a.writeOff(on, actor, now());
            case GUARANTEE_CALL -> a.callGuarantee(amount, on, actor, now());
        };
    }

    private static AuditAction action(ProposalKind kind) {
        return switch (kind) {
            case DISBURSEMENT -> AuditAction.DISBURSE;
            case WRITE_OFF -> AuditAction.WRITE_OFF;
            case GUARANTEE_CALL -> AuditAction.GUARANTEE_CALL;
        };
    }

    private FourEyesViews.Proposal view(MoneyProposal p, String me) {
        var line = p.getAllocation().getLine();
        var app = line.getDecision().getApplication();
        return new FourEyesViews.Proposal(p.getId(), p.getAllocation().getId(), app.getReference().toString(),
                app.getEnterprise().getLegalName(), line.getLine().getInstrument().name(), p.getKind().name(),
                p.getAmount().amount(), p.getOccurredOn(), p.getStatus().name(), p.getProposedBy(), p.getProposedAt(),
                p.getDecidedBy(), p.getDecidedAt(), p.getReason(),
                p.getStatus() == ProposalStatus.PROPOSED && !p.proposedBy(me));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
