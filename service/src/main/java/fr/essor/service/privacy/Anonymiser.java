package fr.essor.service.privacy;

import fr.essor.model.enterprise.SearchTerms;
import fr.essor.model.privacy.PlaceholderSiret;
import fr.essor.service.security.PasswordHasher;
import fr.essor.service.security.VerifiedCredentialCache;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The one place where personal data is removed (issue 16). Anonymisation keeps the figures: every
 * column the indicators, the partners' figures and the conventions read stays as it was, so a past
 * year's indicators are the same before and after. The lists below are the contract, written again
 * in docs/PRIVACY.md; a column added to Essor that holds personal data must be added here.
 *
 * <p>The audit trail is never touched: its events keep their hash. It holds no personal content to
 * begin with: summaries name records by number, and an entrepreneur acting is recorded under the
 * pseudonym {@code account:<id>} ({@link fr.essor.service.audit.AuditService#record}).
 *
 * <p>Every method runs in the caller's transaction, with native SQL (none of these tables is in the
 * shared cache).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Anonymiser {

    /** What anonymisation removes. */
    public static final List<String> REMOVED = List.of(
            "user_account: email, display_name, password_hash (the account is closed)",
            "enterprise: legal_name, siret (replaced by a placeholder), address_line, postal_code, city",
            "application: title, description, territory, social_utility; the labels of the financing plan",
            "application_document and document_content: every document, thread attachments included",
            "application_message: the whole thread",
            "application_status_change: comments; an erased person's e-mail as actor",
            "review: strengths, risks, recommendation; decision: conditions, reasons",
            "conflict_of_interest: reasons given on the file",
            "support_record: notes",
            "co_owner_invitation: the invitations of the enterprise and to the person",
            "outbox_message: the mails to the person or naming the person",
            "decision_condition: texts (a placeholder) and comments; money_proposal: reasons given on the file's money",
            "agreement_content: the generated agreements (their signed copies are documents); agreement: comments",
            "follow_up: closure notes; follow_up_milestone: difficulties; an erased person's e-mail as the one who answered");

    /** What stays, so that the statistics stay. */
    public static final List<String> KEPT = List.of(
            "enterprise: department, legal_form, sector, creation_date, employees_fte, esus_approved, association",
            "application: reference, stage, status, dates, jobs_created, jobs_maintained, beneficiaries",
            "requested, proposed and granted lines: instrument, amount, duration, bank, guarantee share; plan amounts",
            "decisions (outcome, dates), analyses' scores, committee sessions, agenda, votes",
            "allocations, ledger movements, instalments",
            "support records: date, kind, duration",
            "conditions: kind, line, due date, status; agreements: kind, status, template version, fingerprint",
            "follow-up: funding date, declared jobs; milestones' dates, still active, jobs, turnover (survival and jobs)",
            "the audit trail, whole");

    /** The text put in place of a required name or title. */
    public static final String PLACEHOLDER = "—";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "essor")
    private EntityManager em;

    @EJB
    private VerifiedCredentialCache credentialCache;

    /** Deletes a draft never submitted, with everything in it. */
    public void deleteDraft(long applicationId) {
        deleteThreadAndDocuments(applicationId);
        update("DELETE FROM application_line WHERE application_id = ?1", applicationId);
        update("DELETE FROM application_plan_item WHERE application_id = ?1", applicationId);
        update("DELETE FROM application_status_change WHERE application_id = ?1", applicationId);
        update("DELETE FROM application WHERE id = ?1 AND status = 'DRAFT'", applicationId);
    }

    /** Removes the personal content of one file; its figures stay. */
    public void anonymiseApplication(long applicationId, Instant now) {
        deleteThreadAndDocuments(applicationId);
        update("UPDATE application SET title = ?2, description = NULL, territory = NULL, social_utility = NULL,"
                + " anonymised_at = ?3 WHERE id = ?1", applicationId, PLACEHOLDER, utc(now));
        update("UPDATE application_plan_item SET label = ?2 WHERE application_id = ?1", applicationId, PLACEHOLDER);
        update("UPDATE application_status_change SET comment_text = NULL WHERE application_id = ?1", applicationId);
        update("UPDATE review SET strengths = NULL, risks = NULL, recommendation = NULL WHERE application_id = ?1",
                applicationId);
        update("UPDATE decision SET conditions = NULL, reasons = NULL WHERE application_id = ?1", applicationId);
        update("UPDATE conflict_of_interest SET reason = NULL WHERE item_id IN"
                + " (SELECT i.id FROM agenda_item i WHERE i.application_id = ?1)", applicationId);
        // after the decision (issue 13): the texts go, the statuses, dates and figures the indicators read stay
        String decisions = " (SELECT d.id FROM decision d WHERE d.application_id = ?1)";
        update("UPDATE decision_condition SET text = ?2, comment_text = NULL WHERE decision_id IN" + decisions,
                applicationId, PLACEHOLDER);
        update("UPDATE money_proposal SET reason = NULL WHERE allocation_id IN (SELECT a.id FROM allocation a"
                + " JOIN granted_line g ON g.id = a.granted_line_id WHERE g.decision_id IN" + decisions + ")", applicationId);
        update("DELETE FROM agreement_content WHERE agreement_id IN (SELECT a.id FROM agreement a WHERE a.application_id = ?1)",
                applicationId);
        update("UPDATE agreement SET comment_text = NULL WHERE application_id = ?1", applicationId);
        update("UPDATE follow_up SET closure_note = NULL WHERE application_id = ?1", applicationId);
        update("UPDATE follow_up_milestone SET difficulties = NULL WHERE follow_up_id IN"
                + " (SELECT f.id FROM follow_up f WHERE f.application_id = ?1)", applicationId);
    }

    /** Removes the personal content of an enterprise and of all its files; its figures stay. */
    public void anonymiseEnterprise(long enterpriseId, Instant now) {
        for (Long app : ids("SELECT id FROM application WHERE enterprise_id = ?1", enterpriseId)) {
            anonymiseApplication(app, now);
        }
        update("UPDATE enterprise SET legal_name = ?2, siret = ?3, address_line = NULL, postal_code = NULL, city = NULL,"
                + " anonymised_at = ?4 WHERE id = ?1", enterpriseId, PLACEHOLDER, PlaceholderSiret.of(enterpriseId).value(),
                utc(now));
        // the queue's search must no longer find it by its old name: only the placeholder's terms stay
        update("DELETE FROM enterprise_search_term WHERE enterprise_id = ?1", enterpriseId);
        for (String term : SearchTerms.of(PLACEHOLDER, PlaceholderSiret.of(enterpriseId).value())) {
            update("INSERT INTO enterprise_search_term (term, enterprise_id) VALUES (?1, ?2)", term, enterpriseId);
        }
        update("UPDATE support_record SET notes = NULL WHERE enterprise_id = ?1", enterpriseId);
        update("DELETE FROM co_owner_invitation WHERE enterprise_id = ?1", enterpriseId);
    }

    /**
     * Erases a person: the enterprises they alone own are anonymised with all their files; from those
     * they share, they are removed as owner; their account is closed and emptied, and their e-mail
     * no longer names them anywhere.
     */
    public void eraseAccount(long accountId, Instant now) {
        List<?> row = em.createNativeQuery("SELECT email, display_name FROM user_account WHERE id = ?1")
                .setParameter(1, accountId).getResultList();
        if (row.isEmpty()) {
            return;
        }
        Object[] person = (Object[]) row.get(0);
        String email = (String) person[0];
        String name = (String) person[1];
        for (Long enterprise : ids("SELECT enterprise_id FROM enterprise_owner WHERE account_id = ?1", accountId)) {
            long owners = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM enterprise_owner WHERE enterprise_id = ?1")
                    .setParameter(1, enterprise).getSingleResult()).longValue();
            if (owners <= 1) {
                anonymiseEnterprise(enterprise, now);
            } else {
                update("DELETE FROM enterprise_owner WHERE enterprise_id = ?1 AND account_id = ?2", enterprise, accountId);
            }
        }
        String erased = "erased-" + accountId + "@erased.invalid";
        update("UPDATE application_status_change SET actor = ?2 WHERE actor = ?1", email, erased);
        update("UPDATE application_document SET uploaded_by = ?2 WHERE uploaded_by = ?1", email, erased);
        update("UPDATE application_message SET author = ?2 WHERE author = ?1", email, erased);
        update("UPDATE follow_up_milestone SET answered_by = ?2 WHERE answered_by = ?1", email, erased);
        update("DELETE FROM co_owner_invitation WHERE email = ?1 OR invited_by_id = ?2 OR accepted_by_id = ?2", email, accountId);
        update("DELETE FROM outbox_message WHERE recipient = ?1 OR LOCATE(?1, body) > 0 OR LOCATE(?1, subject) > 0", email);
        if (name != null && name.strip().length() >= 5) {
            update("DELETE FROM outbox_message WHERE LOCATE(?1, body) > 0 OR LOCATE(?1, subject) > 0", name.strip());
        }
        char[] random = new char[32];
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        update("UPDATE user_account SET email = ?2, display_name = ?3, password_hash = ?4, active = FALSE,"
                + " anonymised_at = ?5 WHERE id = ?1", accountId, erased, PLACEHOLDER, PasswordHasher.hash(random), utc(now));
        credentialCache.forget(email);
    }

    private void deleteThreadAndDocuments(long applicationId) {
        update("DELETE FROM application_message WHERE application_id = ?1", applicationId);
        update("DELETE FROM document_content WHERE document_id IN"
                + " (SELECT d.id FROM application_document d WHERE d.application_id = ?1)", applicationId);
        update("DELETE FROM application_document WHERE application_id = ?1", applicationId);
    }

    private List<Long> ids(String sql, Object param) {
        return em.createNativeQuery(sql).setParameter(1, param).getResultList().stream()
                .map(o -> ((Number) o).longValue()).toList();
    }

    private int update(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
