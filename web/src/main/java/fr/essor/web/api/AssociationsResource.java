package fr.essor.web.api;

import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationService.DepartmentView;
import fr.essor.service.association.AssociationView;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.Roles;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The network's associations and their territory (issue 12). National administrators manage them
 * all; an association's administrator reads and renames his own (403 on another one).
 */
@Path("associations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AssociationsResource {

    @EJB
    private AssociationService associations;

    @Context
    private UriInfo uriInfo;

    @GET
    @Operation(summary = "The associations the caller administers, by code (page from 0, size 1 to 200)")
    public PageOut<AssociationView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return PageOut.of(associations.list(paging.first(), paging.size()), paging);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One association with its départements and its number of open files")
    public AssociationOut get(@PathParam("id") long id) {
        return out(associations.get(id));
    }

    @POST
    @Operation(summary = "Create an association (national administrator): {\"code\":\"BZH\",\"name\":…,\"region\":…}")
    public Response create(AssociationIn body) {
        AssociationIn in = body(body);
        AssociationView created = associations.create(in.code(), in.name(), in.region());
        return Responses.created(uriInfo, created.id(), out(created));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rename an association: {\"name\":…,\"region\":…} (the code never changes)")
    public AssociationOut update(@PathParam("id") long id, AssociationIn body) {
        AssociationIn in = body(body);
        return out(associations.rename(id, in.name(), in.region()));
    }

    @POST
    @Path("{id}/deactivation")
    @Operation(summary = "Deactivate an association (national administrator); 409 OPEN_FILES with their number while files are open")
    public AssociationOut deactivate(@PathParam("id") long id) {
        return out(associations.deactivate(id));
    }

    @POST
    @Path("{id}/activation")
    @Operation(summary = "Reactivate an association (national administrator)")
    public AssociationOut activate(@PathParam("id") long id) {
        return out(associations.activate(id));
    }

    @GET
    @Path("{id}/departments")
    @Operation(summary = "The départements of an association")
    public List<String> departments(@PathParam("id") long id) {
        return associations.departments(id);
    }

    @PUT
    @Path("{id}/departments/{department}")
    @Operation(summary = "Give a département to an association (national administrator); 409 DEPARTMENT_TAKEN when another has it")
    public DepartmentView assign(@PathParam("id") long id, @PathParam("department") String department) {
        return associations.assign(id, department);
    }

    @GET
    @Path("departments")
    @Operation(summary = "Every département given to an association, with its association (national administrator)")
    public List<DepartmentView> territory() {
        return associations.territory();
    }

    @POST
    @Path("departments/{department}/move")
    @Operation(summary = "Move a département to another association: {\"associationId\":…}; files already routed stay where they are")
    public DepartmentView move(@PathParam("department") String department, MoveIn body) {
        if (body == null || body.associationId() == null) {
            throw new InvalidInputException("associationId", "field.required");
        }
        return associations.move(department, body.associationId());
    }

    private AssociationOut out(AssociationView a) {
        return new AssociationOut(a.id(), a.code(), a.name(), a.region(), a.active(), associations.departments(a.id()),
                associations.openFiles(a.id()));
    }

    private static AssociationIn body(AssociationIn body) {
        if (body == null) {
            throw new InvalidInputException(null, "error.api.bodyRequired");
        }
        return body;
    }

    public record AssociationIn(String code, String name, String region) {
    }

    public record MoveIn(Long associationId) {
    }

    public record AssociationOut(long id, String code, String name, String region, boolean active, List<String> departments,
                                 long openFiles) {
    }
}
