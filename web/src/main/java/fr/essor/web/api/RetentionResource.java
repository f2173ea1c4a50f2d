package fr.essor.web.api;

import fr.essor.model.privacy.RetentionKind;
import fr.essor.service.privacy.RetentionCase;
import fr.essor.service.privacy.RetentionRuleView;
import fr.essor.service.privacy.RetentionService;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Page;
import fr.essor.service.shared.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Retention of personal data (issue 16): the rules, the week's preview of the nightly job, the holds. */
@Path("admin/retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @EJB
    private RetentionService retention;

    @GET
    @Path("rules")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The retention rule of each kind of data: months (null: kept) and the default")
    public List<RuleOut> rules() {
        return retention.rules().stream().map(RuleOut::of).toList();
    }

    @PUT
    @Path("rules/{kind}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The national administrator sets a period: {\"months\":24,\"version\":0}; 403 for an association's administrator")
    public RuleOut setRule(@PathParam("kind") String kind, RuleIn body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        RetentionKind retentionKind = Params.requiredChoice(RetentionKind.class, "kind", kind, "retention.kindUnknown",
                String.valueOf(kind));
        return RuleOut.of(retention.setRule(retentionKind, body.months(), body.version()));
    }

    @GET
    @Path("preview")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What the nightly job will do within the coming week (and anything overdue), held cases marked")
    public CasePage preview(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size, 50);
        Page<RetentionCase> rows = retention.upcoming(p.first(), p.size());
        return new CasePage(rows.items().stream().map(CaseOut::of).toList(), rows.total(), rows.first(), rows.size());
    }

    @POST
    @Path("holds")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Hold a case with a reason: {\"entityType\":\"Application\",\"entityId\":12,\"reason\":\"Litige en cours\"}")
    public Response hold(HoldIn body) {
        if (body == null || body.entityId() == null) {
            throw new InvalidInputException(body == null ? null : "entityId", body == null ? "error.api.bodyRequired" : "field.required");
        }
        RetentionCase held = retention.hold(body.entityType(), body.entityId(), body.reason());
        return Response.status(Response.Status.CREATED).entity(new HoldOut(held.holdId(), held.entityType(), held.entityId(),
                held.holdReason())).build();
    }

    @DELETE
    @Path("holds/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lift a hold: the case goes back to the nightly job")
    public Response release(@PathParam("id") long id) {
        retention.release(id);
        return Response.noContent().build();
    }

    public record RuleIn(Integer months, Long version) {
    }

    public record RuleOut(String kind, Integer months, Integer defaultMonths, long version) {
        static RuleOut of(RetentionRuleView r) {
            return new RuleOut(r.kind().name(), r.months(), r.defaultMonths(), r.version());
        }
    }

    public record HoldIn(String entityType, Long entityId, String reason) {
    }

    public record HoldOut(Long id, String entityType, long entityId, String reason) {
    }

    public record CaseOut(String kind, String entityType, long entityId, String label, LocalDate dueOn, boolean held,
            Long holdId, String holdReason) {
        static CaseOut of(RetentionCase c) {
            return new CaseOut(c.kind().name(), c.entityType(), c.entityId(), c.label(), c.dueOn(), c.held(), c.holdId(),
                    c.holdReason());
        }
    }

    public record CasePage(List<CaseOut> items, long total, int first, int size) {
    }
}
