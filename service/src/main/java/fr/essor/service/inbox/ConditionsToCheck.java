package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;

import fr.essor.model.account.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Advisor or administrator: an entrepreneur provided what a condition asks; it waits to be lifted or refused by
 * whom the committee named (the advisors, or the association's administrator).
 */
final class ConditionsToCheck implements InboxSource {

    @Override
    public String kind() {
        return "CONDITION_TO_CHECK";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        List<String> lifters = new ArrayList<>();
        if (scope.has(Role.ADVISOR)) {
            lifters.add("'ADVISOR'");
        }
        if (scope.has(Role.ADMIN)) {
            lifters.add("'ADMIN'");
        }
        if (lifters.isEmpty()) {
            return null;
        }
        return InboxSql.select(kind(), List.of("c.id", "c.version"), "a.id", "a.reference", "c.text", "e.legal_name", NO_AMOUNT,
                "c.due_date", "c.created_at")
                + " FROM decision_condition c JOIN decision d ON d.id = c.decision_id JOIN application a ON a.id = d.application_id"
                + " JOIN enterprise e ON e.id = a.enterprise_id"
                + " WHERE c.status = 'PROVIDED' AND c.lifted_by_role IN (" + String.join(", ", lifters) + ")"
                + Scopes.association("e.association_id", scope, sql);
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/advisor/file.xhtml?id=" + subjectId;
    }
}
