package fr.essor.service.support;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.shared.Siret;
import fr.essor.model.support.SupportKind;
import fr.essor.model.support.SupportRecord;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.enterprise.EnterpriseView;
import fr.essor.service.security.Access;
import fr.essor.service.security.UseCaseService;
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
import jakarta.interceptor.Interceptors;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Advice given to enterprises ("accompagnement"): advisors record it for the enterprises of their
 * association, correct or delete their own records, and list them; administrators read them (and
 * may delete). The records feed the "enterprises advised" indicator.
 */
@Stateless
@Interceptors(RuleRefusals.class)
public class SupportService extends UseCaseService {

    /** The day of a record is the day in France, whatever the server's zone. */
    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    private final Clock clock = Clock.systemUTC();

    /** An advisor records advice given to an enterprise of their association. */
    @RolesAllowed(Roles.ADVISOR)
    public SupportViews.Record record(long enterpriseId, SupportInput input) {
        UserAccount me = caller.account();
        Enterprise enterprise = em.find(Enterprise.class, enterpriseId);
        if (enterprise == null || me.getAssociation() == null
                || !me.getAssociation().getId().equals(enterprise.getAssociation().getId())) {
            throw new NotFoundException("enterprise");
        }
        SupportInput in = required(input);
        SupportRecord r = new SupportRecord(enterprise, me, in.date(), kind(in.kind()), minutes(in.durationMinutes()),
                in.notes(), Instant.now(clock), today());
        em.persist(r);
        em.flush();
        audit.record(me.getEmail(), "SupportRecord", r.getId(), AuditAction.CREATE, summary(r));
        return view(r);
    }

    /** The author corrects a record, at the version they last read. */
    @RolesAllowed(Roles.ADVISOR)
    public SupportViews.Record update(long recordId, long expectedVersion, SupportInput input) {
        UserAccount me = caller.account();
        SupportRecord r = locked(recordId, me, expectedVersion);
        if (!r.isAuthoredBy(me)) {
            throw new ForbiddenException();
        }
        SupportInput in = required(input);
        r.revise(in.date(), kind(in.kind()), minutes(in.durationMinutes()), in.notes(), today());
        em.flush();
        audit.record(me.getEmail(), "SupportRecord", r.getId(), AuditAction.UPDATE, summary(r));
        return view(r);
    }

    /** Deletes a record: its author, or an administrator of its association (or national). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public void delete(long recordId, long expectedVersion) {
        UserAccount me = caller.account();
        SupportRecord r = locked(recordId, me, expectedVersion);
        if (!r.isAuthoredBy(me) && !me.hasRole(Role.ADMIN)) {
            throw new ForbiddenException();
        }
        String summary = summary(r) + ", by " + r.getAdvisor().getEmail();
        em.remove(r);
        em.flush();
        audit.record(me.getEmail(), "SupportRecord", recordId, AuditAction.DELETE, summary);
    }

    /** One record, for the staff of its enterprise's association. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public SupportViews.Record get(long recordId) {
        SupportRecord r = em.find(SupportRecord.class, recordId);
        if (r == null || !Access.isStaffOf(caller.account(), r.getEnterprise())) {
            throw new NotFoundException("supportRecord");
        }
        return view(r);
    }

    /** The records of an enterprise, newest first, one page read in SQL. */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public Page<SupportViews.Record> forEnterprise(long enterpriseId, int first, int size) {
        visibleEnterprise(enterpriseId);
        int pageSize = Page.clampSize(size);
        int from = Math.max(0, first);
        long total = em.createQuery("SELECT COUNT(s) FROM SupportRecord s WHERE s.enterprise.id = :e", Long.class)
                .setParameter("e", enterpriseId).getSingleResult();
        List<Object[]> rows = em.createQuery("SELECT s.id, s.supportDate, s.kind, s.durationMinutes, s.notes, a.email,"
                        + " a.displayName, s.createdAt, s.version FROM SupportRecord s JOIN s.advisor a"
                        + " WHERE s.enterprise.id = :e ORDER BY s.supportDate DESC, s.id DESC", Object[].class)
                .setParameter("e", enterpriseId)
                .setFirstResult(from).setMaxResults(pageSize)
                .getResultList();
        String me = caller.email();
        boolean admin = caller.is(Role.ADMIN);
        List<SupportViews.Record> items = new ArrayList<>();
        for (Object[] row : rows) {
            boolean mine = me != null && me.equals(row[5]);
            items.add(new SupportViews.Record((Long) row[0], enterpriseId, (LocalDate) row[1], ((SupportKind) row[2]).name(),
                    (Integer) row[3], (String) row[4], (String) row[5], (String) row[6], (Instant) row[7], (Long) row[8],
                    mine && caller.is(Role.ADVISOR), mine || admin));
        }
        return new Page<>(items, total, from, pageSize);
    }

