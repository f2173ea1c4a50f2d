package fr.essor.web.api;

import fr.essor.service.application.QueueService;
import fr.essor.service.shared.Roles;
import fr.essor.web.api.QueueJson.AdvisorOut;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The advisors an application can be handed to. */
@Path("advisors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdvisorsResource {

    @EJB
    private QueueService queue;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Active advisors of the caller's association (of the network for a national administrator), by name")
    public List<AdvisorOut> advisors() {
        return queue.colleagues().stream().map(c -> new AdvisorOut(c.id(), c.name())).toList();
    }
}
