package fr.essor.service.privacy;

import fr.essor.model.privacy.RetentionKind;
import java.time.LocalDate;

/**
 * One thing the nightly job will do: apply {@code kind}'s rule to a record ({@code entityType}
 * "Application" or "UserAccount", by number) on {@code dueOn}, unless an administrator holds it.
 * {@code label} names the record without personal data (a file's reference, an account's number).
 */
public record RetentionCase(RetentionKind kind, String entityType, long entityId, String label, LocalDate dueOn,
        Long holdId, String holdReason) {

    public boolean held() {
        return holdId != null;
    }
}
