package fr.essor.service.audit;

/**
 * Outcome of a chain check: intact or not, how many sealed events were read, the id of the first bad
 * one (null when intact), how many events wait to be sealed, and the head's sequence.
 */
public record ChainCheck(boolean intact, long checked, Long firstBrokenId, long unsealed, long headSeq) {
}
