package fr.essor.web.api;

import fr.essor.service.account.AccountService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
    public Response change(@NotNull @Valid PasswordChange body) {
        accounts.changeOwnPassword(body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    public record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
                                 @NotNull @Size(max = 128) String newPassword) {
    }
}
