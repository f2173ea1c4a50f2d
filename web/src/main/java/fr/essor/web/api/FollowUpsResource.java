package fr.essor.web.api;

import fr.essor.model.followup.FollowUpChannel;
import fr.essor.service.followup.FollowUpInput;
import fr.essor.service.followup.FollowUpService;
import fr.essor.service.followup.FollowUpViews;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The follow-up of the funded enterprises (issue 13, item 4): a file's milestones, the entrepreneur's
 * due ones and his answer, the advisor's list of due and overdue ones, his answer after a visit or a
 * call and the enterprise's closure, the survival rates and jobs for partners and the network.
 */
@Path("followups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpsResource {

    @EJB
    private FollowUpService followUps;

    @GET
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "The follow-up of a funded file (?application=ID): funding day, figures, milestones; 404 before its"
            + " first disbursement")
    public FollowUpViews.FollowUpDetail ofApplication(@QueryParam("application") String application) {
        return followUps.ofApplication(Params.id("application", application));
    }

    @GET
    @Path("mine")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "The caller's milestones due and waiting for an answer, the oldest first")
    public List<FollowUpViews.Due> mine() {
        return followUps.mine();
    }

    @GET
    @Path("due")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Milestones of the association due and unanswered ('overdue' after 30 days), oldest first (page, size);"
            + " X-Total-Count")
    public Response due(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        Page<FollowUpViews.Due> result = followUps.due(p.first(), p.size());
        return Responses.counted(result);
    }

    @POST
    @Path("milestones/{id}/answer")
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Answer a due milestone: {\"stillActive\":true, \"jobs\":\"4.50\", \"turnover\":\"82000.00\","
            + " \"difficulties\":…} (or stillActive false with \"closedOn\"); the advisor adds \"channel\": VISIT or CALL."
            + " 400 on a negative or missing figure, 409 FOLLOW_UP_RULE when not due or already answered")
    public FollowUpViews.FollowUpDetail answer(@PathParam("id") long id, AnswerRequest body) {
        if (body == null) {
            throw new InvalidInputException("stillActive", "field.required");
        }
        FollowUpChannel channel = Params.choice(FollowUpChannel.class, "channel", body.channel(), "followup.channelRequired");
        return followUps.answer(id, new FollowUpInput(body.stillActive(), Params.decimal("jobs", body.jobs()),
                Params.decimal("turnover", body.turnover()), body.difficulties(),
                Params.date("closedOn", body.closedOn())), channel);
    }

    @POST
    @Path("{id}/closure")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Record that the enterprise closed: {\"closedOn\":\"2026-03-01\", \"note\":…, \"version\":N}; the"
            + " milestones still planned are cancelled; 409 if it is closed already")
    public FollowUpViews.FollowUpDetail close(@PathParam("id") long id, ClosureRequest body) {
        if (body == null) {
            throw new InvalidInputException("closedOn", "field.required");
        }
        return followUps.close(id, Params.date("closedOn", body.closedOn()), body.note(),
                Params.version(body.version()));
    }

    @GET
    @Path("survival")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Survival at 1, 2 and 3 years and jobs (declared against actual) of the funded enterprises: the"
            + " association's, a partner's conventions', or the network's (?association=CODE for a national administrator)")
    public FollowUpViews.Survival survival(@QueryParam("association") String association) {
        return followUps.survival(association);
    }

    public record AnswerRequest(Boolean stillActive, String jobs, String turnover, String difficulties, String closedOn,
                                String channel) {
    }

    public record ClosureRequest(String closedOn, String note, Long version) {
    }
}
