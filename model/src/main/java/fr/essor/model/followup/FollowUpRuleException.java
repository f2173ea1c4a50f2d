package fr.essor.model.followup;

import fr.essor.model.shared.RuleException;

/** A rule of the follow-up would be broken (a milestone not due or already answered, an enterprise already closed). */
public final class FollowUpRuleException extends RuleException {

    private static final long serialVersionUID = 1L;

    /** Code of the follow-up's rules, given to the API's callers. */
    public static final String CODE = "FOLLOW_UP_RULE";

    FollowUpRuleException(String key, Object... arguments) {
        super(null, CODE, key, null, arguments);
    }
}
