package fr.essor.web.api;

import fr.essor.service.indicator.IndicatorService;
import fr.essor.service.indicator.Indicators;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Year;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The figures a network publishes, per association (or the network) and calendar year. */
@Path("indicators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorsResource {

    @EJB
    private IndicatorService indicators;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "advised, financed, mobilised, jobs, by instrument, department, legal form and stage, leverage, targets")
    public Indicators get(@QueryParam("association") String association, @QueryParam("year") String year) {
        int y;
        try {
            y = year == null || year.isBlank() ? Year.now().getValue() : Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "indicator.yearInvalid", Year.now().getValue() + 1);
        }
        return indicators.indicators(association, y);
    }
}
