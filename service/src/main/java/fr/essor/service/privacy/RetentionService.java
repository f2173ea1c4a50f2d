package fr.essor.service.privacy;

import fr.essor.model.account.UserAccount;
import fr.essor.model.privacy.ErasureStatus;
import fr.essor.model.privacy.RetentionKind;
import fr.essor.model.shared.FreeText;
import fr.essor.service.audit.AuditAction;
import fr.essor.service.audit.AuditService;
import fr.essor.service.security.UseCaseService;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention of personal data (issue 16): the rules per kind of data, set by the national
 * administrator; the cases each rule makes due, listed a week ahead; the holds administrators put on
 * a case; and the run that applies the rules on a given day ({@link RetentionTimer} calls it every
 * night with the real date; tests call it with a later one). The removal itself is the
 * {@link Anonymiser}'s.
 */
@Stateless
public class RetentionService extends UseCaseService {

    /** How far ahead the preview looks. */
    public static final int NOTICE_DAYS = 7;
    public static final String APPLICATION = "Application";
    public static final String ACCOUNT = "UserAccount";
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @EJB
    private Anonymiser anonymiser;

    private final Clock clock = Clock.system(ZONE);

    // ---- rules --------------------------------------------------------------------------------

    @RolesAllowed(Roles.ADMIN)
    public List<RetentionRuleView> rules() {
        return ruleViews();
    }

    /** Whether the caller may change the rules: a national administrator (no association). */
    @RolesAllowed(Roles.ADMIN)
    public boolean mayChangeRules() {
        return caller.account().getAssociation() == null;
    }

    /** The national administrator sets a rule's period; an association's administrator may not. */
    @RolesAllowed(Roles.ADMIN)
    public RetentionRuleView setRule(RetentionKind kind, Integer months, Long version) {
        UserAccount me = caller.account();
        if (me.getAssociation() != null) {
            throw new ForbiddenException();
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "retention.kindUnknown", "");
        }
        if (!kind.limited()) {
            throw new InvalidInputException("months", "retention.kept");
        }
        if (months == null || months < RetentionKind.MIN_MONTHS || months > RetentionKind.MAX_MONTHS) {
            throw new InvalidInputException("months", "retention.monthsRange", RetentionKind.MIN_MONTHS, RetentionKind.MAX_MONTHS);
        }
        String versionCheck = version == null ? "" : " AND version = ?3";
        var q = em.createNativeQuery("UPDATE retention_rule SET months = ?1, version = version + 1 WHERE data_kind = ?2" + versionCheck)
                .setParameter(1, kind.checkedMonths(months)).setParameter(2, kind.name());
        if (version != null) {
            q.setParameter(3, version);
        }
        if (q.executeUpdate() != 1) {
            throw new ConcurrentChangeException();
        }
        audit.record(caller.actor(), "RetentionRule", kind.name(), AuditAction.UPDATE, kind.name() + " kept " + months + " months");
        return ruleViews().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    /** The period of each limited kind, in months. */
    public Map<RetentionKind, Integer> months() {
        Map<RetentionKind, Integer> months = new EnumMap<>(RetentionKind.class);
        for (RetentionRuleView r : ruleViews()) {
            if (r.months() != null) {
                months.put(r.kind(), r.months());
            }
        }
        return months;
    }

