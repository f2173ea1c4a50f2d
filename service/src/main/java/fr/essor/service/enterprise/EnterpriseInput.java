package fr.essor.service.enterprise;

import fr.essor.model.enterprise.LegalForm;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The enterprise profile as typed by its owner, the legal form chosen from the list. The constraints
 * are checked at the service's boundary ({@code @Valid}); their messages are keys of the web bundles.
 * The free texts are checked by the service (stripped, then measured).
 */
public record EnterpriseInput(String legalName, String siret,
                              @NotNull(message = "enterprise.legalFormRequired") LegalForm legalForm,
                              boolean esusApproved, String addressLine, String postalCode, String city, String department,
                              String sector,
                              @PastOrPresent(message = "enterprise.creationDateInvalid") LocalDate creationDate,
                              @PositiveOrZero(message = FTE_INVALID) @DecimalMax(value = "99999", message = FTE_INVALID)
                              @Digits(integer = 5, fraction = 2, message = FTE_INVALID) BigDecimal employeesFte) {

    static final String FTE_INVALID = "impact.fteInvalid";
}
