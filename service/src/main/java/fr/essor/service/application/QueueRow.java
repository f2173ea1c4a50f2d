package fr.essor.service.application;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Stage;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the advisor's work queue, read in the same statement as the others.
 *
 * @param requested the sum of the requested lines, null when there are none
 * @param advisorId the assigned advisor, null when nobody holds the file
 */
public record QueueRow(long id, String reference, String title, String enterpriseName, String siret, String department,
                       Stage stage, ApplicationStatus status, BigDecimal requested, Instant submittedAt, Long advisorId,
                       String advisorName, long version) implements Serializable {
}
