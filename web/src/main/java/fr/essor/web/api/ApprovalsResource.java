package fr.essor.web.api;

import fr.essor.service.convention.FourEyesService;
import fr.essor.service.convention.FourEyesViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Four eyes on money (issue 13): the money movements proposed above an association's threshold
 * (by {@code POST /allocations/{id}/disbursements}, {@code /write-off}, {@code /guarantee-calls},
 * answering 202), waiting for a second person who approves or rejects them; the thresholds.
 */
@Path("approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    @EJB
    private FourEyesService fourEyes;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The proposals waiting for the caller (of their association, proposed by someone else), oldest first")
    public Response waiting(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<FourEyesViews.Proposal> result = fourEyes.waiting(p.first(), p.size());
        return Responses.counted(result);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "One proposal")
    public FourEyesViews.Proposal get(@PathParam("id") long id) {
        return fourEyes.proposal(id);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Approve and execute the movement; 403 FOUR_EYES for its proposer, 409 ALREADY_DECIDED when"
            + " someone decided meanwhile")
    public FourEyesViews.Proposal approve(@PathParam("id") long id) {
        return fourEyes.approve(id);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Reject with a reason (required): nothing moves; 403 for its proposer")
    public FourEyesViews.Proposal reject(@PathParam("id") long id, ReasonRequest body) {
        return fourEyes.reject(id, body == null ? null : body.reason());
    }

    @GET
    @Path("thresholds")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The four-eyes threshold of the associations the admin administers")
    public List<FourEyesViews.Threshold> thresholds() {
        return fourEyes.thresholds();
    }

    @PUT
    @Path("thresholds/{associationId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set an association's four-eyes threshold (EUR, 0.00 or more): a movement above it needs a second person")
    public FourEyesViews.Threshold threshold(@PathParam("associationId") long associationId, ThresholdRequest body) {
        if (body == null) {
            throw new InvalidInputException("threshold", "field.required");
        }
        return fourEyes.changeThreshold(associationId, Params.decimal("threshold", body.threshold()));
    }

    public record ReasonRequest(String reason) {
    }

    public record ThresholdRequest(String threshold) {
    }
}
