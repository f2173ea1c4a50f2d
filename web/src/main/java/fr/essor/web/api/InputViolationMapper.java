package fr.essor.web.api;

import fr.essor.service.shared.InputViolations;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.web.i18n.Messages;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A service input refused by Bean Validation at the EJB boundary, answered as the service's own
 * refusal on a field ({@link ExceptionMappers#onField}). It needs its own mapper: the JAX-RS
 * implementation maps {@code ValidationException} itself (an empty 400), closer to the exception
 * than {@link ExceptionMappers}' {@code Throwable}.
 */
@Provider
public class InputViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException violations) {
        InvalidInputException refusal = InputViolations.refusal(violations);
        Locale locale = ApiLocale.of(headers);
        return refusal.field() == null ? ExceptionMappers.json(400, refusal.code(), Messages.text(refusal, locale))
                : ExceptionMappers.onField(refusal, locale);
    }
}
