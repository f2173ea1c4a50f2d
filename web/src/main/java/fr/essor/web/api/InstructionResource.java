package fr.essor.web.api;

import fr.essor.service.application.ReviewInput;
import fr.essor.service.application.ReviewService;
import fr.essor.service.application.ReviewView;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.Roles;
import fr.essor.web.api.ApplicationJson.ApplicationOut;
import fr.essor.web.api.ApplicationJson.LineDto;
import fr.essor.web.api.ApplicationJson.LineOut;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The advisor's instruction of a file: the analysis note, then ready for committee. */
@Path("applications/{id}/instruction")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstructionResource {

    @EJB
    private ReviewService reviews;

    @GET
    @Path("analysis")
    @RolesAllowed({Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "The analysis note (never for applicants, nor for a member who declared a conflict on the file)")
    public AnalysisOut analysis(@PathParam("id") long id) {
        return AnalysisOut.of(reviews.review(id).orElseThrow(() -> new NotFoundException("review")));
    }

    @PUT
    @Path("analysis")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Write the analysis note: scores 1-5 per criterion of the scoring grid of the file's rules (another criterion: 400), strengths, risks, recommendation, proposed lines; the answer gives the grid (criterion → weight) and the weighted score out of 5")
    public AnalysisOut saveAnalysis(@PathParam("id") long id, AnalysisRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "field.required");
        }
        return AnalysisOut.of(reviews.save(id, Params.version(body.version()),
                new ReviewInput(body.scores(), body.strengths(), body.risks(), body.recommendation(),
                        ApplicationJson.lineInputs(body.proposedLines()))));
    }

    @POST
    @Path("ready")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Mark the file ready for committee (its analysis note must be complete)")
    public ApplicationOut ready(@PathParam("id") long id, @QueryParam("version") Long version) {
        return ApplicationOut.of(reviews.markReady(id, Params.version(version), null));
    }

    @POST
    @Path("resume")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Take a deferred file back into review")
    public ApplicationOut resume(@PathParam("id") long id, @QueryParam("version") Long version) {
        return ApplicationOut.of(reviews.resumeReview(id, Params.version(version)));
    }

    public record AnalysisRequest(Long version, Map<String, Integer> scores, String strengths, String risks,
                                  String recommendation, List<LineDto> proposedLines) {
    }

    public record AnalysisOut(long applicationId, Map<String, Integer> scores, int total, String strengths, String risks,
                              String recommendation, List<LineOut> proposedLines, String author, String updatedAt,
                              List<String> missing, long version, Map<String, Integer> grid, String weightedScore) {

        static AnalysisOut of(ReviewView r) {
            return new AnalysisOut(r.applicationId(), r.scores(), r.total(), r.strengths(), r.risks(), r.recommendation(),
                    r.proposedLines().stream().map(ApplicationJson::lineOut).toList(), r.author(), r.updatedAt().toString(),
                    r.missing(), r.version(), r.grid(),
                    r.weightedScore() == null ? null : r.weightedScore().toPlainString());
        }
    }
}
