package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;
import static fr.essor.service.inbox.InboxSql.NO_DATE;

import fr.essor.model.account.Role;
import java.util.List;

/** Entrepreneur: a file of one of his enterprises waits for his answer to the advisor's question. */
final class InformationRequested implements InboxSource {

    @Override
    public String kind() {
        return "INFORMATION_REQUESTED";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.ENTREPRENEUR)) {
            return null;
        }
        // the latest request: the key changes with each new question
        return InboxSql.select(kind(), List.of("a.id", "sc.id"), "a.id", "a.reference", "a.title",
                "CASE WHEN sc.visible_to_applicant = TRUE THEN sc.comment_text END", NO_AMOUNT, NO_DATE, "sc.occurred_at")
                + " FROM application a JOIN enterprise_owner o ON o.enterprise_id = a.enterprise_id"
                + " JOIN application_status_change sc ON sc.application_id = a.id"
                + " WHERE o.account_id = " + sql.bind(scope.accountId()) + " AND a.status = 'INFO_REQUESTED'"
                + " AND sc.id = (SELECT MAX(r.id) FROM application_status_change r WHERE r.application_id = a.id"
                + " AND r.to_status = 'INFO_REQUESTED')";
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/entrepreneur/file.xhtml?id=" + subjectId;
    }
}
