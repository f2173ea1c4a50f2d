package fr.essor.service.audit;

/** Outcome of a chain check: intact or not, how many events were read, the first bad one. */
public record ChainCheck(boolean intact, long checked, Long firstBrokenId) {
}
