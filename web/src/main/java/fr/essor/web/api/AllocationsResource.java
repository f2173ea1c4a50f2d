package fr.essor.web.api;

import fr.essor.service.convention.AllocationService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.service.convention.MoneyOutcome;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Following allocated money: tranches, release, repayment schedule, repayments, write-off, guarantee calls. */
@Path("allocations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AllocationsResource {

    @EJB
    private AllocationService allocations;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "One allocation")
    public ConventionViews.AllocationRow get(@PathParam("id") long id) {
        return allocations.allocation(id);
    }

    @POST
    @Path("{id}/disbursements")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Pay out a tranche (amount, date); 409 with \"available\" above what is left, 409 CONDITION_OPEN"
            + " naming the condition precedent that holds the line back; 202 with the proposal above the association's"
            + " four-eyes threshold (see /approvals)")
    public Response disburse(@PathParam("id") long id, MoneyRequest body) {
        if (body == null) {
            throw new InvalidInputException("amount", "field.required");
        }
        return moved(allocations.disburse(id, Params.decimal("amount", body.amount()),
                Params.date("date", body.date())), 201);
    }

    /** Done: the allocation (201) or the schedule (200); above the threshold: 202 with the proposal waiting for a second person. */
    private static Response moved(MoneyOutcome outcome, int status) {
        if (outcome.isProposed()) {
            return Response.status(202).entity(outcome.proposal()).build();
        }
        return Response.status(status).entity(status == 200 ? outcome.instalments() : outcome.allocation()).build();
    }

    @POST
    @Path("{id}/release")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Give the money not disbursed back to the convention")
    public ConventionViews.AllocationRow release(@PathParam("id") long id) {
        return allocations.release(id);
    }

    @GET
    @Path("{id}/instalments")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The repayment schedule")
    public List<ConventionViews.InstalmentRow> instalments(@PathParam("id") long id) {
        return allocations.instalments(id);
    }

    @POST
    @Path("{id}/instalments")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Generate the monthly repayment schedule of a disbursed honour loan (firstDueDate)")
    public List<ConventionViews.InstalmentRow> schedule(@PathParam("id") long id, ScheduleRequest body) {
        return allocations.schedule(id, Params.date("firstDueDate", body == null ? null : body.firstDueDate()));
    }

    @POST
    @Path("{id}/instalments/{instalmentId}/payment")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record the payment of an instalment")
    public List<ConventionViews.InstalmentRow> pay(@PathParam("id") long id, @PathParam("instalmentId") long instalmentId,
                                                   MoneyRequest body) {
        return allocations.pay(id, instalmentId, Params.date("date", body == null ? null : body.date()));
    }

    @POST
    @Path("{id}/write-off")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Write off every instalment still due; 202 with the proposal above the four-eyes threshold")
    public Response writeOff(@PathParam("id") long id) {
        return moved(allocations.writeOff(id), 200);
    }

    @POST
    @Path("{id}/guarantee-calls")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record a bank's call on a guarantee (amount, date); 202 with the proposal above the four-eyes"
            + " threshold")
    public Response call(@PathParam("id") long id, MoneyRequest body) {
        if (body == null) {
            throw new InvalidInputException("amount", "field.required");
        }
        return moved(allocations.callGuarantee(id, Params.decimal("amount", body.amount()),
                Params.date("date", body.date())), 201);
    }

    @GET
    @Path("exposure")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Guarantee exposure outstanding per bank (by=bank) or per fund (by=fund)")
    public List<ConventionViews.Exposure> exposure(@QueryParam("by") String by) {
        return allocations.exposure(!"fund".equals(by));
    }

    @POST
    @Path("contracts/{applicationId}")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Mark an approved file CONTRACTED once all its granted lines are covered")
    public Response contract(@PathParam("applicationId") long applicationId) {
        allocations.markContracted(applicationId);
        return Response.noContent().build();
    }

    public record MoneyRequest(String amount, String date) {
    }

    public record ScheduleRequest(String firstDueDate) {
    }
}
