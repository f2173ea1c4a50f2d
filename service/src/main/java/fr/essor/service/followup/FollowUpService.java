package fr.essor.service.followup;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.association.Association;
import fr.essor.model.followup.FollowUp;
import fr.essor.model.followup.FollowUpAnswer;
import fr.essor.model.followup.FollowUpChannel;
import fr.essor.model.followup.FollowUpMilestone;
import fr.essor.model.followup.FollowUpSchedule;
import fr.essor.model.shared.Money;
import fr.essor.service.application.ApplicationAccess;
import fr.essor.service.association.Associations;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.BusinessClock;
import fr.essor.service.shared.Columns;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Locking;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.service.shared.RuleRefusals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The follow-up of the funded enterprises (issue 13, item 4): the entrepreneur answers a due milestone
 * online, the advisor sees what is due and overdue in the association, records an answer after a
 * visit or a call, or the enterprise's closure; partners and the network read the survival rates and
 * the jobs, computed in SQL. The milestones are planned and reminded by {@link FollowUpPlanner}. The
 * day is the {@link BusinessClock}'s, which tests move.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class FollowUpService extends UseCaseService {

    @Inject
    private ApplicationAccess applications;

    @Inject
    private BusinessClock clock;

    /** The follow-up of a file, for its applicants and the staff of its association; 404 when it has none (not funded yet). */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    public FollowUpViews.FollowUpDetail ofApplication(long applicationId) {
        Application a = applications.visible(applicationId);
        List<FollowUp> found = em.createQuery("SELECT f FROM FollowUp f WHERE f.applicationId = :a", FollowUp.class)
                .setParameter("a", a.getId()).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("followup");
        }
        return detail(found.get(0), a);
    }

    /** The calling entrepreneur's milestones waiting for an answer and due, the oldest first (bounded). */
    @RolesAllowed(Roles.ENTREPRENEUR)
    public List<FollowUpViews.Due> mine() {
        UserAccount me = caller.account();
        return dueRows(" JOIN enterprise_owner o ON o.enterprise_id = e.id WHERE o.account_id = " + me.getId(), 0, Page.MAX_SIZE)
                .items();
    }

    /** The milestones of the caller's association (every one for a national administrator) due and unanswered, paged in SQL. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public Page<FollowUpViews.Due> due(int first, int size) {
        UserAccount me = caller.account();
        String scope = me.getAssociation() == null ? " WHERE 1 = 1" : " WHERE f.association_id = " + me.getAssociation().getId();
        return dueRows(scope, first, size);
    }

    /**
     * Records the answer to a due milestone: by one of the enterprise's owners online, or by the staff of
     * its association after a visit or a call ({@code channel} VISIT or CALL). A "no longer active" answer
     * closes the follow-up. Audited.
     */
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.ADMIN})
    public FollowUpViews.FollowUpDetail answer(long milestoneId, FollowUpInput in, FollowUpChannel channel) {
        FollowUpAnswer answer = typed(in);
        FollowUpMilestone m = em.find(FollowUpMilestone.class, milestoneId);
        if (m == null) {
            throw new NotFoundException("followup");
        }
        FollowUp f = m.getFollowUp();
        Application a = em.find(Application.class, f.getApplicationId());
        UserAccount me = caller.account();
        FollowUpChannel how;
        if (Access.isStaffOf(me, a.getEnterprise())) {
            if (channel == null || !channel.byAdvisor()) {
                throw new InvalidInputException("channel", "followup.channelRequired");
            }
            how = channel;
        } else if (a.getEnterprise().isOwnedBy(me) && me.hasRole(Role.ENTREPRENEUR)) {
            how = FollowUpChannel.ONLINE;
        } else {
            throw new NotFoundException("followup");
        }
        Locking.atVersion(em, f, -1);
        LocalDate today = clock.today();
        boolean wasClosed = f.isClosed();
        f.answer(m.getSeq(), answer, how, me.getEmail(), today, clock.now());
        em.flush();
        audit.record(me.getEmail(), "Application", a.getId(), AuditAction.FOLLOW_UP_ANSWERED, "Follow-up " + f.getId()
                + ", milestone " + m.getSeq() + " (" + m.getMonthsAfter() + " months, " + how + "): "
                + (Boolean.TRUE.equals(m.getStillActive()) ? "active, " + m.getJobs() + " jobs, turnover "
                + m.getTurnover().amount().toPlainString() : "closed on " + f.getClosedOn()));
        if (!wasClosed && f.isClosed()) {
            audit.record(me.getEmail(), "Application", a.getId(), AuditAction.FOLLOW_UP_CLOSED, "Follow-up " + f.getId()
                    + ": enterprise closed on " + f.getClosedOn() + " (" + f.getClosedAfterMonths() + " months after funding)");
        }
        return detail(f, a);
    }

    /** The staff of the association records that the enterprise has closed: what was still to ask is cancelled. Audited. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public FollowUpViews.FollowUpDetail close(long followUpId, LocalDate closedOn, String note, long expectedVersion) {
        FollowUp f = em.find(FollowUp.class, followUpId);
        if (f == null) {
            throw new NotFoundException("followup");
        }
        Application a = em.find(Application.class, f.getApplicationId());
        UserAccount me = caller.account();
        if (!Access.isStaffOf(me, a.getEnterprise())) {
            throw new NotFoundException("followup");
        }
        Locking.atVersion(em, f, expectedVersion);
        f.close(closedOn, note, me.getEmail(), clock.today());
        em.flush();
        audit.record(me.getEmail(), "Application", a.getId(), AuditAction.FOLLOW_UP_CLOSED, "Follow-up " + f.getId()
                + ": enterprise closed on " + f.getClosedOn() + " (" + f.getClosedAfterMonths() + " months after funding)"
                + (f.getClosureNote() == null ? "" : ": " + f.getClosureNote()));
        return detail(f, a);
    }

    /**
     * Survival at 1, 2 and 3 years and the jobs of the funded enterprises, in one SQL statement: for a partner
     * the enterprises its conventions funded, for the staff of an association its own, for a national
     * administrator the network or one association ({@code associationCode}).
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    public FollowUpViews.Survival survival(String associationCode) {
        UserAccount me = caller.account();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        String scope = "network";
        Association association = null;
        if (associationCode != null && !associationCode.isBlank()) {
            association = Associations.byCode(em, associationCode.strip().toUpperCase(Locale.ROOT)).filter(a -> maySee(me, a))
                    .orElseThrow(() -> new NotFoundException("association"));
        } else if (!me.hasRole(Role.PARTNER) && me.getAssociation() != null) {
            association = me.getAssociation();
        } else if (!me.hasRole(Role.PARTNER) && !me.hasRole(Role.ADMIN)) {
            throw new ForbiddenException();
        }
        if (association != null) {
            where.append(" AND f.association_id = ?");
            params.add(association.getId());
            scope = association.getCode();
        }
        if (me.hasRole(Role.PARTNER) && me.getPartner() != null && !me.hasRole(Role.ADMIN) && !me.hasRole(Role.ADVISOR)) {
            where.append(" AND EXISTS (SELECT 1 FROM allocation al JOIN convention c ON c.id = al.convention_id"
                    + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                    + " WHERE d.application_id = f.application_id AND c.partner_id = ?)");
            params.add(me.getPartner().getId());
            scope = me.getPartner().getName() + (association == null ? "" : " / " + association.getCode());
        }
        LocalDate today = clock.today();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*),"
                + " SUM(CASE WHEN f.last_answered_on IS NOT NULL OR f.closed_on IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN f.last_answered_on IS NOT NULL OR f.closed_on IS NOT NULL THEN COALESCE(f.declared_jobs, 0) ELSE 0 END),"
                + " SUM(CASE WHEN f.last_answered_on IS NOT NULL OR f.closed_on IS NOT NULL THEN COALESCE(f.latest_jobs, 0) ELSE 0 END),"
                + " SUM(CASE WHEN f.closed_on IS NOT NULL THEN 1 ELSE 0 END)");
        List<Object> all = new ArrayList<>();
        for (int years = 1; years <= FollowUpSchedule.YEARS; years++) {
            sql.append(", SUM(CASE WHEN f.funded_on <= ? THEN 1 ELSE 0 END)")
                    .append(", SUM(CASE WHEN f.funded_on <= ? AND (f.closed_after_months IS NULL OR f.closed_after_months >= ")
                    .append(12 * years).append(") THEN 1 ELSE 0 END)");
            all.add(FollowUpSchedule.cohortEnd(today, years));
            all.add(FollowUpSchedule.cohortEnd(today, years));
        }
        sql.append(" FROM follow_up f").append(where);
        all.addAll(params);
        var q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < all.size(); i++) {
            q.setParameter(i + 1, all.get(i));
        }
        Object[] r = (Object[]) q.getSingleResult();
        List<FollowUpViews.SurvivalRate> rates = new ArrayList<>();
        for (int years = 1; years <= FollowUpSchedule.YEARS; years++) {
            long cohort = Columns.number(r[3 + 2 * years]);
            long survivors = Columns.number(r[4 + 2 * years]);
            rates.add(new FollowUpViews.SurvivalRate(years, cohort, survivors, cohort == 0 ? null
                    : BigDecimal.valueOf(survivors * 100L).divide(BigDecimal.valueOf(cohort), 1, RoundingMode.HALF_UP)));
        }
        return new FollowUpViews.Survival(scope, today, Columns.number(r[0]), Columns.number(r[1]), Columns.decimal(r[2]),
                Columns.decimal(r[3]), Columns.number(r[4]),
                rates);
    }

    private static FollowUpAnswer typed(FollowUpInput in) {
        if (in == null) {
            throw new InvalidInputException("stillActive", "field.required");
        }
        Money turnover = null;
        if (in.turnover() != null) {
            if (in.turnover().stripTrailingZeros().scale() > 2) {
                throw new InvalidInputException("turnover", "amount.tooPrecise", 1);
            }
            if (in.turnover().abs().compareTo(new BigDecimal("9999999999999.99")) > 0) {
                throw new InvalidInputException("turnover", "amount.tooLarge", 1);
            }
            turnover = Money.of(in.turnover());
        }
        return new FollowUpAnswer(in.stillActive(), in.jobs(), turnover, in.difficulties(), in.closedOn());
    }

    private static boolean maySee(UserAccount me, Association a) {
        if (me.hasRole(Role.PARTNER) || me.hasRole(Role.ADMIN) && me.getAssociation() == null) {
            return true;
        }
        return me.getAssociation() != null && me.getAssociation().getId().equals(a.getId());
    }

    private Page<FollowUpViews.Due> dueRows(String scope, int first, int size) {
        LocalDate today = clock.today();
        String from = " FROM follow_up_milestone m JOIN follow_up f ON f.id = m.follow_up_id"
                + " JOIN application ap ON ap.id = f.application_id JOIN enterprise e ON e.id = ap.enterprise_id" + scope
                + " AND m.status = 'PLANNED' AND f.closed_on IS NULL AND m.due_date <= ?";
        int pageSize = Page.clampSize(size);
        List<?> rows = em.createNativeQuery("SELECT m.id, f.id, ap.id, ap.reference, e.legal_name, m.seq, m.months_after,"
                        + " m.due_date, m.reminded_at" + from + " ORDER BY m.due_date, m.id LIMIT " + pageSize + " OFFSET "
                        + Math.max(0, first))
                .setParameter(1, today).getResultList();
        long total = Columns.number(em.createNativeQuery("SELECT COUNT(*)" + from).setParameter(1, today).getSingleResult());
        List<FollowUpViews.Due> items = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            LocalDate due = Columns.date(r[7]);
            items.add(new FollowUpViews.Due(Columns.number(r[0]), Columns.number(r[1]), Columns.number(r[2]), String.valueOf(r[3]),
                    (String) r[4],
                    (int) Columns.number(r[5]), (int) Columns.number(r[6]), due, FollowUpSchedule.isOverdue(due, today),
                    Columns.instant(r[8])));
        }
        return new Page<>(items, total, Math.max(0, first), pageSize);
    }

    private FollowUpViews.FollowUpDetail detail(FollowUp f, Application a) {
        return FollowUpViews.FollowUpDetail.of(f, a.getReference().toString(), a.getTitle(), a.getEnterprise().getLegalName(),
                clock.today());
    }
}
