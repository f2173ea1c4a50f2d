package fr.essor.web.entrepreneur;

import fr.essor.service.convention.GuaranteeService;
import fr.essor.service.convention.GuaranteeViews;
import fr.essor.service.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The entrepreneur's file shows the amortisation of the bank loans the network guarantees (issue 14,
 * item 4), read only: the enterprise's own loan, nothing about the fund or the partner behind the guarantee.
 */
@Named("guaranteedLoans")
@RequestScoped
public class GuaranteedLoansBacking {

    @EJB
    private GuaranteeService guarantees;

    private Long readFor;
    private List<GuaranteeViews.Schedule> schedules = List.of();

    /** The guaranteed bank loans of an application of the caller's (none for anyone else), read once per request. */
    public List<GuaranteeViews.Schedule> of(Long applicationId) {
        if (applicationId == null) {
            return List.of();
        }
        if (!applicationId.equals(readFor)) {
            readFor = applicationId;
            try {
                schedules = guarantees.schedulesOfApplication(applicationId);
            } catch (NotFoundException e) {
                schedules = List.of(); // readable here without being an owner: no schedule to show
            }
        }
        return schedules;
    }
}
