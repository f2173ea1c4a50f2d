package fr.essor.model.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the journal with the 18 fields of the FEC, in their order (article A47 A-1 of the French LPF).
 * Debit and credit are both present, one of them zero; lettering and foreign currency are not used (empty).
 */
public record JournalLine(String journalCode, String journalLib, String ecritureNum, LocalDate ecritureDate,
                          String compteNum, String compteLib, String compAuxNum, String compAuxLib, String pieceRef,
                          LocalDate pieceDate, String ecritureLib, BigDecimal debit, BigDecimal credit, String ecritureLet,
                          LocalDate dateLet, LocalDate validDate, BigDecimal montantDevise, String idevise) {
}
