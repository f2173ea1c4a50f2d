package fr.essor.web.api;

import fr.essor.service.shared.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API of Essor, under {@code /api/v1}, authenticated with HTTP Basic. */
@ApplicationPath("/api/v1")
@DeclareRoles({Roles.ENTREPRENEUR, Roles.ADVISOR, Roles.COMMITTEE_MEMBER, Roles.PARTNER, Roles.ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "Essor API", version = "1",
                description = "Applications, committees, conventions and indicators of a social-economy financing network. "
                        + "Amounts are strings with two decimals, dates ISO-8601; errors are {\"error\": CODE, \"message\": …}."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ApiApplication extends Application {
}
