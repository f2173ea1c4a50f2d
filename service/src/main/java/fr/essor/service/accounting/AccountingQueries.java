package fr.essor.service.accounting;

import fr.essor.model.accounting.JournalMovement;
import fr.essor.model.application.Instrument;
import fr.essor.model.convention.MovementKind;
import fr.essor.service.shared.Columns;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/** The SQL of the accounting export: an association's ledger movements of a period, in one statement. */
final class AccountingQueries {

    private AccountingQueries() {
    }

    /** Movements of the association's conventions dated in [from, to], with their line's instrument, file and enterprise. */
    static List<JournalMovement> movements(EntityManager em, long associationId, LocalDate from, LocalDate to) {
        List<?> rows = em.createNativeQuery("SELECT m.id, m.kind, g.instrument, m.amount, m.occurred_on, m.recorded_at,"
                        + " c.reference, ap.reference, e.id, e.legal_name"
                        + " FROM ledger_movement m JOIN convention c ON c.id = m.convention_id"
                        + " JOIN allocation al ON al.id = m.allocation_id JOIN granted_line g ON g.id = al.granted_line_id"
                        + " JOIN decision d ON d.id = g.decision_id JOIN application ap ON ap.id = d.application_id"
                        + " JOIN enterprise e ON e.id = ap.enterprise_id"
                        + " WHERE c.association_id = ? AND m.occurred_on >= ? AND m.occurred_on <= ?"
                        + " ORDER BY m.occurred_on, m.id")
                .setParameter(1, associationId).setParameter(2, from).setParameter(3, to).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new JournalMovement(((Number) r[0]).longValue(), MovementKind.valueOf((String) r[1]),
                    Instrument.valueOf((String) r[2]), decimal(r[3]), Columns.date(r[4]), utcDate(r[5]), (String) r[6],
                    r[7] == null ? null : r[7].toString(), ((Number) r[8]).longValue(), (String) r[9]);
        }).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    /** DATETIME columns hold UTC date-times (see InstantConverter): their date is the UTC day. */
    private static LocalDate utcDate(Object value) {
        if (value instanceof LocalDateTime ldt) {
            return ldt.toLocalDate();
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().toLocalDate();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date-time type " + value.getClass().getName());
    }
}
