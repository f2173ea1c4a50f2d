package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;
import static fr.essor.service.inbox.InboxSql.NO_DATE;

import fr.essor.model.account.Role;
import java.util.List;

/** Advisor: a file submitted to his association, not yet under review, assigned to him or to nobody. */
final class FilesToInstruct implements InboxSource {

    @Override
    public String kind() {
        return "FILE_TO_INSTRUCT";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.ADVISOR) || scope.associationId() == null) {
            return null;
        }
        return InboxSql.select(kind(), List.of("a.id"), "a.id", "a.reference", "a.title", "e.legal_name", NO_AMOUNT, NO_DATE,
                "a.submitted_at")
                + " FROM application a JOIN enterprise e ON e.id = a.enterprise_id"
                + " WHERE e.association_id = " + sql.bind(scope.associationId()) + " AND a.status = 'SUBMITTED'"
                + " AND (a.assigned_advisor_id IS NULL OR a.assigned_advisor_id = " + sql.bind(scope.accountId()) + ")";
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/advisor/file.xhtml?id=" + subjectId;
    }
}
