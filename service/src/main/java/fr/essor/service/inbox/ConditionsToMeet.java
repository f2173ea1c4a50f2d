package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;

import fr.essor.model.account.Role;
import java.util.List;

/**
 * Entrepreneur: a condition of an approval of his file still to meet, once the decision is final (its
 * session closed): open, or refused with a reason. Two sources: the documents to upload, and the
 * other conditions (a co-financing, a bank loan) to obtain.
 */
final class ConditionsToMeet implements InboxSource {

    private final boolean documents;

    ConditionsToMeet(boolean documents) {
        this.documents = documents;
    }

    @Override
    public String kind() {
        return documents ? "DOCUMENT_TO_UPLOAD" : "CONDITION_TO_MEET";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.ENTREPRENEUR)) {
            return null;
        }
        // the version is in the key: a condition refused after a first upload shows as new
        return InboxSql.select(kind(), List.of("c.id", "c.version"), "a.id", "a.reference", "c.text",
                "CASE WHEN c.status = 'REFUSED' THEN c.comment_text END", NO_AMOUNT, "c.due_date", "c.created_at")
                + " FROM decision_condition c JOIN decision d ON d.id = c.decision_id JOIN application a ON a.id = d.application_id"
                + " JOIN enterprise_owner o ON o.enterprise_id = a.enterprise_id"
                + " WHERE o.account_id = " + sql.bind(scope.accountId()) + " AND c.status IN ('OPEN', 'REFUSED')"
                + " AND c.kind " + (documents ? "=" : "<>") + " 'DOCUMENT'"
                + " AND NOT EXISTS (SELECT 1 FROM agenda_item i JOIN committee_session s ON s.id = i.session_id"
                + " WHERE i.id = d.agenda_item_id AND s.status <> 'CLOSED')";
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/entrepreneur/file.xhtml?id=" + subjectId;
    }
}
