package fr.essor.service.committee;

import fr.essor.model.committee.DecisionCondition;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** What the pages and the API show of conditions precedent. */
public final class ConditionViews {

    private ConditionViews() {
    }

    /** One condition of a file's approval; {@code lineNo} and {@code instrument} are null when it holds back every line. */
    public record Condition(long id, long decisionId, Long lineId, Integer lineNo, String instrument, String kind, String text,
                            String liftedBy, LocalDate dueDate, String status, Long documentId, String comment,
                            String decidedBy, Instant decidedAt, boolean overdue, long version) implements Serializable {

        static Condition of(DecisionCondition c, LocalDate today) {
            return new Condition(c.getId(), c.getDecision().getId(), c.getLine() == null ? null : c.getLine().getId(),
                    c.getLine() == null ? null : c.getLine().getLineNo(),
                    c.getLine() == null ? null : c.getLine().getLine().getInstrument().name(), c.getKind().name(), c.getText(),
                    c.getLifter().name(), c.getDueDate(), c.getStatus().name(), c.getDocumentId(), c.getComment(),
                    c.getDecidedBy(), c.getDecidedAt(), c.isOverdue(today), c.getVersion());
        }

        public boolean open() {
            return "OPEN".equals(status) || "PROVIDED".equals(status);
        }

        public boolean providable() {
            return !"LIFTED".equals(status);
        }
    }

    /** A condition past its due date and not lifted, in the advisor's queue. */
    public record Overdue(long id, long applicationId, String reference, String enterpriseName, String kind, String text,
                          LocalDate dueDate, String status) implements Serializable {
    }
}
