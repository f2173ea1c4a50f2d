package fr.essor.web.api;

import fr.essor.service.privacy.ErasureService;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The entrepreneur's own erasure request (issue 16): close the account and erase the data. A class of
 * its own under {@code me/erasure}, as {@code me/password} is: JAX-RS matches the longest class path
 * first, so a method path {@code me/erasure} on a class at the root would be hidden by {@link MeResource}.
 */
@Path("me/erasure")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyErasureResource {

    @EJB
    private ErasureService erasure;

    @POST
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Close my account and erase my data: ERASED at once without retention duty, otherwise SCHEDULED with the day (eraseOn)")
    public ErasureResource.ErasureOut request() {
        return ErasureResource.ErasureOut.of(erasure.request());
    }

    @GET
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "My erasure request, if any (404 otherwise)")
    public ErasureResource.ErasureOut mine() {
        return erasure.mine().map(ErasureResource.ErasureOut::of).orElseThrow(() -> new NotFoundException("erasureRequest"));
    }
}
