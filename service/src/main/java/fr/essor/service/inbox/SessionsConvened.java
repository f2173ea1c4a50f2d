package fr.essor.service.inbox;

import static fr.essor.service.inbox.InboxSql.NO_AMOUNT;

import fr.essor.model.account.Role;
import java.util.List;

/** Committee member: he is convened to a session that has not begun yet (today's included); he reads its files before. */
final class SessionsConvened implements InboxSource {

    @Override
    public String kind() {
        return "SESSION_CONVENED";
    }

    @Override
    public String select(InboxScope scope, InboxSql sql) {
        if (!scope.has(Role.COMMITTEE_MEMBER)) {
            return null;
        }
        return InboxSql.select(kind(), List.of("s.id"), "s.id", "k.name", "k.name", "COALESCE(s.place, s.video_link)", NO_AMOUNT,
                "CAST(s.starts_at AS DATE)", "s.starts_at")
                + " FROM session_convocation v JOIN committee_session s ON s.id = v.session_id"
                + " JOIN committee k ON k.id = s.committee_id"
                + " WHERE v.account_id = " + sql.bind(scope.accountId()) + " AND s.status = 'PLANNED'"
                + " AND s.starts_at >= " + sql.bind(scope.startOfToday());
    }

    @Override
    public String page(InboxScope scope, long subjectId) {
        return "/committee/session.xhtml?id=" + subjectId;
    }
}
