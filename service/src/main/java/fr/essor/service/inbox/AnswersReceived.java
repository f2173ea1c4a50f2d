package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;
import static fr.essor.service.inbox.InboxSql.NO_DATE;

import fr.essor.model.account.Role;
import java.util.List;

/**
 * Advisor: the applicant of a file of his association, assigned to him or to nobody, answered the question, and
 * the file, back in review, waits for the advisor's next step (the issue: "the advisor is told when an applicant
 * answers").
 */
final class AnswersReceived implements InboxSource {

    @Override
    public String kind() {
        return "ANSWER_RECEIVED";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.ADVISOR) || scope.associationId() == null) {
            return null;
        }
        return InboxSql.select(kind(), List.of("a.id", "sc.id"), "a.id", "a.reference", "a.title", "e.legal_name", NO_AMOUNT,
                NO_DATE, "sc.occurred_at")
                + " FROM application a JOIN enterprise e ON e.id = a.enterprise_id"
                + " JOIN application_status_change sc ON sc.application_id = a.id"
                + " WHERE e.association_id = " + sql.bind(scope.associationId()) + " AND a.status = 'IN_REVIEW'"
                + " AND (a.assigned_advisor_id IS NULL OR a.assigned_advisor_id = " + sql.bind(scope.accountId()) + ")"
                + " AND sc.from_status = 'INFO_REQUESTED' AND sc.to_status = 'IN_REVIEW'"
                + " AND sc.id = (SELECT MAX(r.id) FROM application_status_change r WHERE r.application_id = a.id)";
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/advisor/file.xhtml?id=" + subjectId;
    }
}
