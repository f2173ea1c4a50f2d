package fr.essor.service.inbox;

import java.time.LocalDate;

/**
 * What a run of the daily digest did for a day.
 *
 * @param subscribers the active accounts that asked for the digest
 * @param sent        those whose digest was queued now
 * @param empty       those with nothing new: claimed, no mail
 * @param alreadySent those whose digest of that day was already claimed (by an earlier run, or another server)
 * @param failed      those for whom the run failed (logged); the next run tries them again
 */
public record DigestRun(LocalDate date, int subscribers, int sent, int empty, int alreadySent, int failed) {
}
