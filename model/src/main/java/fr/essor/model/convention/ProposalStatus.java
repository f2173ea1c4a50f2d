package fr.essor.model.convention;

/** PROPOSED by one advisor, then APPROVED (the movement is executed) or REJECTED by another person. Both final. */
public enum ProposalStatus { PROPOSED, APPROVED, REJECTED }
