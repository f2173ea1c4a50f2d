package fr.essor.service.committee;

import fr.essor.model.committee.ConditionKind;
import fr.essor.model.committee.ConditionLifter;
import fr.essor.model.committee.DecisionCondition;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A condition of an approval as the committee types it: its kind, what is asked, who lifts it (an
 * advisor when not said), by when, and the number of the granted line it blocks (0 for the first;
 * none: every line of the decision).
 */
public record ConditionInput(
        @NotNull(message = "condition.kindRequired") ConditionKind kind,
        @NotBlank(message = "field.required") @Size(max = DecisionCondition.TEXT_MAX, message = "field.tooLong") String text,
        ConditionLifter liftedBy,
        @NotNull(message = "field.required") LocalDate dueDate,
        Integer lineNo) {
}
