package fr.essor.web.api;

import fr.essor.service.enterprise.EnterpriseService;
import fr.essor.service.enterprise.EnterpriseView;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import fr.essor.service.shared.InvalidInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's enterprises. */
@Path("enterprises")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnterprisesResource {

    @EJB
    private EnterpriseService enterprises;

    @GET
    @Path("mine")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "The enterprises the caller owns")
    public List<EnterpriseOut> mine() {
        return enterprises.mine().stream().map(EnterpriseOut::of).toList();
    }

    @GET
    @Path("{id}/co-owners")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "The owners of one of the caller's enterprises and the invitations still pending")
    public EnterpriseService.Owners coOwners(@PathParam("id") long id) {
        return enterprises.owners(id);
    }

    @POST
    @Path("{id}/co-owners")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a co-owner by e-mail: the recipient must accept (an account holder on their home page"
            + " or POST /invitations/{id}/accept, anyone else by registering through the mail's link); the answer is"
            + " INVITED whoever the address is")
    public EnterpriseService.CoOwnerOutcome invite(@PathParam("id") long id, CoOwnerIn body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return enterprises.inviteCoOwner(id, body.email());
    }

    public record CoOwnerIn(String email) {
    }

    public record EnterpriseOut(long id, String legalName, String siret, String legalForm, String department, String association) {

        static EnterpriseOut of(EnterpriseView e) {
            return new EnterpriseOut(e.id(), e.legalName(), e.siret().replace(" ", ""), e.legalForm(), e.department(),
                    e.associationCode());
        }
    }
}
