package fr.essor.web.privacy;

import fr.essor.service.privacy.PersonalDataService;
import fr.essor.service.shared.EssorException;
import fr.essor.web.shared.Downloads;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code /files/my-data.zip}: the download button of the page "My data" (signed in, as /files/* is). */
@WebServlet(urlPatterns = "/files/my-data.zip")
public class PersonalDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private PersonalDataService personalData;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Path zip;
        try {
            zip = PersonalDataZip.build(personalData);
        } catch (EJBAccessException e) {
            response.sendError(403);
            return;
        } catch (EssorException e) {
            response.sendError(404);
            return;
        }
        response.setContentType("application/zip");
        response.setContentLengthLong(Files.size(zip));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", Downloads.disposition(PersonalDataZip.fileName(Downloads.locale(request))));
        PersonalDataZip.send(zip, response.getOutputStream());
    }
}
