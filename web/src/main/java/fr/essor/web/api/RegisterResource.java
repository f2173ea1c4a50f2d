package fr.essor.web.api;

import fr.essor.service.privacy.ProcessingRegister;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Downloads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The register of processing activities (issue 16), in the caller's language. */
@Path("admin/register")
@RequestScoped
public class RegisterResource {

    @EJB
    private ProcessingRegister register;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The processing activities: purpose, data categories, recipients, retention periods (from the retention rules)")
    public List<ProcessingRegister.Entry> entries(@Context HttpHeaders headers) {
        return register.entries(ApiLocale.of(headers));
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The register as a PDF")
    public Response pdf(@Context HttpHeaders headers) {
        return Response.ok(register.pdf(ApiLocale.of(headers)), "application/pdf")
                .header("Content-Disposition", Downloads.disposition(Downloads.name(ApiLocale.of(headers), "register", "pdf"))).build();
    }
}