    private List<RetentionRuleView> ruleViews() {
        List<RetentionRuleView> rules = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT data_kind, months, version FROM retention_rule").getResultList()) {
            Object[] r = (Object[]) o;
            RetentionKind kind = RetentionKind.valueOf((String) r[0]);
            rules.add(new RetentionRuleView(kind, r[1] == null ? null : ((Number) r[1]).intValue(), kind.defaultMonths(),
                    ((Number) r[2]).longValue()));
        }
        rules.sort(Comparator.comparing(RetentionRuleView::kind));
        return rules;
    }

    // ---- preview and holds ----------------------------------------------------------------------

    /** What the job will do within the coming week (and anything overdue), held cases included and marked. */
    @RolesAllowed(Roles.ADMIN)
    public Page<RetentionCase> upcoming(int first, int size) {
        return page(casesDueBy(LocalDate.now(clock).plusDays(NOTICE_DAYS)), first, size);
    }

    /** The same preview as on {@code today} (tests move the clock forward with it). */
    public List<RetentionCase> preview(LocalDate today) {
        return casesDueBy(today.plusDays(NOTICE_DAYS));
    }

    /** An administrator keeps a case out of the job, with a reason (a dispute, a claim). */
    @RolesAllowed(Roles.ADMIN)
    public RetentionCase hold(String entityType, long entityId, String reason) {
        UserAccount me = caller.account();
        if (!APPLICATION.equals(entityType) && !ACCOUNT.equals(entityType)) {
            throw new InvalidInputException("entityType", "retention.entityTypeUnknown");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new InvalidInputException("reason", "retention.reasonRequired");
        }
        if (!FreeText.isClean(text, false)) {
            throw new InvalidInputException("reason", "text.invalidCharacters");
        }
        String table = APPLICATION.equals(entityType) ? "application" : "user_account";
        if (count("SELECT COUNT(*) FROM " + table + " WHERE id = ?1", entityId) == 0) {
            throw new NotFoundException(entityType);
        }
        if (count("SELECT COUNT(*) FROM retention_hold WHERE entity_type = ?1 AND entity_id = ?2", entityType, entityId) > 0) {
            throw new ConflictException("ALREADY_HELD", "retention.alreadyHeld");
        }
        em.createNativeQuery("INSERT INTO retention_hold (entity_type, entity_id, reason, held_by_id, held_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, entityType).setParameter(2, entityId).setParameter(3, text).setParameter(4, me.getId())
                .setParameter(5, Anonymiser.utc(Instant.now(clock))).executeUpdate();
        long id = count("SELECT id FROM retention_hold WHERE entity_type = ?1 AND entity_id = ?2", entityType, entityId);
        audit.record(caller.actor(), "RetentionHold", id, AuditAction.HOLD, entityType + " " + entityId + " held from the retention job");
        return new RetentionCase(null, entityType, entityId, entityType + " " + entityId, null, id, text);
    }

    /** Lifts a hold: the case goes back to the job. */
    @RolesAllowed(Roles.ADMIN)
    public void release(long holdId) {
        caller.account();
        int n = em.createNativeQuery("DELETE FROM retention_hold WHERE id = ?1").setParameter(1, holdId).executeUpdate();
        if (n == 0) {
            throw new NotFoundException("RetentionHold");
        }
        audit.record(caller.actor(), "RetentionHold", holdId, AuditAction.RELEASE_HOLD, "Hold lifted");
    }

    // ---- the run ------------------------------------------------------------------------------

    /**
     * Applies every rule as on {@code today}: each case due on or before it and not held is done, in
     * this transaction, with one audit event per record; the erasures scheduled for today or before
     * are carried out.
     */
    public RetentionRun apply(LocalDate today) {
        Instant now = Instant.now(clock);
        int drafts = 0;
        int closed = 0;
        int financed = 0;
        int accounts = 0;
        int held = 0;
        int erasures = 0;
        for (Object o : em.createNativeQuery("SELECT id, account_id FROM erasure_request WHERE status = 'SCHEDULED'"
                + " AND erase_on <= ?1 ORDER BY id").setParameter(1, today).getResultList()) {
            Object[] r = (Object[]) o;
            long request = ((Number) r[0]).longValue();
            long account = ((Number) r[1]).longValue();
            anonymiser.eraseAccount(account, now);
            em.createNativeQuery("UPDATE erasure_request SET status = ?2, erased_at = ?3, version = version + 1 WHERE id = ?1")
                    .setParameter(1, request).setParameter(2, ErasureStatus.ERASED.name()).setParameter(3, Anonymiser.utc(now))
                    .executeUpdate();
            audit.record("system", "ErasureRequest", request, AuditAction.ERASE, "Scheduled erasure carried out");
            erasures++;
        }
        for (RetentionCase c : casesDueBy(today)) {
            if (c.held()) {
                held++;
                continue;
            }
            switch (c.kind()) {
                case DRAFT -> {
                    anonymiser.deleteDraft(c.entityId());
                    audit.record("system", APPLICATION, c.entityId(), AuditAction.DELETE, "Retention DRAFT: draft never submitted deleted");
                    drafts++;
                }
                case CLOSED_FILE -> {
                    anonymiser.anonymiseApplication(c.entityId(), now);
                    audit.record("system", APPLICATION, c.entityId(), AuditAction.ANONYMISE, "Retention CLOSED_FILE: anonymised");
                    closed++;
                }
                case FINANCED_FILE -> {
                    anonymiser.anonymiseApplication(c.entityId(), now);
                    audit.record("system", APPLICATION, c.entityId(), AuditAction.ANONYMISE, "Retention FINANCED_FILE: anonymised");
                    financed++;
                }
                case INACTIVE_ACCOUNT -> {
                    anonymiser.eraseAccount(c.entityId(), now);
                    audit.record("system", ACCOUNT, c.entityId(), AuditAction.ERASE, "Retention INACTIVE_ACCOUNT: erased");
                    accounts++;
                }
                default -> throw new IllegalStateException("No case of " + c.kind());
            }
        }
        return new RetentionRun(drafts, closed, financed, accounts, erasures, held);
    }

    /** The day an account's financed files stop being kept, or null when it has none still kept. */
    public LocalDate financedDutyEnd(long accountId) {
        Integer months = months().get(RetentionKind.FINANCED_FILE);
        LocalDate end = null;
        for (Map.Entry<Long, LocalDate> e : financedFiles("AND a.enterprise_id IN (SELECT o.enterprise_id FROM enterprise_owner o"
                + " WHERE o.account_id = " + accountId + ")").entrySet()) {
            LocalDate due = e.getValue().plusMonths(months == null ? 0 : months);
            if (end == null || due.isAfter(end)) {
                end = due;
            }
        }
        return end;
    }

    // ---- the cases ----------------------------------------------------------------------------

    public List<RetentionCase> casesDueBy(LocalDate day) {
        Map<RetentionKind, Integer> months = months();
        Map<String, Object[]> holds = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT entity_type, entity_id, id, reason FROM retention_hold").getResultList()) {
            Object[] r = (Object[]) o;
            holds.put(r[0] + ":" + ((Number) r[1]).longValue(), new Object[] {((Number) r[2]).longValue(), r[3]});
        }
        List<RetentionCase> cases = new ArrayList<>();
        // drafts: one year after their last change, the latest event of the audit trail about them
        Map<Long, String> draftRefs = new HashMap<>();
        Map<Long, LocalDate> lastChange = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT id, reference, created_at FROM application WHERE status = 'DRAFT'").getResultList()) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            draftRefs.put(id, (String) r[1]);
            lastChange.put(id, date(r[2]));
        }
        List<String> ids = draftRefs.keySet().stream().map(String::valueOf).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= chunk.size(); i++) {
                marks.append(i > 1 ? ", ?" : "?").append(i);
            }
            var q = em.createNativeQuery("SELECT entity_id, MAX(occurred_at) FROM audit_event WHERE entity_type = 'Application'"
                    + " AND entity_id IN (" + marks + ") GROUP BY entity_id");
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 1, chunk.get(i));
            }
            for (Object o : q.getResultList()) {
                Object[] r = (Object[]) o;
                long id = Long.parseLong((String) r[0]);
                LocalDate d = date(r[1]);
                if (d != null && d.isAfter(lastChange.get(id))) {
                    lastChange.put(id, d);
                }
            }
        }
        for (Map.Entry<Long, LocalDate> e : lastChange.entrySet()) {
            add(cases, holds, RetentionKind.DRAFT, APPLICATION, e.getKey(), draftRefs.get(e.getKey()),
                    e.getValue().plusMonths(months.get(RetentionKind.DRAFT)), day);
        }
        // refused or withdrawn files: three years after the decision or the withdrawal (the last change of status)
        for (Object o : em.createNativeQuery("SELECT a.id, a.reference, a.decided_at, a.created_at,"
                + " (SELECT MAX(sc.occurred_at) FROM application_status_change sc WHERE sc.application_id = a.id)"
                + " FROM application a WHERE a.status IN ('REJECTED', 'WITHDRAWN') AND a.anonymised_at IS NULL").getResultList()) {
            Object[] r = (Object[]) o;
            LocalDate closedOn = r[4] != null ? date(r[4]) : r[2] != null ? date(r[2]) : date(r[3]);
            add(cases, holds, RetentionKind.CLOSED_FILE, APPLICATION, ((Number) r[0]).longValue(), (String) r[1],
                    closedOn.plusMonths(months.get(RetentionKind.CLOSED_FILE)), day);
        }
        // financed files: ten years after the last repayment or the end of the guarantee
        Map<Long, String> refs = new HashMap<>();
        for (Map.Entry<Long, LocalDate> e : financedFiles("", refs).entrySet()) {
            add(cases, holds, RetentionKind.FINANCED_FILE, APPLICATION, e.getKey(), refs.get(e.getKey()),
                    e.getValue().plusMonths(months.get(RetentionKind.FINANCED_FILE)), day);
        }
        // an account whose file is held is held too: erasing it would anonymise that file
        for (Object o : em.createNativeQuery("SELECT eo.account_id, h.id, h.reason FROM retention_hold h"
                + " JOIN application a ON a.id = h.entity_id JOIN enterprise_owner eo ON eo.enterprise_id = a.enterprise_id"
                + " WHERE h.entity_type = 'Application'").getResultList()) {
            Object[] r = (Object[]) o;
            holds.putIfAbsent(ACCOUNT + ":" + ((Number) r[0]).longValue(), new Object[] {((Number) r[1]).longValue(), r[2]});
        }
        // entrepreneurs' accounts without activity (their last event in the audit trail, under their pseudonym or,
        // before pseudonyms, their e-mail), no financed file still kept, no erasure already scheduled
        Map<Long, LocalDate> lastActive = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT actor, MAX(occurred_at) FROM audit_event WHERE actor LIKE '"
                + AuditService.PSEUDONYM_PREFIX + "%' GROUP BY actor").getResultList()) {
            Object[] r = (Object[]) o;
            String id = ((String) r[0]).substring(AuditService.PSEUDONYM_PREFIX.length());
            if (!id.isEmpty() && id.chars().allMatch(Character::isDigit)) {
                lastActive.merge(Long.parseLong(id), date(r[1]), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (Object o : em.createNativeQuery("SELECT u.id, MAX(e.occurred_at) FROM audit_event e JOIN user_account u ON u.email = e.actor"
                + " GROUP BY u.id").getResultList()) {
            Object[] r = (Object[]) o;
            lastActive.merge(((Number) r[0]).longValue(), date(r[1]), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (Object o : em.createNativeQuery("SELECT u.id, u.created_at FROM user_account u"
                + " WHERE u.anonymised_at IS NULL"
                + " AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = u.id AND r.role = 'ENTREPRENEUR')"
                + " AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = u.id AND r.role <> 'ENTREPRENEUR')"
                + " AND NOT EXISTS (SELECT 1 FROM erasure_request q WHERE q.account_id = u.id AND q.status = 'SCHEDULED')"
                + " AND NOT EXISTS (SELECT 1 FROM enterprise_owner eo JOIN application a ON a.enterprise_id = eo.enterprise_id"
                + " JOIN decision d ON d.application_id = a.id WHERE eo.account_id = u.id AND d.outcome = 'APPROVED'"
                + " AND a.anonymised_at IS NULL)").getResultList()) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            LocalDate created = date(r[1]);
            LocalDate active = lastActive.get(id);
            LocalDate last = active != null && active.isAfter(created) ? active : created;
            add(cases, holds, RetentionKind.INACTIVE_ACCOUNT, ACCOUNT, id, "#" + id,
                    last.plusMonths(months.get(RetentionKind.INACTIVE_ACCOUNT)), day);
        }
        cases.sort(Comparator.comparing(RetentionCase::dueOn).thenComparing(RetentionCase::kind)
                .thenComparing(RetentionCase::entityId));
        return cases;
    }

    private Map<Long, LocalDate> financedFiles(String andWhere) {
        return financedFiles(andWhere, new HashMap<>());
    }

    /**
     * Each financed file not yet anonymised, with the day its duty starts counting: the later of its
     * last ledger movement (the last repayment) and the end of its longest granted line (the end of
     * the guarantee or of the loan).
     */
    private Map<Long, LocalDate> financedFiles(String andWhere, Map<Long, String> references) {
        Map<Long, LocalDate> from = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT a.id, a.reference, MAX(d.decision_date), MAX(g.duration_months)"
                + " FROM application a JOIN decision d ON d.application_id = a.id JOIN granted_line g ON g.decision_id = d.id"
                + " WHERE d.outcome = 'APPROVED' AND a.anonymised_at IS NULL " + andWhere
                + " GROUP BY a.id, a.reference").getResultList()) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            references.put(id, (String) r[1]);
            from.put(id, date(r[2]).plusMonths(r[3] == null ? 0 : ((Number) r[3]).intValue()));
        }
        if (from.isEmpty()) {
            return from;
        }
        for (Object o : em.createNativeQuery("SELECT d.application_id, MAX(m.occurred_on) FROM ledger_movement m"
                + " JOIN allocation al ON al.id = m.allocation_id JOIN granted_line g ON g.id = al.granted_line_id"
                + " JOIN decision d ON d.id = g.decision_id JOIN application a ON a.id = d.application_id"
                + " WHERE a.anonymised_at IS NULL " + andWhere + " GROUP BY d.application_id").getResultList()) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            LocalDate last = date(r[1]);
            if (from.containsKey(id) && last != null && last.isAfter(from.get(id))) {
                from.put(id, last);
            }
        }
        return from;
    }

    private static void add(List<RetentionCase> cases, Map<String, Object[]> holds, RetentionKind kind, String type, long id,
            String label, LocalDate due, LocalDate day) {
        if (due.isAfter(day)) {
            return;
        }
        Object[] hold = holds.get(type + ":" + id);
        cases.add(new RetentionCase(kind, type, id, label, due, hold == null ? null : (Long) hold[0],
                hold == null ? null : (String) hold[1]));
    }

    private long count(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<?> r = q.getResultList();
        return r.isEmpty() || r.get(0) == null ? 0 : ((Number) r.get(0)).longValue();
    }

    static <T> Page<T> page(List<T> all, int first, int size) {
        int pageSize = Page.clampSize(size);
        int from = Math.max(0, Math.min(first, all.size()));
        return new Page<>(all.subList(from, Math.min(all.size(), from + pageSize)), all.size(), first, pageSize);
    }

    /** A date from what a driver returns for a DATE or DATETIME(6) column (the latter holding UTC). */
    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC).atZone(ZONE).toLocalDate();
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC).atZone(ZONE).toLocalDate();
        }
        if (value instanceof Instant i) {
            return i.atZone(ZONE).toLocalDate();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        throw new IllegalArgumentException("Not a date: " + value.getClass());
    }
}
