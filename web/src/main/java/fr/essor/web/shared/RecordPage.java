package fr.essor.web.shared;

import fr.essor.service.shared.EssorException;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * The viewAction of a page about one record ({@code ?id=…}): it loads the record, and answers 404 when the page has no
 * id or when the service refuses to read it. A record that does not exist and one the caller may not see get the same
 * answer, so that the page tells nothing about records outside the caller's reach.
 */
public final class RecordPage {

    private RecordPage() {
    }

    public static void load(FacesContext facesContext, Long id, Runnable load) throws IOException {
        try {
            if (id != null) {
                load.run();
                return;
            }
        } catch (EssorException e) {
            // answered below, as a missing id
        }
        facesContext.getExternalContext().responseSendError(404, null);
        facesContext.responseComplete();
    }
}
