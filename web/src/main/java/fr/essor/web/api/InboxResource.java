package fr.essor.web.api;

import fr.essor.service.inbox.DigestRun;
import fr.essor.service.inbox.InboxCounts;
import fr.essor.service.inbox.InboxItem;
import fr.essor.service.inbox.InboxService;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Page;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The caller's inbox (issue 13, item 5): what waits for their action, computed from the data for every role
 * they hold; the items they mark as seen; the daily digest they may ask for, and its run for a day.
 */
@Path("inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.PARTNER, Roles.ADMIN})
public class InboxResource {

    @EJB
    private InboxService inbox;

    @GET
    @Operation(summary = "The caller's items, unseen first, then by due day, then the newest; ?unseen=true for the unseen"
            + " only; paged (?page, ?size), the total in X-Total-Count")
    public Response items(@QueryParam("unseen") String unseen, @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<InboxItem> result = inbox.mine(flag("unseen", unseen), p.first(), p.size());
        return Responses.counted(result.items().stream().map(ItemOut::of).toList(), result.total());
    }

    @GET
    @Path("count")
    @Operation(summary = "How many items the caller has (total) and how many not seen yet (unseen): the header's count")
    public InboxCounts count() {
        return inbox.counts();
    }

    @POST
    @Path("seen")
    @Operation(summary = "Mark one of the caller's items as seen by its key (body {\"key\": …}); 404 when it is not in the"
            + " caller's inbox; answers the counts")
    public InboxCounts seen(SeenRequest body) {
        return inbox.markSeen(body == null ? null : body.key());
    }

    @GET
    @Path("digest")
    @Operation(summary = "Whether the caller receives the daily digest of the inbox by mail (yes until switched off)")
    public Digest digest() {
        return new Digest(inbox.digestWanted());
    }

    @PUT
    @Path("digest")
    @Operation(summary = "Switch the daily digest off (body {\"daily\": false}) or on again (true)")
    public Digest wantDigest(DigestRequest body) {
        if (body == null || body.daily() == null) {
            throw new InvalidInputException("daily", "field.required");
        }
        // read as it came: a JSON binder turns any string into false
        if (!(body.daily() instanceof Boolean daily)) {
            throw new InvalidInputException("daily", "field.trueOrFalse");
        }
        return new Digest(inbox.wantDigest(daily));
    }

    @POST
    @Path("digest/runs")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the daily digest for a day now (body {\"date\": \"2026-12-06\"}, not after today), as the"
            + " morning timer does: each active account that has not switched it off, has unseen items and was not yet sent that"
            + " day's digest gets one mail; answers what was done")
    public DigestRun run(RunRequest body) {
        if (body == null || body.date() == null || body.date().isBlank()) {
            throw new InvalidInputException("date", "field.required");
        }
        return inbox.runDigest(Params.date("date", body.date()));
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(field, "field.trueOrFalse");
        };
    }

    public record SeenRequest(String key) {
    }

    public record DigestRequest(Object daily) {
    }

    public record RunRequest(String date) {
    }

    public record Digest(boolean daily) {
    }

    /** An item as the API gives it: amounts as strings with two decimals, days and instants ISO-8601. */
    public record ItemOut(String key, String kind, long subjectId, String reference, String label, String detail, String amount,
                          String dueOn, String since, boolean seen, String page) {

        static ItemOut of(InboxItem i) {
            return new ItemOut(i.key(), i.kind(), i.subjectId(), i.reference(), i.label(), i.detail(),
                    i.amount() == null ? null : i.amount().toPlainString(), i.dueOn() == null ? null : i.dueOn().toString(),
                    i.since() == null ? null : i.since().toString(), i.seen(), i.page());
        }
    }
}
