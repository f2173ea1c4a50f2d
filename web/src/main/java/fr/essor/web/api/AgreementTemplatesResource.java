package fr.essor.web.api;

import fr.essor.model.agreement.AgreementKind;
import fr.essor.model.agreement.TemplateText;
import fr.essor.service.agreement.AgreementService;
import fr.essor.service.agreement.AgreementViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Downloads;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The agreement templates of an association (issue 13, item 2), written by an administrator (an
 * association's admin his own association's; a national admin any, by code): the current version of
 * each, a template's versions, saving a new version (an unknown placeholder refused, naming it), and
 * the preview of a text as a PDF before saving.
 */
@Path("agreement-templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementTemplatesResource {

    @EJB
    private AgreementService agreements;

    @Context
    private UriInfo uriInfo;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The current template of each kind and language of an association (?association=CODE; an"
            + " association's admin: his own); number 0 is the network's model text, not saved yet")
    public List<AgreementViews.Template> current(@QueryParam("association") String association) {
        return agreements.templates(association);
    }

    @GET
    @Path("fields")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The fields a template may name, as {{field}}")
    public List<String> fields() {
        return TemplateText.FIELDS;
    }

    @GET
    @Path("history")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every saved version of one template (?association=CODE&kind=LOAN|GUARANTEE|GRANT&language=fr|en),"
            + " newest first")
    public List<AgreementViews.Template> history(@QueryParam("association") String association, @QueryParam("kind") String kind,
                                                 @QueryParam("language") String language) {
        return agreements.history(association, kind(kind), language(language));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Save the next version of a template; 400 on body naming an unknown {{field}}")
    public Response save(TemplateRequest body) {
        TemplateRequest r = body == null ? new TemplateRequest(null, null, null, null) : body;
        AgreementViews.Template saved = agreements.save(r.association(), kind(r.kind()), language(r.language()), r.body());
        return Response.created(uriInfo.getAbsolutePathBuilder().path("history").queryParam("association", saved.associationCode())
                .queryParam("kind", saved.kind()).queryParam("language", saved.language()).build()).entity(saved).build();
    }

    @POST
    @Path("preview")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The PDF a template text gives on a made-up file, before saving; nothing is stored")
    public Response preview(TemplateRequest body, @Context HttpHeaders headers) {
        TemplateRequest r = body == null ? new TemplateRequest(null, null, null, null) : body;
        byte[] pdf = agreements.preview(r.association(), kind(r.kind()), language(r.language()), r.body());
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", Downloads.disposition(Downloads.name(ApiLocale.of(headers), "preview", "pdf")))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static AgreementKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("kind", "field.required");
        }
        return Params.choice(AgreementKind.class, "kind", value, "field.invalidChoice");
    }

    private static String language(String value) {
        String l = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("fr", "en").contains(l)) {
            throw new InvalidInputException("language", "field.invalidChoice");
        }
        return l;
    }

    public record TemplateRequest(String association, String kind, String language, String body) {
    }
}