    /**
     * The enterprises of the caller's association (all of them for a national administrator) with
     * their number of records and the date of the last one, searched by name, SIRET or department:
     * two statements, the page and the count, whatever the page size.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public Page<SupportViews.EnterpriseRow> enterprises(String search, int first, int size) {
        int pageSize = Page.clampSize(size);
        int from = Math.max(0, first);
        List<Object> params = new ArrayList<>();
        String where = enterpriseFilter(search, params);
        Query page = em.createNativeQuery("SELECT e.id, e.legal_name, e.siret, e.department, e.legal_form,"
                + " COUNT(s.id), MAX(s.support_date) FROM enterprise e"
                + " LEFT JOIN support_record s ON s.enterprise_id = e.id" + where
                + " GROUP BY e.id, e.legal_name, e.siret, e.department, e.legal_form"
                + " ORDER BY e.legal_name, e.id LIMIT " + pageSize + " OFFSET " + from);
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM enterprise e" + where);
        for (int i = 0; i < params.size(); i++) {
            page.setParameter(i + 1, params.get(i));
            count.setParameter(i + 1, params.get(i));
        }
        List<SupportViews.EnterpriseRow> items = new ArrayList<>();
        for (Object o : page.getResultList()) {
            Object[] row = (Object[]) o;
            items.add(new SupportViews.EnterpriseRow(((Number) row[0]).longValue(), (String) row[1],
                    Siret.of((String) row[2]).formatted(), (String) row[3], (String) row[4], ((Number) row[5]).longValue(),
                    Columns.date(row[6])));
        }
        return new Page<>(items, ((Number) count.getSingleResult()).longValue(), from, pageSize);
    }

    /** The advisor's view of an enterprise: its profile and its applications (drafts are the applicant's own). */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public SupportViews.Profile profile(long enterpriseId) {
        Enterprise enterprise = visibleEnterprise(enterpriseId);
        List<SupportViews.ApplicationRow> applications = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT a.id, a.reference, a.title, a.status FROM Application a"
                        + " WHERE a.enterprise.id = :e AND a.status <> :draft ORDER BY a.id DESC", Object[].class)
                .setParameter("e", enterpriseId).setParameter("draft", ApplicationStatus.DRAFT).getResultList()) {
            applications.add(new SupportViews.ApplicationRow((Long) row[0], row[1].toString(), (String) row[2],
                    ((ApplicationStatus) row[3]).name()));
        }
        return new SupportViews.Profile(EnterpriseView.of(enterprise), applications);
    }

    /**
     * Distinct enterprises of an association with at least one record dated in the year: the
     * "enterprises advised" indicator, counted in one statement. Staff of the association and
     * national administrators only.
     */
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    public long advisedCount(long associationId, int year) {
        UserAccount me = caller.account();
        boolean national = me.hasRole(Role.ADMIN) && me.getAssociation() == null;
        if (!national && (me.getAssociation() == null || !me.getAssociation().getId().equals(associationId))) {
            throw new NotFoundException("association");
        }
        if (year < SupportRecord.EARLIEST_DATE.getYear() || year > 9999) {
            throw new InvalidInputException("year", "support.yearInvalid");
        }
        Number n = (Number) em.createNativeQuery("SELECT COUNT(DISTINCT s.enterprise_id) FROM support_record s"
                        + " JOIN enterprise e ON e.id = s.enterprise_id"
                        + " WHERE e.association_id = ?1 AND s.support_date >= ?2 AND s.support_date < ?3")
                .setParameter(1, associationId)
                .setParameter(2, Date.valueOf(LocalDate.of(year, 1, 1)))
                .setParameter(3, Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .getSingleResult();
        return n.longValue();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Enterprise visibleEnterprise(long enterpriseId) {
        Enterprise enterprise = em.find(Enterprise.class, enterpriseId);
        if (enterprise == null || !Access.isStaffOf(caller.account(), enterprise)) {
            throw new NotFoundException("enterprise");
        }
        return enterprise;
    }

    /** A record of the caller's association, locked for this transaction, at the version the caller last saw. */
    private SupportRecord locked(long recordId, UserAccount me, long expectedVersion) {
        SupportRecord r = em.find(SupportRecord.class, recordId);
        if (r == null || !Access.isStaffOf(me, r.getEnterprise())) {
            throw new NotFoundException("supportRecord");
        }
        return Locking.atVersion(em, r, expectedVersion);
    }

    /**
     * The caller's association, as a condition on enterprise e; a national administrator (no
     * association) sees every association. The caller's row is read inside the statement, so that
     * a page costs no extra query.
     */
    private String enterpriseFilter(String search, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE (e.association_id = (SELECT u.association_id FROM user_account u"
                + " WHERE u.email = ? AND u.active = TRUE)");
        params.add(caller.email());
        if (caller.is(Role.ADMIN)) {
            where.append(" OR EXISTS (SELECT 1 FROM user_account u WHERE u.email = ? AND u.active = TRUE"
                    + " AND u.association_id IS NULL)");
            params.add(caller.email());
        }
        where.append(')');
        String term = search == null ? "" : search.strip();
        if (!term.isEmpty()) {
            if (term.length() > Enterprise.LEGAL_NAME_MAX) {
                throw new InvalidInputException("search", "field.tooLong", Enterprise.LEGAL_NAME_MAX);
            }
            String digits = term.replace(" ", "");
            where.append(" AND (LOWER(e.legal_name) LIKE ? ESCAPE '!' OR e.department = ?");
            params.add("%" + like(term.toLowerCase(Locale.ROOT)) + "%");
            params.add(term.toUpperCase(Locale.ROOT));
            if (digits.matches("\\d+")) {
                where.append(" OR e.siret LIKE ?");
                params.add(digits + "%");
            }
            where.append(')');
        }
        return where.toString();
    }

    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private SupportViews.Record view(SupportRecord r) {
        String me = caller.email();
        boolean mine = me != null && me.equals(r.getAdvisor().getEmail());
        return new SupportViews.Record(r.getId(), r.getEnterprise().getId(), r.getDate(), r.getKind().name(),
                r.getDurationMinutes(), r.getNotes(), r.getAdvisor().getEmail(), r.getAdvisor().getDisplayName(),
                r.getCreatedAt(), r.getVersion(), mine && caller.is(Role.ADVISOR), mine || caller.is(Role.ADMIN));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(NETWORK_ZONE));
    }

    private static SupportInput required(SupportInput in) {
        if (in == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return in;
    }

    private static SupportKind kind(SupportKind value) {
        if (value == null) {
            throw new InvalidInputException("kind", "support.kindRequired");
        }
        return value;
    }

    private static int minutes(Integer value) {
        if (value == null) {
            throw new InvalidInputException("durationMinutes", "support.durationRequired");
        }
        return value;
    }

    private static String summary(SupportRecord r) {
        return r.getKind() + " of " + r.getDurationMinutes() + " min on " + r.getDate() + " for enterprise "
                + r.getEnterprise().getId();
    }
}
