package fr.essor.model.convention;

/** The money movements that need a second person above the association's threshold. */
public enum ProposalKind { DISBURSEMENT, WRITE_OFF, GUARANTEE_CALL }
