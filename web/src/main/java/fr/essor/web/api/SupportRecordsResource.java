package fr.essor.web.api;

import fr.essor.model.support.SupportKind;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import fr.essor.service.support.SupportInput;
import fr.essor.service.support.SupportService;
import fr.essor.service.support.SupportViews;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Advice given to an enterprise of the caller's association (support records). */
@Path("enterprises/{enterpriseId}/support-records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupportRecordsResource {

    @EJB
    private SupportService support;

    @Context
    private UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The enterprise's support records, newest first (page from 0; 404 outside the caller's association)")
    public PageOut<SupportOut> list(@PathParam("enterpriseId") long enterpriseId, @QueryParam("page") String page,
                            @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 20);
        return PageOut.of(support.forEnterprise(enterpriseId, paging.first(), paging.size()), paging, SupportOut::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "One support record")
    public SupportOut get(@PathParam("enterpriseId") long enterpriseId, @PathParam("id") long id) {
        return SupportOut.of(ofEnterprise(enterpriseId, support.get(id)));
    }

    @POST
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record advice given: {\"date\":\"2026-03-02\",\"kind\":\"DIAGNOSTIC\",\"durationMinutes\":90,\"notes\":…}")
    public Response create(@PathParam("enterpriseId") long enterpriseId, SupportRequest body) {
        SupportViews.Record created = support.record(enterpriseId, input(body));
        return Responses.created(uriInfo, created.id(), SupportOut.of(created));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Correct one's own record at the version last read (?version=); 409 if it changed since")
    public SupportOut update(@PathParam("enterpriseId") long enterpriseId, @PathParam("id") long id,
                             @QueryParam("version") Long version, SupportRequest body) {
        ofEnterprise(enterpriseId, support.get(id));
        return SupportOut.of(support.update(id, required(version), input(body)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Delete one's own record (administrators: any of their scope) at the version last read (?version=)")
    public Response delete(@PathParam("enterpriseId") long enterpriseId, @PathParam("id") long id,
                           @QueryParam("version") Long version) {
        ofEnterprise(enterpriseId, support.get(id));
        support.delete(id, required(version));
        return Response.noContent().build();
    }

    private static SupportViews.Record ofEnterprise(long enterpriseId, SupportViews.Record r) {
        if (r.enterpriseId() != enterpriseId) {
            throw new NotFoundException("supportRecord");
        }
        return r;
    }

    private static long required(Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "field.required");
        }
        return version;
    }

    private static SupportInput input(SupportRequest body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return new SupportInput(Params.date("date", body.date(), "support.dateMalformed"),
                Params.requiredChoice(SupportKind.class, "kind", body.kind(), "support.kindRequired"), body.durationMinutes(),
                body.notes());
    }

    /** The body of a POST or PUT; the date as ISO-8601 text, so that a bad one is reported on its field. */
    public record SupportRequest(String date, String kind, Integer durationMinutes, String notes) {
    }

    public record SupportOut(long id, long enterpriseId, LocalDate date, String kind, int durationMinutes, String notes,
                             String advisor, Instant createdAt, long version) {

        static SupportOut of(SupportViews.Record r) {
            return new SupportOut(r.id(), r.enterpriseId(), r.date(), r.kind(), r.durationMinutes(), r.notes(),
                    r.advisorEmail(), r.createdAt(), r.version());
        }
    }
}
