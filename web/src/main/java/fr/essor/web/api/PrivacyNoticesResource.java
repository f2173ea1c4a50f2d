package fr.essor.web.api;

import fr.essor.service.privacy.PrivacyNoticeService;
import fr.essor.service.privacy.PrivacyNoticeView;
import fr.essor.service.shared.InvalidInputException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The privacy notices (issue 16): {@code default} is the network's, any other name an association's
 * code. Anyone signed in reads them (the public page /privacy.xhtml shows them to anyone); an
 * administrator writes his association's, a national administrator any. The service checks.
 */
@Path("privacy-notices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyNoticesResource {

    static final String DEFAULT = "default";

    @EJB
    private PrivacyNoticeService notices;

    @GET
    @Path("{scope}")
    @PermitAll
    @Operation(summary = "The notice shown for an association (its own, "
            + "else the network's default; version null when it has none of its own), or the network's default")
    public NoticeOut get(@PathParam("scope") String scope) {
        return NoticeOut.of(notices.notice(association(scope)));
    }

    @PUT
    @Path("{scope}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write the notice of an association or the "
            + "network's default; version: the one read, null to write the first text")
    public NoticeOut put(@PathParam("scope") String scope, NoticeIn body) {
        if (body == null) {
            throw new InvalidInputException("body", "field.required");
        }
        return NoticeOut.of(notices.save(association(scope), body.body(), body.version()));
    }

    private static String association(String scope) {
        return DEFAULT.equals(scope) ? null : scope;
    }

    public record NoticeIn(String body, Long version) {
    }

    public record NoticeOut(String association, String associationName, String body, boolean networkDefault,
                            Instant updatedAt, Long version) {
        static NoticeOut of(PrivacyNoticeView v) {
            return new NoticeOut(v.associationCode(), v.associationName(), v.body(), v.networkDefault(), v.updatedAt(),
                    v.version());
        }
    }
}
