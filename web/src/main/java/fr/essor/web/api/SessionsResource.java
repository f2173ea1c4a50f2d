package fr.essor.web.api;

import fr.essor.service.committee.CommitteeService;
import fr.essor.service.committee.CommitteeViews;
import fr.essor.service.committee.DecisionInput;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import fr.essor.web.api.ApplicationJson.LineDto;
import fr.essor.web.shared.Downloads;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Committee sessions: scheduling and agenda (advisors), conflicts, attendance, votes, decisions
 * and closing (members and chair), minutes.
 */
@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @EJB
    private CommitteeService committees;

    @Context
    private UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "Sessions the caller may see: coming ones (past=false, default) or past ones, paged")
    public PageOut<CommitteeViews.SessionSummary> sessions(@QueryParam("past") boolean past, @QueryParam("page") String page,
                                                           @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageOut.of(committees.sessions(!past, paging.first(), paging.size()), paging);
    }

    @POST
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Schedule a session: committeeId, startsAt (ISO local date-time), place or videoLink")
    public Response schedule(ScheduleRequest body) {
        if (body == null || body.committeeId() == null) {
            throw new InvalidInputException("committeeId", "field.required");
        }
        LocalDateTime startsAt = Params.dateTime("startsAt", body.startsAt(), "date.invalid");
        CommitteeViews.Session s = committees.schedule(body.committeeId(), startsAt, body.place(),
                body.videoLink());
        return Responses.created(uriInfo, s.id(), s);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "One session with its members, attendance and agenda")
    public CommitteeViews.Session session(@PathParam("id") long id) {
        return committees.session(id);
    }

    @POST
    @Path("{id}/items")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Put a file that is ready for committee on the agenda")
    public CommitteeViews.Session addItem(@PathParam("id") long id, ItemRequest body) {
        if (body == null || body.applicationId() == null) {
            throw new InvalidInputException("applicationId", "field.required");
        }
        return committees.addToAgenda(id, body.applicationId(), body.presenterId());
    }

    @DELETE
    @Path("{id}/items/{itemId}")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Take an undecided file off a planned agenda")
    public CommitteeViews.Session removeItem(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        return committees.removeFromAgenda(id, itemId);
    }

    @POST
    @Path("{id}/convocations")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Send the members their convocation with the agenda")
    public CountOut convene(@PathParam("id") long id) {
        return new CountOut(committees.convene(id));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    @Operation(summary = "The chair opens the session with the account ids of the members present")
    public CommitteeViews.Session open(@PathParam("id") long id, OpenRequest body) {
        return committees.open(id, body == null ? List.of() : body.present());
    }

    @PUT
    @Path("{id}/attendance")
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    @Operation(summary = "The chair corrects the attendance of the open session (account ids of the members present, each once)")
    public CommitteeViews.Session attendance(@PathParam("id") long id, OpenRequest body) {
        return committees.correctAttendance(id, body == null ? List.of() : body.present());
    }

    @POST
    @Path("{id}/adjourn")
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    @Operation(summary = "The chair adjourns the open session with a reason; undecided files go back to be scheduled")
    public CommitteeViews.Session adjourn(@PathParam("id") long id, AdjournRequest body) {
        return committees.adjourn(id, body == null ? null : body.reason());
    }

    @POST
    @Path("{id}/items/{itemId}/conflict")
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    @Operation(summary = "Declare a conflict of interest on an item")
    public CommitteeViews.Session conflict(@PathParam("id") long id, @PathParam("itemId") long itemId, ConflictRequest body) {
        return committees.declareConflict(id, itemId, body == null ? null : body.reason());
    }

    @PUT
    @Path("{id}/items/{itemId}/vote")
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    @Operation(summary = "Vote FOR, AGAINST or ABSTAIN on an item")
    public CommitteeViews.Session vote(@PathParam("id") long id, @PathParam("itemId") long itemId, VoteRequest body) {
        return committees.vote(id, itemId, body == null ? null : body.choice());
    }

    @POST
    @Path("{id}/items/{itemId}/decision")
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    @Operation(summary = "The chair records the decision on an item (version: the item's version as last read);"
            + " an approval's conditionItems: kind (DOCUMENT, CO_FINANCING, BANK_LOAN, OTHER), text, liftedBy (ADVISOR,"
            + " ADMIN), dueDate, lineNo (0 for the first granted line; none: every line)")
    public CommitteeViews.Session decide(@PathParam("id") long id, @PathParam("itemId") long itemId, DecisionRequest body) {
        if (body == null) {
            throw new InvalidInputException("outcome", "decision.outcomeRequired");
        }
        return committees.decide(id, itemId, Params.version(body.version()),
                new DecisionInput(body.outcome(), ApplicationJson.lineInputs(body.lines()), body.conditions(), body.reasons(),
                        ConditionsResource.items(body.conditionItems())));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.COMMITTEE_MEMBER)
    @Operation(summary = "The chair closes the session; the minutes are generated and the applicants notified")
    public CommitteeViews.Session close(@PathParam("id") long id) {
        return committees.close(id);
    }

    @GET
    @Path("{id}/minutes")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "The minutes of a closed session (PDF)")
    public Response minutes(@PathParam("id") long id, @Context HttpHeaders headers) {
        return Response.ok(committees.minutes(id), "application/pdf")
                .header("Content-Disposition", Downloads.disposition(Downloads.name(ApiLocale.of(headers), "minutes", "pdf", id))).build();
    }

    public record ScheduleRequest(Long committeeId, String startsAt, String place, String videoLink) {
    }

    public record ItemRequest(Long applicationId, Long presenterId) {
    }

    public record OpenRequest(List<Long> present) {
    }

    public record ConflictRequest(String reason) {
    }

    public record AdjournRequest(String reason) {
    }

    public record VoteRequest(String choice) {
    }

    public record DecisionRequest(Long version, String outcome, List<LineDto> lines, String conditions, String reasons,
                                  List<ConditionsResource.ConditionRequest> conditionItems) {
    }

    public record CountOut(int count) {
    }
}
