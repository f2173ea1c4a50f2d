package fr.essor.service.accounting;

/**
 * One line of a chart of accounts as typed (JSON or the page): the movement kind, the instrument (null, blank
 * or {@code ALL} for every instrument), the accounts debited and credited with their labels, the journal.
 */
public record MappingInput(String movementKind, String instrument, String debitAccount, String debitLabel,
                           String creditAccount, String creditLabel, String journalCode, String journalLabel) {
}
