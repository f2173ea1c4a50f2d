package fr.essor.service.inbox;

import java.time.LocalDate;

/**
 * What a run of the daily digest did for a day.
 *
 * @param recipients  the active accounts that have not switched the digest off
 * @param sent        those whose digest was queued now
 * @param empty       those with nothing unseen: no mail, nothing written
 * @param alreadySent those whose digest of that day was already claimed (by an earlier run, or another server)
 * @param failed      those for whom the run failed (logged); the next run tries them again
 */
public record DigestRun(LocalDate date, int recipients, int sent, int empty, int alreadySent, int failed) {
}
