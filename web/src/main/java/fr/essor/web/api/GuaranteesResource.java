package fr.essor.web.api;

import fr.essor.service.convention.GuaranteeInputs;
import fr.essor.service.convention.GuaranteeService;
import fr.essor.service.convention.GuaranteeViews;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The life of a guarantee (issue 14, item 4), per guarantee allocation ({@code /guarantees/{allocationId}}):
 * the bank loan it covers and its amortisation, the bank's call after a default, its payment (four
 * eyes above the association's threshold), recoveries, the release; the exposure per convention.
 * Amounts, rates, months and dates travel as strings, parsed here (a 400 names the field).
 */
@Path("guarantees")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuaranteesResource {

    @EJB
    private GuaranteeService guarantees;

    @Context
    private UriInfo uriInfo;

    @GET
    @Path("exposure")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Exposure per convention as of a date (?date=2027-01-31, today when absent): guaranteed outstanding"
            + " of running guarantees (quota × the bank's outstanding capital), calls claimed unpaid, paid, recovered")
    public List<GuaranteeViews.Exposure> exposure(@QueryParam("date") String date) {
        return guarantees.exposure(Params.date("date", date));
    }

    @GET
    @Path("exposure/banks")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The same exposure per bank as of a date (?date=), over the conventions the caller may see")
    public List<GuaranteeViews.BankExposure> exposureByBank(@QueryParam("date") String date) {
        return guarantees.exposureByBank(Params.date("date", date));
    }

    @GET
    @Path("exposure/total")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The same exposure summed as of a date (?date=) over all the caller may see: the network for a"
            + " national administrator, the association for its staff, a partner's conventions")
    public GuaranteeViews.ExposureTotal exposureTotal(@QueryParam("date") String date) {
        return guarantees.exposureTotal(Params.date("date", date));
    }

    @GET
    @Path("{allocationId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "A guarantee's bank loan, commission, status, its guaranteed outstanding as of ?date= (today when"
            + " absent), its calls and recoveries")
    public GuaranteeViews.Guarantee guarantee(@PathParam("allocationId") long allocationId, @QueryParam("date") String date) {
        return guarantees.guarantee(allocationId, Params.date("date", date));
    }

    @POST
    @Path("{allocationId}/bank-loan")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record the bank loan a guarantee covers {\"bankName\":…,\"amount\":\"40000.00\",\"annualRate\":\"3\","
            + "\"durationMonths\":\"60\",\"startDate\":\"2027-01-15\",\"commissionRate\":\"1\"}: its amortisation is computed"
            + " and the commission charged (GUARANTEE_COMMISSION); 201")
    public Response record(@PathParam("allocationId") long allocationId, BankLoanRequest body) {
        BankLoanRequest b = body == null ? new BankLoanRequest(null, null, null, null, null, null) : body;
        GuaranteeViews.Guarantee g = guarantees.record(allocationId, new GuaranteeInputs.BankLoan(b.bankName(),
                Params.decimal("amount", b.amount()), Params.decimal("annualRate", b.annualRate()),
                Params.integer("durationMonths", b.durationMonths()), Params.date("startDate", b.startDate()),
                Params.decimal("commissionRate", b.commissionRate())));
        return Response.created(uriInfo.getBaseUriBuilder().path("guarantees").path(String.valueOf(allocationId)).build())
                .entity(g).build();
    }

    @GET
    @Path("{allocationId}/schedule")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN, Roles.ENTREPRENEUR})
    @Operation(summary = "The bank loan's amortisation with the guaranteed part of the capital remaining after each"
            + " instalment (also for the entrepreneur whose enterprise borrows it)")
    public GuaranteeViews.Schedule schedule(@PathParam("allocationId") long allocationId) {
        return guarantees.schedule(allocationId);
    }

    @POST
    @Path("{allocationId}/calls")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record the bank's call after a default {\"defaultDate\":\"2027-03-10\",\"amount\":\"12000.00\"}; 409 with"
            + " \"available\" above the guaranteed outstanding at the default date")
    public Response call(@PathParam("allocationId") long allocationId, CallRequest body) {
        CallRequest b = body == null ? new CallRequest(null, null) : body;
        GuaranteeViews.Call c = guarantees.call(allocationId, new GuaranteeInputs.Call(
                Params.date("defaultDate", b.defaultDate()), Params.decimal("amount", b.amount())));
        return Responses.created(uriInfo, c.id(), c);
    }

    @POST
    @Path("{allocationId}/calls/{callId}/payment")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Pay the bank what it claimed {\"date\":…}: 201 with the call PAID (a GUARANTEE_CALL movement);"
            + " 202 with the proposal above the four-eyes threshold")
    public Response pay(@PathParam("allocationId") long allocationId, @PathParam("callId") long callId, DateRequest body) {
        GuaranteeViews.Payment p = guarantees.pay(allocationId, callId,
                Params.date("date", body == null ? null : body.date()));
        return p.isProposed() ? Response.status(202).entity(p.proposal()).build()
                : Response.status(201).entity(p.call()).build();
    }

    @POST
    @Path("{allocationId}/calls/{callId}/recoveries")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record money recovered after the call was paid {\"amount\":\"2000.00\",\"date\":…}; 409 with"
            + " \"available\" above what was paid and not yet recovered")
    public Response recover(@PathParam("allocationId") long allocationId, @PathParam("callId") long callId,
                            RecoveryRequest body) {
        RecoveryRequest b = body == null ? new RecoveryRequest(null, null) : body;
        GuaranteeViews.Recovery r = guarantees.recover(allocationId, callId, new GuaranteeInputs.Recovery(
                Params.decimal("amount", b.amount()), Params.date("date", b.date())));
        return Responses.created(uriInfo, r.id(), r);
    }

    @POST
    @Path("{allocationId}/release")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Release the guarantee {\"date\":…}: at the end of the bank loan, or once its call is paid; what"
            + " the allocation still commits goes back to the fund")
    public GuaranteeViews.Guarantee release(@PathParam("allocationId") long allocationId, DateRequest body) {
        return guarantees.release(allocationId, Params.date("date", body == null ? null : body.date()));
    }

    public record BankLoanRequest(String bankName, String amount, String annualRate, String durationMonths, String startDate,
                                  String commissionRate) {
    }

    public record CallRequest(String defaultDate, String amount) {
    }

    public record RecoveryRequest(String amount, String date) {
    }

    public record DateRequest(String date) {
    }
}
