package fr.essor.web.api;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ProjectInput;
import fr.essor.service.application.QueueFilter;
import fr.essor.service.application.QueueService;
import fr.essor.service.application.QueueSort;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
import fr.essor.web.api.ApplicationJson.ApplicationOut;
import fr.essor.web.api.ApplicationJson.ApplicationRequest;
import fr.essor.web.api.ApplicationJson.SummaryOut;
import fr.essor.web.api.QueueJson.AssigneeRequest;
import fr.essor.web.api.QueueJson.AssignmentOut;
import fr.essor.web.api.QueueJson.QueueItemOut;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Applications: the entrepreneurs file, complete, submit and follow theirs; advisors list their
 * association's in the work queue and hand them to one another.
 */
@Path("applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationsResource {

    @EJB
    private ApplicationService applications;

    @EJB
    private QueueService queue;

    @Context
    private UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "The work queue: applications of the caller's association (all for a national administrator), "
            + "drafts excepted, paged in SQL. status: one or more statuses separated by commas; q: enterprise name, SIRET "
            + "or reference; sort: reference, enterprise, status, submittedAt, department or advisor, '-' first for "
            + "descending (default submittedAt); page from 0; size 1-200 (default 25)")
    public PageOut<QueueItemOut> queue(@QueryParam("status") String status, @QueryParam("q") String text,
                              @QueryParam("sort") String sort, @QueryParam("page") String page,
                              @QueryParam("size") String size) {
        Paging p = Paging.of(page, size);
        QueueFilter filter = QueueFilter.any().withStatuses(statuses(status)).withText(text);
        return PageOut.of(queue.page(filter, sortOf(sort), p.first(), p.size()), p, QueueItemOut::of);
    }

    @PUT
    @Path("{id}/assignee")
    @RolesAllowed({Roles.ADVISOR, Roles.ADMIN})
    @Operation(summary = "Hand the application to an advisor of its association ({\"advisorId\": id or null to unassign, "
            + "\"version\": the version last read}); 409 when it changed since, 404 outside the caller's association")
    public AssignmentOut assign(@PathParam("id") long id, AssigneeRequest body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        if (body.version() == null || body.version() < 0) {
            throw new InvalidInputException("version", "field.required");
        }
        return AssignmentOut.of(queue.assign(id, body.advisorId(), body.version()));
    }

    private static Set<ApplicationStatus> statuses(String value) {
        Set<ApplicationStatus> result = EnumSet.noneOf(ApplicationStatus.class);
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            try {
                ApplicationStatus st = ApplicationStatus.valueOf(part.trim().toUpperCase(Locale.ROOT));
                if (st == ApplicationStatus.DRAFT) {
                    throw new IllegalArgumentException("drafts are not in the queue");
                }
                result.add(st);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "queue.api.statusInvalid", part.trim());
            }
        }
        return result;
    }

    private static QueueSort sortOf(String value) {
        if (value == null || value.isBlank()) {
            return QueueSort.DEFAULT;
        }
        String v = value.trim();
        boolean descending = v.startsWith("-");
        String name = descending ? v.substring(1) : v;
        for (QueueSort.Column c : QueueSort.Column.values()) {
            if (c.name().replace("_", "").equalsIgnoreCase(name)) {
                return new QueueSort(c, !descending);
            }
        }
        throw new InvalidInputException("sort", "queue.api.sortInvalid", v);
    }

    @GET
    @Path("mine")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "The caller's applications, newest first")
    public List<SummaryOut> mine() {
        return applications.mine().stream()
                .map(s -> new SummaryOut(s.id(), s.reference(), s.title(), s.status(), s.enterpriseName())).toList();
    }

    @POST
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Start a draft for one of the caller's enterprises (enterpriseId, title, stage required)")
    public Response create(ApplicationRequest body) {
        ApplicationRequest b = required(body);
        if (b.enterpriseId() == null) {
            throw new InvalidInputException("enterpriseId", "field.required");
        }
        ApplicationViews.Detail created = applications.create(b.enterpriseId(),
                b.project() == null ? new ProjectInput(null, null, null, null) : b.project());
        if (b.lines() != null || b.plan() != null || b.impact() != null) {
            created = applications.update(created.id(), created.version(), null, b.lineInputs(), b.planInputs(), b.impactInput());
        }
        return Responses.created(uriInfo, created.id(), ApplicationOut.of(created));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "One application (its owners and the staff of its association only; 404 otherwise)")
    public ApplicationOut get(@PathParam("id") long id) {
        return ApplicationOut.of(applications.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Save the parts given (project, lines, plan, impact) at the version last read")
    public ApplicationOut update(@PathParam("id") long id, ApplicationRequest body) {
        ApplicationRequest b = required(body);
        if (b.version() == null) {
            throw new InvalidInputException("version", "field.required");
        }
        return ApplicationOut.of(applications.update(id, b.version(), b.project(), b.lineInputs(), b.planInputs(), b.impactInput()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Delete a draft with everything in it (its owners only; 404 otherwise), at the version last read "
            + "(?version=, optional); 409 once submitted: a submitted file is withdrawn, not deleted")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Long version) {
        applications.deleteDraft(id, Params.version(version));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Submit a complete draft; 400 with the list of what is missing otherwise")
    public ApplicationOut submit(@PathParam("id") long id, @QueryParam("version") Long version) {
        return ApplicationOut.of(applications.submit(id, Params.version(version)));
    }

    @GET
    @Path("{id}/decision-letter")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.ADMIN})
    @Operation(summary = "The decision letter as a PDF (404 while there is no decision)")
    public Response decisionLetter(@PathParam("id") long id, @Context HttpHeaders headers) {
        byte[] pdf = applications.decisionLetter(id, ApiLocale.of(headers));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", Downloads.disposition(Downloads.name(ApiLocale.of(headers), "decisionLetter", "pdf", id)))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Advisor: take a submitted application into review")
    public ApplicationOut startReview(@PathParam("id") long id, @QueryParam("version") Long version) {
        return ApplicationOut.of(applications.startReview(id, Params.version(version)));
    }

    @POST
    @Path("{id}/information-requests")
    @RolesAllowed(Roles.ADVISOR)
    @Operation(summary = "Advisor: ask the applicant for information ({\"question\": …})")
    public ApplicationOut requestInformation(@PathParam("id") long id, @QueryParam("version") Long version, Question body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return ApplicationOut.of(applications.requestInformation(id, Params.version(version), body.question()));
    }

    @POST
    @Path("{id}/answer")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Answer the pending information request ({\"answer\": …}); the file goes back to review")
    public ApplicationOut answer(@PathParam("id") long id, @QueryParam("version") Long version, Answer body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return ApplicationOut.of(applications.answerInformation(id, Params.version(version), body.answer()));
    }

    public record Question(String question) {
    }

    public record Answer(String answer) {
    }

    private static ApplicationRequest required(ApplicationRequest body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return body;
    }
}
