package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;
import static fr.essor.service.inbox.InboxSql.NO_TEXT;

import fr.essor.model.account.Role;
import java.util.List;

/**
 * Committee member: a file on the agenda of an open session of his committee, undecided, on which he is present,
 * not conflicted and has not voted yet.
 */
final class VotesToCast implements InboxSource {

    @Override
    public String kind() {
        return "VOTE_TO_CAST";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.COMMITTEE_MEMBER)) {
            return null;
        }
        String me = sql.bind(scope.accountId());
        return InboxSql.select(kind(), List.of("i.id"), "s.id", "a.reference", "a.title", NO_TEXT, NO_AMOUNT,
                "CAST(s.starts_at AS DATE)", "s.opened_at")
                + " FROM agenda_item i JOIN committee_session s ON s.id = i.session_id JOIN application a ON a.id = i.application_id"
                + " JOIN session_attendance p ON p.session_id = s.id"
                + " WHERE p.account_id = " + me + " AND s.status = 'OPEN'"
                + " AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.agenda_item_id = i.id)"
                + " AND NOT EXISTS (SELECT 1 FROM committee_vote cv WHERE cv.item_id = i.id AND cv.member_id = p.account_id)"
                + " AND NOT EXISTS (SELECT 1 FROM conflict_of_interest ci WHERE ci.item_id = i.id AND ci.member_id = p.account_id)";
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/committee/session.xhtml?id=" + subjectId;
    }
}
