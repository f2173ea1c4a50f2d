package fr.essor.web.shared;

import fr.essor.model.document.DocumentRules;
import fr.essor.service.shared.InvalidInputException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;

/** A file chosen in a page's form field, read for the services (which check its size, type and content). */
public final class Uploads {

    private Uploads() {
    }

    /** Whether the field holds a file at all. */
    public static boolean chosen(Part file) {
        return file != null && file.getSubmittedFileName() != null && !file.getSubmittedFileName().isBlank();
    }

    /** The file's bytes, refused on {@code field} when none was chosen or it cannot be read. */
    public static byte[] required(Part file, String field) {
        if (!chosen(file)) {
            throw new InvalidInputException(field, "document.EMPTY");
        }
        return content(file, field);
    }

    /** The file's bytes: one byte more than allowed at most, so that the service can tell a file too large. */
    public static byte[] content(Part file, String field) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(DocumentRules.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException(field, "document.EMPTY");
        }
    }
}
