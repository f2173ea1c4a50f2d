package fr.essor.model.accounting;

import fr.essor.model.shared.RuleException;
import java.util.regex.Pattern;

/**
 * How one kind of movement is written in the books: the account debited and the account credited (with their
 * labels, as the FEC's CompteLib shows them) and the journal (code and label). Checked when built: an account
 * number is 3 to 20 characters, a digit from 1 to 8 (a class of the French chart) then digits or capital letters;
 * a journal code 1 to 10 capital letters or digits; a label 1 to 100 characters without a tab, a pipe or a line
 * break (the FEC's separators); the two accounts differ. A refusal names the field under {@code prefix}.
 */
public record Posting(String debitAccount, String debitLabel, String creditAccount, String creditLabel,
                      String journalCode, String journalLabel) {

    public static final int ACCOUNT_MAX = 20;
    public static final int JOURNAL_MAX = 10;
    public static final int LABEL_MAX = 100;

    private static final Pattern ACCOUNT = Pattern.compile("[1-8][0-9A-Z]{2," + (ACCOUNT_MAX - 1) + "}");
    private static final Pattern JOURNAL = Pattern.compile("[A-Z0-9]{1," + JOURNAL_MAX + "}");
    private static final Pattern FORBIDDEN_IN_LABEL = Pattern.compile("[\\t|\\r\\n\\p{Cntrl}]");

    public Posting {
        debitAccount = trim(debitAccount);
        creditAccount = trim(creditAccount);
        journalCode = trim(journalCode);
        debitLabel = trim(debitLabel);
        creditLabel = trim(creditLabel);
        journalLabel = trim(journalLabel);
    }

    /** The same posting, each field checked; a refusal names {@code prefix + "." + field}. */
    public Posting checked(String prefix) {
        account(prefix + ".debitAccount", debitAccount);
        account(prefix + ".creditAccount", creditAccount);
        label(prefix + ".debitLabel", debitLabel);
        label(prefix + ".creditLabel", creditLabel);
        if (journalCode == null || !JOURNAL.matcher(journalCode).matches()) {
            throw RuleException.field(prefix + ".journalCode", "accounting.journalCodeInvalid", JOURNAL_MAX);
        }
        label(prefix + ".journalLabel", journalLabel);
        if (debitAccount.equals(creditAccount)) {
            throw RuleException.field(prefix + ".creditAccount", "accounting.sameAccount", debitAccount);
        }
        return this;
    }

    private static void account(String field, String value) {
        if (value == null || !ACCOUNT.matcher(value).matches()) {
            throw RuleException.field(field, "accounting.accountInvalid", ACCOUNT_MAX);
        }
    }

    private static void label(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > LABEL_MAX || FORBIDDEN_IN_LABEL.matcher(value).find()) {
            throw RuleException.field(field, "accounting.labelInvalid", LABEL_MAX);
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
