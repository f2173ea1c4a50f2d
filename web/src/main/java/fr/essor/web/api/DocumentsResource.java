package fr.essor.web.api;

import fr.essor.model.document.DocumentRules;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.DocumentService;
import fr.essor.service.shared.Roles;
import fr.essor.web.api.ApplicationJson.DocumentOut;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Documents of an application over the API: the raw file as the body, its name in
 * {@code X-File-Name} (percent-encoded UTF-8 for a name beyond ASCII) or in
 * {@code Content-Disposition: attachment; filename*=UTF-8''…} (RFC 5987); the type is read from the
 * content, never from the name or the header.
 */
@Path("applications/{id}/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    private static final long DRAIN_LIMIT = 200L * 1024 * 1024;

    @EJB
    private DocumentService documents;

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Attach a document (PDF, PNG, JPEG, ODT, DOCX, XLSX; 10 MB at most); ?kind=BUSINESS_PLAN…;"
            + " the name in X-File-Name, percent-encoded UTF-8 (rel%C3%A9v%C3%A9.pdf), or in"
            + " Content-Disposition: attachment; filename*=UTF-8''rel%C3%A9v%C3%A9.pdf")
    public Response upload(@PathParam("id") long id, @QueryParam("kind") String kind, @HeaderParam("X-File-Name") String fileName,
                           @HeaderParam("Content-Disposition") String disposition, InputStream body) throws IOException {
        String name = FileNameHeader.decode(disposition, fileName);
        // Read one byte past the limit, never the whole of an oversized body.
        byte[] content = body == null ? new byte[0] : body.readNBytes(DocumentRules.MAX_BYTES + 1);
        if (content.length > DocumentRules.MAX_BYTES && body != null) {
            // Read (and drop) the rest of a too-large body, up to a bound, so that the client gets
            // the 400 instead of a connection reset in the middle of its upload.
            long skipped = 0;
            byte[] sink = new byte[64 * 1024];
            for (int n; skipped < DRAIN_LIMIT && (n = body.read(sink)) > 0; ) {
                skipped += n;
            }
        }
        ApplicationViews.Document d = documents.upload(id, kind, name, content);
        return Response.status(201).entity(new DocumentOut(d.id(), d.kind(), d.fileName(), d.mediaType(), d.sizeBytes(),
                d.sha256(), d.uploadedAt().toString())).build();
    }

    @DELETE
    @Path("{documentId}")
    @RolesAllowed(Roles.ENTREPRENEUR)
    @Operation(summary = "Remove a document while the application is a draft")
    public Response remove(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        documents.remove(id, documentId);
        return Response.noContent().build();
    }
}
