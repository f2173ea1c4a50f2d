package fr.essor.service.mail;

import java.util.Arrays;
import java.util.List;

/**
 * What a mail is about. Its name is stored in the outbox's {@code kind} column and prefixes its
 * templates in the mail bundle ({@code KIND.subject}, {@code KIND.body}).
 *
 * <p>An optional kind is one a person may switch off on their page "My data" (issue 16): it tells
 * what the pages show anyway. A mandatory kind carries what a person must know or act on (a
 * question, a decision, a convocation, their account) and is always sent. A new digest or reminder
 * is declared optional.
 */
public enum MailKind {
    /** The acknowledgement of a submitted file: its status is on the entrepreneur's page. */
    APPLICATION_SUBMITTED(true),
    INFORMATION_REQUESTED(false),
    DECISION_MADE(false),
    ACCOUNT_CREATED(false),
    SESSION_CONVENED(false),
    /** To an address without an account: nobody to hold a preference, always sent. */
    CO_OWNER_INVITED(false),
    /** To an existing account: the invitation waits on their home page too. */
    CO_OWNER_INVITED_MEMBER(true),
    /** The date his erasure is scheduled for: a duty to inform, always sent. */
    ERASURE_SCHEDULED(false),
    /**
     * The daily digest of a person's inbox (issue 13): what waits in the inbox anyway; sent to everyone
     * who has not switched it off (its own box on "My data", or {@code PUT /api/v1/inbox/digest}).
     */
    INBOX_DIGEST(true),
    /** A loan past due (issue 14, arrears): money owed, always sent, once per loan and dunning level. */
    LOAN_OVERDUE(false),
    /** A follow-up milestone of a funded file is due: the same form waits on the entrepreneur's page. */
    FOLLOW_UP_DUE(true);

    private final boolean optional;

    MailKind(boolean optional) {
        this.optional = optional;
    }

    /** Whether its recipient may switch it off. */
    public boolean optional() {
        return optional;
    }

    /** The kinds a person may switch off, in declaration order. */
    public static List<MailKind> optionalKinds() {
        return Arrays.stream(values()).filter(MailKind::optional).toList();
    }
}
