package fr.essor.service.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One item of a person's inbox.
 *
 * @param key       its name ({@code KIND:ids}), by which it is marked as seen
 * @param kind      what it is ({@code inbox.kind.<kind>} in the bundles)
 * @param subjectId the id of the record it is about (a file, a session, an allocation)
 * @param reference the file's reference, or another short name of its subject; may be null
 * @param label     what it is about: a file's title, a condition's text, a committee's name
 * @param detail    a question, a refusal's reason, a place; may be null
 * @param amount    the money at stake, or null
 * @param dueOn     the day it is due (a condition, a session), or null
 * @param since     when it began to wait (a question asked, a document provided), or null
 * @param seen      whether the person marked it as seen
 * @param page      the page where it is acted on, from the application's root
 */
public record InboxItem(String key, String kind, long subjectId, String reference, String label, String detail, BigDecimal amount,
                        LocalDate dueOn, Instant since, boolean seen, String page) {

    /** Past its due day. */
    public boolean overdue(LocalDate today) {
        return dueOn != null && dueOn.isBefore(today);
    }
}
