package fr.essor.web.api;

import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import fr.essor.service.mail.MailKind;
import fr.essor.service.privacy.MailPreference;
import fr.essor.service.privacy.PersonalDataService;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.privacy.PersonalDataZip;
import fr.essor.web.shared.Downloads;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in caller. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @EJB
    private AccountService accounts;

    @EJB
    private PersonalDataService personalData;

    @GET
    @PermitAll
    @Operation(summary = "Who am I: e-mail, roles and association of the caller")
    public Me me() {
        AccountView a = accounts.me();
        return new Me(a.email(), a.displayName(), a.roles(), a.associationCode(), a.partnerName());
    }

    @GET
    @Path("export")
    @PermitAll
    @Produces("application/zip")
    @Operation(summary = "Everything Essor holds about the calling entrepreneur and his enterprises: a ZIP with "
            + "essor-data.json and his documents under documents/ (docs/PRIVACY.md, Access and export)")
    public Response export(@Context HttpHeaders headers) throws IOException {
        var zip = PersonalDataZip.build(personalData);
        StreamingOutput body = out -> PersonalDataZip.send(zip, out);
        return Response.ok(body, "application/zip").header("Content-Length", Files.size(zip))
                .header("Content-Disposition", Downloads.disposition(PersonalDataZip.fileName(ApiLocale.of(headers)))).build();
    }

    @GET
    @Path("mail-preferences")
    @PermitAll
    @Operation(summary = "Every kind of mail, whether the caller may switch it off (optional) and whether he receives it")
    public List<MailPreference> mailPreferences() {
        return personalData.mailPreferences();
    }

    @PUT
    @Path("mail-preferences/{kind}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch an optional kind of mail on or off for the caller; a mandatory kind is refused (400)")
    public List<MailPreference> receiveMail(@PathParam("kind") String kind, Receive body) {
        if (body == null || body.receive() == null) {
            throw new InvalidInputException("receive", "field.required");
        }
        // read as it came: a JSON binder turns any string into false
        if (!(body.receive() instanceof Boolean receive)) {
            throw new InvalidInputException("receive", "field.trueOrFalse");
        }
        return personalData.receiveMail(
                Params.requiredChoice(MailKind.class, "kind", kind, "mailPreference.unknownKind"), receive);
    }

    /** Whether to receive that kind of mail: JSON true or false, nothing else. */
    public record Receive(Object receive) {
    }

    public record Me(String email, String displayName, List<String> roles, String association, String partner) {
    }
}
