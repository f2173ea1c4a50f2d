package fr.essor.web.api;

import fr.essor.service.audit.AuditService;
import fr.essor.service.audit.AuditService.ChainHead;
import fr.essor.service.audit.AuditService.SealedEvent;
import fr.essor.service.audit.ChainCheck;
import fr.essor.service.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The audit chain for administrators: its integrity check, and its export as JSON lines so that an
 * outside party can recompute every hash (the recipe is in docs/RELIABILITY.md). The service checks
 * the ADMIN role too.
 */
@Path("admin/audit")
@RequestScoped
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    @EJB
    private AuditService audit;

    @GET
    @Path("check")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Checks every sealed audit event's hash and link and the head; counts the events not yet sealed")
    public ChainCheck check() {
        return audit.verifyChain();
    }

    /**
     * The sealed chain up to the head read when the export starts: a first line with the head
     * ({@code {"headSeq":…,"headHash":"…","recipe":"essor-audit-v1"}}), then one line per event in
     * sequence order with every field the hash covers.
     */
    @GET
    @Path("chain")
    @RolesAllowed(Roles.ADMIN)
    @Produces(NDJSON)
    @Operation(summary = "The sealed audit chain as JSON lines: the head first, then every event in sequence order (ADMIN)")
    public StreamingOutput chain() {
        ChainHead head = audit.head();
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            out.write(Json.createObjectBuilder().add("headSeq", head.seq()).add("headHash", head.hash())
                    .add("recipe", "essor-audit-v1").build().toString());
            out.write('\n');
            long after = 0;
            while (true) {
                List<SealedEvent> page = audit.sealed(after, head.seq(), 1_000);
                if (page.isEmpty()) {
                    break;
                }
                for (SealedEvent e : page) {
                    out.write(line(e));
                    out.write('\n');
                    after = e.seq();
                }
            }
            out.flush();
        };
    }

    private static String line(SealedEvent e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("seq", e.seq()).add("id", e.id())
                .add("occurredAt", e.occurredAt()).add("actor", e.actor()).add("entityType", e.entityType())
                .add("entityId", e.entityId()).add("action", e.action());
        if (e.summary() == null) {
            b.addNull("summary");
        } else {
            b.add("summary", e.summary());
        }
        return b.add("previousHash", e.previousHash()).add("hash", e.hash()).build().toString();
    }
}
