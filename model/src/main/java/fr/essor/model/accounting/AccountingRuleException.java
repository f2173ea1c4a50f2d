package fr.essor.model.accounting;

import fr.essor.model.shared.RuleException;

/**
 * A rule of the accounting export would be broken, e.g. a movement of the period whose kind the chart of
 * accounts does not map ({@code accounting.kindUnmapped}, naming the kind). Refused as a conflict with the
 * code {@value #ACCOUNTING}.
 */
public class AccountingRuleException extends RuleException {

    private static final long serialVersionUID = 1L;

    /** Code of the accounting rules (chart of accounts, export). */
    public static final String ACCOUNTING = "ACCOUNTING_RULE";

    public AccountingRuleException(String key, Object... arguments) {
        super(null, ACCOUNTING, key, null, arguments);
    }
}
