package fr.essor.web.api;

import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.i18n.LocaleBean;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An entrepreneur registers through the API, without signing in (web.xml leaves POST on this path
 * open); a welcome mail follows. The new account is then reached as {@code /me} with its own
 * credentials, hence the Location.
 */
@Path("accounts")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @EJB
    private AccountService accounts;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    // No @PermitAll: on an anonymous request Payara would then ask the authentication mechanism
    // for credentials (401) after the resource has run.
    @POST
    @Operation(summary = "Register as an entrepreneur (no authentication needed); returns 201 with the account")
    public Response register(Registration body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        AccountService.Registration registration = accounts.register(body.email(), body.displayName(), body.password(),
                language(body.language()), body.invitation());
        AccountView account = registration.account();
        return Response.created(uriInfo.getBaseUriBuilder().path(MeResource.class).build())
                .entity(new Registered(account.id(), account.email(), account.displayName(), account.roles(),
                        account.preferredLocale(), registration.joinedEnterprise()))
                .build();
    }

    private Locale language(String requested) {
        if (requested != null && LocaleBean.SUPPORTED.contains(requested.trim().toLowerCase(Locale.ROOT))) {
            return Locale.forLanguageTag(requested.trim().toLowerCase(Locale.ROOT));
        }
        return ApiLocale.of(headers);
    }

    /**
     * The service checks every field. No Bean Validation annotations on record components here:
     * Payara 6's OpenAPI generator fails on them (NullPointerException in addSchemaParameter).
     */
    /** {@code invitation}: the token of a co-owner invitation's link, when registering through it. */
    public record Registration(String email, String displayName, String password, String language, String invitation) {
    }

    /** {@code joinedEnterprise}: the enterprise the new account co-owns through its invitation, if any. */
    public record Registered(long id, String email, String displayName, List<String> roles, String language,
                             String joinedEnterprise) {
    }
}
