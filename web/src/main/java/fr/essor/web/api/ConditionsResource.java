package fr.essor.web.api;

import fr.essor.model.committee.ConditionKind;
import fr.essor.model.committee.ConditionLifter;
import fr.essor.model.document.DocumentRules;
import fr.essor.service.committee.ConditionInput;
import fr.essor.service.committee.ConditionService;
import fr.essor.service.committee.ConditionViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conditions precedent of approvals (issue 13): a file's conditions, the entrepreneur's document for
 * one, the advisor's lifting or refusal, the overdue ones of the association. The committee records
 * them with its decision (conditionItems of {@code POST /sessions/{id}/items/{itemId}/decision}).
 */
@Path("conditions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConditionsResource {

    @EJB
    private ConditionService conditions;

    @GET
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "The conditions of a file's approval (?application=ID), due first")
    public List<ConditionViews.Condition> ofApplication(@QueryParam("application") String application) {
        return conditions.ofApplication(Params.id("application", application));
    }

    @GET
    @Path("overdue")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Conditions of the association past their due date and not lifted, oldest first (page, size)")
    public Response overdue(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<ConditionViews.Overdue> result = conditions.overdue(p.first(), p.size());
        return Responses.counted(result);
    }

    @POST
    @Path("{id}/document")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "The entrepreneur provides the document a condition asks for (checked as every upload; name in"
            + " X-File-Name or Content-Disposition)")
    public Response provide(@PathParam("id") long id, @HeaderParam("X-File-Name") String fileName,
                            @HeaderParam("Content-Disposition") String disposition, InputStream body) throws IOException {
        String name = FileNameHeader.decode(disposition, fileName);
        byte[] content = body == null ? new byte[0] : body.readNBytes(DocumentRules.MAX_BYTES + 1);
        return Response.ok(conditions.provide(id, name, content)).build();
    }

    @POST
    @Path("{id}/lift")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Lift a condition (comment optional): the money it held back may be paid out")
    public ConditionViews.Condition lift(@PathParam("id") long id, CommentRequest body) {
        return conditions.lift(id, body == null ? null : body.comment());
    }

    @POST
    @Path("{id}/refuse")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Refuse what was provided for a condition (comment required); the entrepreneur may provide again")
    public ConditionViews.Condition refuse(@PathParam("id") long id, CommentRequest body) {
        return conditions.refuse(id, body == null ? null : body.comment());
    }

    /** The committee's condition items as typed values, refused on the field when a kind, a lifter or a date is unknown. */
    static List<ConditionInput> items(List<ConditionRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        List<ConditionInput> items = new ArrayList<>();
        for (ConditionRequest r : requests) {
            if (r == null) {
                throw new InvalidInputException("conditionItems", "field.required");
            }
            items.add(new ConditionInput(Params.choice(ConditionKind.class, "kind", r.kind(), "condition.kindInvalid"), r.text(),
                    Params.choice(ConditionLifter.class, "liftedBy", r.liftedBy(), "field.invalidChoice"),
                    Params.date("dueDate", r.dueDate()), r.lineNo()));
        }
        return items;
    }

    public record ConditionRequest(String kind, String text, String liftedBy, String dueDate, Integer lineNo) {
    }

    public record CommentRequest(String comment) {
    }
}
