package fr.essor.web.api;

import fr.essor.service.shared.Roles;
import fr.essor.service.enterprise.EnterpriseService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The co-owner invitations addressed to the calling entrepreneur, which they accept or decline. */
@Path("invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @EJB
    private EnterpriseService enterprises;

    @GET
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "The invitations to co-own an enterprise waiting for the caller's answer")
    public List<EnterpriseService.PendingInvitation> mine() {
        return enterprises.myInvitations();
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Accept an invitation addressed to the caller: they become an owner of the enterprise"
            + " (404 for an invitation that is not the caller's or no longer pending)")
    public EnterprisesResource.EnterpriseOut accept(@PathParam("id") long id) {
        return EnterprisesResource.EnterpriseOut.of(enterprises.acceptInvitation(id));
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Decline an invitation addressed to the caller: nobody is added")
    public Response decline(@PathParam("id") long id) {
        enterprises.declineInvitation(id);
        return Response.noContent().build();
    }
}
