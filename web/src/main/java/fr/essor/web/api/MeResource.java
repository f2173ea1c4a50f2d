package fr.essor.web.api;

import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in caller. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @EJB
    private AccountService accounts;

    @GET
    @PermitAll
    @Operation(summary = "Who am I: e-mail, roles and association of the caller")
    public Me me() {
        AccountView a = accounts.me();
        return new Me(a.email(), a.displayName(), a.roles(), a.associationCode(), a.partnerName());
    }

    public record Me(String email, String displayName, List<String> roles, String association, String partner) {
    }
}
