package fr.essor.service.mail;

/**
 * What a mail is about. Its name is stored in the outbox's {@code kind} column and prefixes its
 * templates in the mail bundle ({@code KIND.subject}, {@code KIND.body}).
 */
public enum MailKind {
    APPLICATION_SUBMITTED,
    INFORMATION_REQUESTED,
    DECISION_MADE,
    ACCOUNT_CREATED,
    SESSION_CONVENED,
    CO_OWNER_INVITED,
    CO_OWNER_INVITED_MEMBER,
    ERASURE_SCHEDULED
}
