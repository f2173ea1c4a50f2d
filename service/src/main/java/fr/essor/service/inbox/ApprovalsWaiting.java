package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_DATE;

import fr.essor.model.account.Role;
import java.util.List;

/**
 * Advisor or administrator: a money movement above the association's threshold, proposed by someone else,
 * waits for a second person (four eyes). Its proposer never sees it here: he may not approve it.
 */
final class ApprovalsWaiting implements InboxSource {

    @Override
    public String kind() {
        return "APPROVAL_WAITING";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.ADVISOR) && !scope.has(Role.ADMIN)) {
            return null;
        }
        return InboxSql.select(kind(), List.of("p.id"), "p.allocation_id", "a.reference", "a.title", "p.kind", "p.amount", NO_DATE,
                "p.proposed_at")
                + " FROM money_proposal p JOIN allocation al ON al.id = p.allocation_id"
                + " JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id"
                + " JOIN application a ON a.id = d.application_id"
                + " WHERE p.status = 'PROPOSED' AND LOWER(p.proposed_by) <> " + sql.bind(scope.email())
                + Scopes.association("p.association_id", scope, sql);
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return scope.has(Role.ADVISOR) ? "/advisor/approvals.xhtml" : "/admin/approvals.xhtml";
    }
}
