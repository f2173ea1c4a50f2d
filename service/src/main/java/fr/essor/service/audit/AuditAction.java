package fr.essor.service.audit;

import fr.essor.model.application.DecisionOutcome;

/**
 * Every action Essor records in the audit trail. The stored value is the constant's name
 * ({@link #stored()}): it is part of each event's hash, so a constant is never renamed; a new action
 * is a new constant.
 */
public enum AuditAction {

    // Any record: created, changed, replaced, deleted
    CREATE,
    UPDATE,
    REPLACE,
    DELETE,

    // Accounts
    REGISTER,
    CHANGE_PASSWORD,
    RESET_PASSWORD,
    ACTIVATE,
    DEACTIVATE,

    // Co-owner invitations
    INVITE,
    INVITE_AGAIN,
    ACCEPT,
    DECLINE,

    // Applications
    SAVE_PROJECT,
    SAVE_LINES,
    SAVE_PLAN,
    SAVE_IMPACT,
    UPLOAD,
    REMOVE_DOCUMENT,
    SUBMIT,
    WITHDRAW,
    MESSAGE,
    ASSIGN,
    UNASSIGN,
    START_REVIEW,
    REQUEST_INFORMATION,
    ANSWER_INFORMATION,
    SAVE_REVIEW,
    READY_FOR_COMMITTEE,
    RESUME_REVIEW,
    ON_AGENDA,
    ADJOURNED,
    DECISION_APPROVED,
    DECISION_DEFERRED,
    DECISION_REJECTED,
    CONTRACTED,

    // Committees and their sessions
    SEAT,
    UNSEAT,
    QUORUM,
    SCHEDULE,
    AGENDA_ADD,
    AGENDA_REMOVE,
    AGENDA_MOVE,
    CONVENE,
    OPEN,
    ATTENDANCE,
    PRESENT,
    CONFLICT,
    VOTE,
    ADJOURN,
    CLOSE,

    // Conventions and the money allocated on them (SCHEDULE, ACTIVATE, CLOSE above serve too)
    ALLOCATE,
    DISBURSE,
    RELEASE,
    REPAYMENT,
    WRITE_OFF,
    GUARANTEE_CALL,
    MARK_LATE,

    // Mail outbox
    MAIL_QUEUED,
    MAIL_RETRY,

    // Personal data (issue 16): retention, holds, erasure requests
    ANONYMISE,
    ERASE,
    HOLD,
    RELEASE_HOLD,
    REQUEST_ERASURE,
    ACKNOWLEDGE,
    // A person's data (issue 16): the export of everything held about them, their mail preferences
    EXPORT_PERSONAL_DATA,
    MAIL_PREFERENCE,
    // issue 19, item 10: the language an account chose, that of its mails
    LANGUAGE_PREFERENCE,

    // figs (issue 12, national figures): a year's figures published, a closing reopened
    CLOSE_YEAR,
    REOPEN_YEAR,
    // Rules per association (issue 12, branch rules): the network's limits, an association's rules versions
    NETWORK_LIMITS_CHANGED,
    RULES_CREATED,
    RULES_CHANGED,

    // Demo data (the demo module)
    LOAD,
    LOAD_SUPPORT,
    // issue 14 (branch loans): a repayment reversed by a second person, a loan rescheduled
    REVERSE_REPAYMENT,
    RESCHEDULE,

    // After the decision (issue 13, branch after): conditions precedent, four eyes on money
    CONDITION_RECORDED,
    CONDITION_PROVIDED,
    CONDITION_LIFTED,
    CONDITION_REFUSED,
    MONEY_PROPOSED,
    MONEY_APPROVED,
    MONEY_REJECTED,
    FOUR_EYES_THRESHOLD,

    // The inbox (issue 13, item 5, branch inbox): an item marked as seen, the digest asked for or stopped,
    // one person's digest of a day claimed (and queued when it has items)
    INBOX_SEEN,
    INBOX_DIGEST_CHANGED,
    INBOX_DIGEST_CLAIMED,
    // issue 14 item 5 (branch fec): an association's chart of accounts replaced
    ACCOUNTING_CHART_CHANGED,
    // issue 14, item 3 (branch arrears): the arrears run, its dunning notices, dunning levels, recoveries
    ARREARS_RUN,
    DUNNING_SENT,
    DUNNING_PLAN,
    RECOVERY,
    // guar (issue 14, item 4): the life of a guarantee (its call's payment is GUARANTEE_CALL)
    GUARANTEE_LOAN_RECORDED,
    GUARANTEE_COMMISSION,
    GUARANTEE_CLAIMED,
    GUARANTEE_RECOVERY,
    GUARANTEE_RELEASED,
    AGREEMENT_TEMPLATE_SAVED,
    AGREEMENT_GENERATED,
    AGREEMENT_UPLOADED,
    AGREEMENT_SIGNED,
    AGREEMENT_REFUSED,
    // follow
    FOLLOW_UP_PLANNED,
    FOLLOW_UP_REMINDED,
    FOLLOW_UP_ANSWERED,
    FOLLOW_UP_CLOSED;

    /** The value stored in the trail, and hashed into its chain. */
    public String stored() {
        return name();
    }

    /** The action recording a committee's decision of this outcome. */
    public static AuditAction decision(DecisionOutcome outcome) {
        return switch (outcome) {
            case APPROVED -> DECISION_APPROVED;
            case DEFERRED -> DECISION_DEFERRED;
            case REJECTED -> DECISION_REJECTED;
        };
    }
}
