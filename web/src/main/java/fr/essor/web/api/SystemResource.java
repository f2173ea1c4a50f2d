package fr.essor.web.api;

import fr.essor.service.shared.Roles;
import fr.essor.web.health.DatabaseHealthCheck;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the anonymous {@code /health} no longer tells: the database Essor runs on, for administrators. */
@Path("admin/system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    @Readiness
    private DatabaseHealthCheck database;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The database product and version Essor runs on (ADMIN)")
    public SystemInfo get() throws SQLException {
        return new SystemInfo(database.database());
    }

    /** The answer of {@code GET /api/v1/admin/system}. */
    public record SystemInfo(String database) {
    }
}
