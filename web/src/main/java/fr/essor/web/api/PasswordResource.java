package fr.essor.web.api;

import fr.essor.service.account.AccountService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import fr.essor.service.shared.InvalidInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller changes their own password. */
@Path("me/password")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResource {

    @EJB
    private AccountService accounts;

    @POST
    @PermitAll
    @Operation(summary = "Change the caller's password (the current one is required)")
    public Response change(PasswordChange body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        accounts.changeOwnPassword(body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    /**
     * The service checks both fields. No Bean Validation annotations on record components here:
     * Payara 6's OpenAPI generator fails on them (NullPointerException in addSchemaParameter).
     */
    public record PasswordChange(String currentPassword, String newPassword) {
    }
}
