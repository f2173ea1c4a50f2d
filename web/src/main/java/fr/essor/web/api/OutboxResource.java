package fr.essor.web.api;

import fr.essor.model.mail.OutboxStatus;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.OutboxView;
import fr.essor.service.shared.Page;
import fr.essor.web.shared.Params;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The mail outbox, for administrators: what went out, what waits, what failed. The service checks the ADMIN role. */
@Path("admin/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    @EJB
    private MailService mail;

    @GET
    @PermitAll
    @Operation(summary = "Messages of the outbox, newest first, optionally of one status (PENDING, SENT, FAILED)")
    public OutboxPage list(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 50);
        OutboxStatus wanted = Params.choice(OutboxStatus.class, "status", status, "outbox.statusUnknown", status);
        Page<OutboxView> found = mail.search(wanted, paging.first(), paging.size());
        return new OutboxPage(found.items().stream().map(OutboxItem::of).toList(), found.total(), found.first(), found.size());
    }

    @POST
    @Path("send")
    @PermitAll
    @Operation(summary = "Send every pending message now, without waiting for retry delays; returns how many were sent")
    public SendResult send() {
        return new SendResult(mail.sendNow());
    }

    @POST
    @Path("{id}/retry")
    @PermitAll
    @Operation(summary = "Put a pending or failed message back in line for an attempt now")
    public OutboxItem retry(@PathParam("id") long id) {
        return OutboxItem.of(mail.retry(id));
    }

    public record OutboxPage(List<OutboxItem> items, long total, int first, int size) {
    }

    public record OutboxItem(long id, String recipient, String subject, String body, String kind, String locale,
            String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError,
            String relatedEntity, String relatedId) {

        static OutboxItem of(OutboxView m) {
            return new OutboxItem(m.id(), m.recipient(), m.subject(), m.body(), m.kind(), m.locale(), m.status().name(),
                    m.attempts(), m.createdAt(), m.nextAttemptAt(), m.sentAt(), m.lastError(), m.relatedEntity(),
                    m.relatedId());
        }
    }

    public record SendResult(int sent) {
    }
}
