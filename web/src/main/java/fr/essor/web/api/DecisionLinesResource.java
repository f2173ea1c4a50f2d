package fr.essor.web.api;

import fr.essor.service.convention.AllocationService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Approved lines of the caller's association and what is allocated to them. */
@Path("decision-lines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DecisionLinesResource {

    @EJB
    private AllocationService allocations;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Approved lines: id, applicationReference, enterprise, instrument, granted, allocated, unallocated, decisionDate")
    public Response lines(@QueryParam("unallocated") boolean unallocated, @QueryParam("page") String page,
                          @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<ConventionViews.LineRow> result = allocations.lines(unallocated, p.first(), p.size());
        return Responses.counted(result);
    }

    @GET
    @Path("{id}/eligible-conventions")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "The active conventions whose rules accept the line, with what they have left")
    public List<ConventionViews.Summary> eligible(@PathParam("id") long id) {
        return allocations.eligible(id);
    }
}
