package fr.essor.service.inbox;

/** The tenant criterion the staff's sources share. */
final class Scopes {

    private Scopes() {
    }

    /** " AND column = ?n" for the staff of an association; nothing for a national administrator, who sees them all. */
    static String association(String column, InboxScope scope, InboxSql sql) {
        return scope.associationId() == null ? "" : " AND " + column + " = " + sql.bind(scope.associationId());
    }
}
