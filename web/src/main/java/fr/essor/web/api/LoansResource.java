package fr.essor.web.api;

import fr.essor.service.convention.LoanInputs;
import fr.essor.service.convention.LoanService;
import fr.essor.service.convention.LoanViews;
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
 * Loans with products (issue 14), per allocation ({@code /loans/{allocationId}}): the terms, the
 * preview, the stored schedule and its history, repayments and their reversal, reschedulings
 * ({@link LoanProductsResource} lists the products).
 * Amounts and numbers travel as strings, parsed here (a 400 names the field).
 */
@Path("loans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoansResource {

    @EJB
    private LoanService loans;

    @Context
    private UriInfo uriInfo;

    @GET
    @Path("{allocationId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "A loan's terms, schedule version, what is owed and the capital remaining")
    public LoanViews.Loan loan(@PathParam("allocationId") long allocationId) {
        return loans.loan(allocationId);
    }

    @POST
    @Path("{allocationId}/preview")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "The schedule this allocation would have with these terms (before disbursement: on what is committed);"
            + " {\"productId\":…,\"annualRate\":\"2\",\"durationMonths\":\"60\",\"graceMonths\":\"6\",\"firstDueDate\":…}")
    public LoanViews.Schedule previewFor(@PathParam("allocationId") long allocationId, TermsRequest body) {
        return loans.previewFor(allocationId, terms(body));
    }

    @POST
    @Path("{allocationId}/schedule")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Store a disbursed loan's terms and schedule (replaces a schedule of which nothing is paid)")
    public LoanViews.Schedule schedule(@PathParam("allocationId") long allocationId, TermsRequest body) {
        return loans.schedule(allocationId, terms(body));
    }

    @GET
    @Path("{allocationId}/schedule")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The current schedule: capital, interest, total, remaining capital, paid, status per instalment")
    public LoanViews.Schedule current(@PathParam("allocationId") long allocationId) {
        return loans.schedules(allocationId).get(0);
    }

    @GET
    @Path("{allocationId}/schedules")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The current schedule, then each schedule a rescheduling replaced, newest first")
    public List<LoanViews.Schedule> schedules(@PathParam("allocationId") long allocationId) {
        return loans.schedules(allocationId);
    }

    @GET
    @Path("{allocationId}/repayments")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The loan's repayments, newest first, with their split across instalments (page from 0)")
    public PageOut<LoanViews.Repayment> repayments(@PathParam("allocationId") long allocationId,
                                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 20);
        return PageOut.of(loans.repayments(allocationId, paging.first(), paging.size()), paging);
    }

    @POST
    @Path("{allocationId}/repayments")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record a payment of any amount {\"amount\":\"250.00\",\"date\":\"2027-02-05\"}: what is due first,"
            + " oldest first, interest then capital, then capital ahead; 409 with \"available\" above what is owed")
    public Response repay(@PathParam("allocationId") long allocationId, PaymentRequest body) {
        PaymentRequest b = body == null ? new PaymentRequest(null, null) : body;
        LoanViews.Repayment r = loans.repay(allocationId, new LoanInputs.Payment(Params.decimal("amount", b.amount()),
                Params.date("date", b.date())));
        return Responses.created(uriInfo, r.id(), r);
    }

    @POST
    @Path("{allocationId}/repayments/{repaymentId}/reversal")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Reverse a repayment with a reason {\"reason\":…}; 403 FOUR_EYES for the one who recorded it")
    public LoanViews.Repayment reverse(@PathParam("allocationId") long allocationId,
                                       @PathParam("repaymentId") long repaymentId, ReversalRequest body) {
        return loans.reverse(allocationId, repaymentId, body == null ? null : body.reason());
    }

    @GET
    @Path("{allocationId}/reschedulings")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The loan's reschedulings, oldest first")
    public List<LoanViews.Rescheduling> reschedulings(@PathParam("allocationId") long allocationId) {
        return loans.reschedulings(allocationId);
    }

    @POST
    @Path("{allocationId}/reschedulings")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Reschedule what remains: {\"durationMonths\":\"24\",\"moratoriumMonths\":\"3\","
            + "\"firstDueDate\":\"2027-03-05\"}; the replaced schedule is kept")
    public Response reschedule(@PathParam("allocationId") long allocationId, RescheduleRequest body) {
        RescheduleRequest b = body == null ? new RescheduleRequest(null, null, null) : body;
        LoanViews.Rescheduling r = loans.reschedule(allocationId, new LoanInputs.Reschedule(
                Params.integer("durationMonths", b.durationMonths()), Params.integer("moratoriumMonths", b.moratoriumMonths()),
                Params.date("firstDueDate", b.firstDueDate())));
        return Responses.created(uriInfo, r.id(), r);
    }

    private static LoanInputs.Terms terms(TermsRequest body) {
        TermsRequest b = body == null ? TermsRequest.EMPTY : body;
        return new LoanInputs.Terms(Params.wholeNumber("productId", b.productId()), Params.decimal("annualRate", b.annualRate()),
                Params.integer("durationMonths", b.durationMonths()), Params.integer("graceMonths", b.graceMonths()),
                Params.date("firstDueDate", b.firstDueDate()));
    }

    public record TermsRequest(String principal, String productId, String annualRate, String durationMonths,
                               String graceMonths, String firstDueDate) {
        static final TermsRequest EMPTY = new TermsRequest(null, null, null, null, null, null);
    }

    public record PaymentRequest(String amount, String date) {
    }

    public record ReversalRequest(String reason) {
    }

    public record RescheduleRequest(String durationMonths, String moratoriumMonths, String firstDueDate) {
    }
}
