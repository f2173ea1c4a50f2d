package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;

import fr.essor.model.account.Role;
import java.util.List;

/** Advisor: a condition of a file of his (or of nobody's) past its due date and still not lifted. */
final class OverdueConditions implements InboxSource {

    @Override
    public String kind() {
        return "CONDITION_OVERDUE";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.ADVISOR) || scope.associationId() == null) {
            return null;
        }
        return InboxSql.select(kind(), List.of("c.id"), "a.id", "a.reference", "c.text", "e.legal_name", NO_AMOUNT, "c.due_date",
                "c.created_at")
                + " FROM decision_condition c JOIN decision d ON d.id = c.decision_id JOIN application a ON a.id = d.application_id"
                + " JOIN enterprise e ON e.id = a.enterprise_id"
                + " WHERE e.association_id = " + sql.bind(scope.associationId())
                + " AND c.status <> 'LIFTED' AND c.due_date < " + sql.bind(scope.today())
                + " AND (a.assigned_advisor_id IS NULL OR a.assigned_advisor_id = " + sql.bind(scope.accountId()) + ")";
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/advisor/file.xhtml?id=" + subjectId;
    }
}
