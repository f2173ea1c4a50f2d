package fr.essor.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.essor.model.application.DecisionOutcome;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AuditActionTest {

    /** The values the services recorded as free strings before the enum; each is hashed into the chain. */
    private static final Set<String> RECORDED_BEFORE_THE_ENUM = Set.of(
            "ACCEPT", "ACTIVATE", "ADJOURN", "ADJOURNED", "AGENDA_ADD", "AGENDA_MOVE", "AGENDA_REMOVE", "ALLOCATE",
            "ANSWER_INFORMATION", "ASSIGN", "ATTENDANCE", "CHANGE_PASSWORD", "CLOSE", "CONFLICT", "CONTRACTED",
            "CONVENE", "CREATE", "DEACTIVATE", "DECISION_APPROVED", "DECISION_DEFERRED", "DECISION_REJECTED",
            "DECLINE", "DELETE", "DISBURSE", "GUARANTEE_CALL", "INVITE", "INVITE_AGAIN", "LOAD", "LOAD_SUPPORT",
            "MAIL_QUEUED", "MAIL_RETRY", "MARK_LATE", "MESSAGE", "ON_AGENDA", "OPEN", "PRESENT", "QUORUM",
            "READY_FOR_COMMITTEE", "REGISTER", "RELEASE", "REMOVE_DOCUMENT", "REPAYMENT", "REPLACE",
            "REQUEST_INFORMATION", "RESET_PASSWORD", "RESUME_REVIEW", "SAVE_IMPACT", "SAVE_LINES", "SAVE_PLAN",
            "SAVE_PROJECT", "SAVE_REVIEW", "SCHEDULE", "SEAT", "SUBMIT", "START_REVIEW", "UNASSIGN", "UNSEAT",
            "UPDATE", "UPLOAD", "VOTE", "WITHDRAW", "WRITE_OFF");

    /** Added since, each pinned here: a stored value never changes. */
    private static final Set<String> ADDED_SINCE = Set.of(
            // issue 16, personal data
            "ANONYMISE", "ERASE", "HOLD", "RELEASE_HOLD", "REQUEST_ERASURE", "ACKNOWLEDGE",
            // issue 16, a person's access: the export of their data, their mail preferences
            "EXPORT_PERSONAL_DATA", "MAIL_PREFERENCE",
            // issue 19, item 10, the language an account chose for its pages and mails
            "LANGUAGE_PREFERENCE",
            // issue 12 (branch rules), the network's limits and each association's rules versions
            "NETWORK_LIMITS_CHANGED", "RULES_CREATED", "RULES_CHANGED",
            // issue 12 (branch figs), a year's figures published, a closing reopened
            "CLOSE_YEAR", "REOPEN_YEAR",
            // issue 14 (branch loans), a repayment reversed, a loan rescheduled
            "REVERSE_REPAYMENT", "RESCHEDULE",
            // issue 13 (branch after), conditions precedent and four eyes on money
            "CONDITION_RECORDED", "CONDITION_PROVIDED", "CONDITION_LIFTED", "CONDITION_REFUSED",
            "MONEY_PROPOSED", "MONEY_APPROVED", "MONEY_REJECTED", "FOUR_EYES_THRESHOLD",
            // guar (issue 14, item 4), the life of a guarantee
            "GUARANTEE_LOAN_RECORDED", "GUARANTEE_COMMISSION", "GUARANTEE_CLAIMED", "GUARANTEE_RECOVERY", "GUARANTEE_RELEASED",
            // issue 13 (branch agree), agreements and their templates
            "AGREEMENT_TEMPLATE_SAVED", "AGREEMENT_GENERATED", "AGREEMENT_UPLOADED", "AGREEMENT_SIGNED", "AGREEMENT_REFUSED",
            // issue 13 (branch inbox), the inbox and its digest
            "INBOX_SEEN", "INBOX_DIGEST_CHANGED", "INBOX_DIGEST_CLAIMED",
            // issue 13 (branch follow), the follow-up of funded enterprises
            "FOLLOW_UP_PLANNED", "FOLLOW_UP_REMINDED", "FOLLOW_UP_ANSWERED", "FOLLOW_UP_CLOSED",
            // issue 14 (branches fec and arrears), the chart of accounts, arrears, dunning and recoveries
            "ACCOUNTING_CHART_CHANGED", "ARREARS_RUN", "DUNNING_SENT", "DUNNING_PLAN", "RECOVERY");

    @Test
    void storedValuesAreExactlyTheStringsRecordedBeforeTheEnumAndThosePinnedSince() {
        Set<String> expected = new TreeSet<>(RECORDED_BEFORE_THE_ENUM);
        expected.addAll(ADDED_SINCE);
        assertEquals(expected,
                new TreeSet<>(Arrays.stream(AuditAction.values()).map(AuditAction::stored).toList()));
    }

    @Test
    void aDecisionIsRecordedAsDecisionUnderscoreOutcome() {
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            assertEquals("DECISION_" + outcome, AuditAction.decision(outcome).stored());
        }
    }
}
