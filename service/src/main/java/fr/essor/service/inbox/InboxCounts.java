package fr.essor.service.inbox;

/** How many items a person's inbox holds, and how many of them they have not seen. */
public record InboxCounts(long total, long unseen) {
}
