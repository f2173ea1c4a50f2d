package fr.essor.web.api;

import fr.essor.model.arrears.ArrearsBucket;
import fr.essor.service.arrears.ArrearsService;
import fr.essor.service.arrears.ArrearsViews;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Arrears (issue 14, item 3): the run as of a day, the loans in arrears by bucket, portfolio at
 * risk, a loan's arrears and recoveries after its write-off (the write-off is
 * {@code POST /allocations/{id}/write-off}), the associations' dunning levels.
 */
@Path("arrears")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArrearsResource {

    @EJB
    private ArrearsService arrears;

    @Context
    private UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The loans in arrears of the caller's association in the latest run (or that of ?asOf), most days"
            + " past due first, ?bucket=DAYS_1_30|DAYS_31_90|DAYS_91_180|OVER_180, ?association (national administrators),"
            + " paged (page from 0); with the count per bucket; run null before any run")
    public ListingOut list(@QueryParam("asOf") String asOf, @QueryParam("association") String association,
                           @QueryParam("bucket") String bucket, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        ArrearsBucket b = Params.choice(ArrearsBucket.class, "bucket", bucket, "arrears.bucketInvalid");
        if (b == ArrearsBucket.CURRENT) {
            throw new InvalidInputException("bucket", "arrears.bucketInvalid");
        }
        ArrearsViews.Listing l = arrears.list(Params.date("asOf", asOf), Params.wholeNumber("association", association), b,
                paging.first(), paging.size());
        if (l == null) {
            return new ListingOut(null, List.of(), List.of(), 0, paging.page(), paging.size());
        }
        return new ListingOut(l.run(), l.buckets(), l.items(), l.total(), paging.page(), l.size());
    }

    @POST
    @Path("runs")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the arrears as of a day {\"asOf\":\"2026-12-06\"} (today when absent, never ahead); a national"
            + " administrator; a second run of a day replaces it; a run for today mails the dunning notices reached")
    public Response run(RunRequest body) {
        LocalDate asOf = body == null ? null : Params.date("asOf", body.asOf());
        ArrearsViews.Run r = arrears.run(asOf);
        return Response.created(uriInfo.getBaseUriBuilder().path("arrears").queryParam("asOf", r.asOf()).build())
                .entity(r).build();
    }

    @GET
    @Path("runs")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The arrears runs, latest day first (page from 0)")
    public PageOut<ArrearsViews.Run> runs(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageOut.of(arrears.runs(paging.first(), paging.size()), paging);
    }

    @GET
    @Path("par")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Portfolio at risk (PAR30, PAR90) as of ?asOf (today when absent), from the open instalments: the"
            + " network (national administrators), per association (staff) and per convention the caller sees")
    public ArrearsViews.Par par(@QueryParam("asOf") String asOf) {
        return arrears.par(Params.date("asOf", asOf));
    }

    @GET
    @Path("loans/{allocationId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "A loan's arrears: its latest snapshot, the dunning notices mailed, written off, recovered and the"
            + " written-off balance")
    public ArrearsViews.LoanArrears loan(@PathParam("allocationId") long allocationId) {
        return arrears.loan(allocationId);
    }

    @POST
    @Path("loans/{allocationId}/recoveries")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Record money recovered after a write-off {\"amount\":\"300.00\",\"date\":\"2026-12-06\"}; 409 with"
            + " \"available\" above the written-off balance")
    public Response recover(@PathParam("allocationId") long allocationId, MoneyRequest body) {
        MoneyRequest b = body == null ? new MoneyRequest(null, null) : body;
        ArrearsViews.Recovery r = arrears.recover(allocationId, Params.decimal("amount", b.amount()),
                Params.date("date", b.date()));
        return Response.created(uriInfo.getBaseUriBuilder().path("arrears").path("loans").path(String.valueOf(allocationId))
                .build()).entity(r).build();
    }

    @GET
    @Path("dunning")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The dunning levels (days past due) of the caller's association, or of each for a national administrator")
    public List<ArrearsViews.Plan> plans() {
        return arrears.plans();
    }

    @PUT
    @Path("dunning/{associationId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set an association's dunning levels {\"days\":\"15,45,90\"}: 1 to 5 levels, 1 to 3650 days, increasing")
    public ArrearsViews.Plan changePlan(@PathParam("associationId") long associationId, PlanRequest body) {
        return arrears.changePlan(associationId, body == null ? null : body.days());
    }

    public record RunRequest(String asOf) {
    }

    public record MoneyRequest(String amount, String date) {
    }

    public record PlanRequest(String days) {
    }

    /** The listing: the run, the count per bucket, one page of loans. */
    public record ListingOut(ArrearsViews.Run run, List<ArrearsViews.BucketCount> buckets, List<ArrearsViews.Row> items,
                             long total, int page, int size) {
    }
}
