package fr.essor.web.api;

import fr.essor.service.application.IncompleteException;
import fr.essor.service.shared.BusyException;
import fr.essor.service.shared.ConcurrentChangeException;
import fr.essor.service.shared.ConflictException;
import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.shared.InputViolations;
import fr.essor.service.shared.InvalidInputException;
import fr.essor.service.shared.InvariantViolatedException;
import fr.essor.service.shared.NotFoundException;
import fr.essor.service.shared.TooManyAttemptsException;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API becomes a JSON error with the right status; nothing reaches the client
 * as a stack trace. Unexpected errors are logged with an id that the response also gives.
 */
@Provider
public class ExceptionMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        Locale locale = ApiLocale.of(headers);
        EssorException essor = refusal(thrown);
        if (essor instanceof IncompleteException incomplete) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "INCOMPLETE");
            body.put("message", Messages.text(essor, locale));
            body.put("missing", incomplete.missing().stream().map(m -> {
                Map<String, Object> piece = new LinkedHashMap<>();
                piece.put("step", m.step());
                piece.put("message", Messages.missing(locale, m.messageKey(), m.detail()));
                if (m.detail() != null) {
                    piece.put("detail", m.detail()); // e.g. the document kind the checklist requires
                }
                return piece;
            }).toList());
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        if (essor instanceof InvariantViolatedException invariant) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", essor.code());
            body.put("message", Messages.text(essor, locale));
            body.put("available", invariant.available().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        if (essor instanceof InvalidInputException invalid && invalid.field() != null) {
            return onField(invalid, locale);
        }
        if (essor instanceof BusyException) {
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", BusyException.RETRY_AFTER_SECONDS)
                    .entity(new ApiError(essor.code(), Messages.text(essor, locale))).build();
        }
        if (essor != null) {
            return json(statusOf(essor), essor.code(), Messages.text(essor, locale));
        }
        if (find(thrown, BodyTooLargeException.class) != null) {
            long limit = find(thrown, BodyTooLargeException.class).limit();
            return json(413, "BODY_TOO_LARGE", Messages.text(locale, "error.api.bodyTooLarge",
                    limit >= 1024 * 1024 ? (limit / (1024 * 1024)) + " MB" : (limit / 1024) + " kB"));
        }
        if (DatabaseUnavailable.causes(thrown)) {
            // the pool reconnects on its own once the database is back: nothing to investigate per request
            LOG.warning(() -> "API request failed, database unreachable: " + thrown);
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .entity(new ApiError("UNAVAILABLE", Messages.text(locale, "error.api.unavailable"))).build();
        }
        if (find(thrown, OptimisticLockException.class) != null) {
            return json(409, "CONCURRENT_CHANGE", Messages.text(locale, "error.concurrentChange"));
        }
        if (find(thrown, EJBAccessException.class) != null || find(thrown, AccessLocalException.class) != null) {
            return json(403, "FORBIDDEN", Messages.text(locale, "error.forbidden"));
        }
        if (find(thrown, JsonParsingException.class) != null || find(thrown, JsonbException.class) != null) {
            return json(400, "MALFORMED_JSON", Messages.text(locale, "error.api.malformedJson"));
        }
        if (thrown instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            String code = switch (status) {
                case 400 -> "BAD_REQUEST";
                case 401 -> "UNAUTHENTICATED";
                case 403 -> "FORBIDDEN";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> status >= 500 ? "SERVER_ERROR" : "CLIENT_ERROR";
            };
            if (status == 400 && thrown.getCause() != null) {
                return json(400, "MALFORMED_JSON", Messages.text(locale, "error.api.malformedJson"));
            }
            if (status < 500) {
                return json(status, code, Messages.text(locale, "error.http." + status));
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API error " + incident, thrown);
        return json(500, "SERVER_ERROR", Messages.text(locale, "error.api.server", incident));
    }

    /** 400 naming the field, which tells a client which input to correct. */
    static Response onField(InvalidInputException invalid, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", invalid.code());
        body.put("message", Messages.text(invalid, locale));
        body.put("field", invalid.field());
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static int statusOf(EssorException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof TooManyAttemptsException) {
            return 429;
        }
        if (e instanceof ConflictException || e instanceof ConcurrentChangeException) {
            return 409;
        }
        return 400;
    }

    static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }

    /** The service's refusal, or Bean Validation's refusal of a service input (at the EJB boundary) as one. */
    private static EssorException refusal(Throwable thrown) {
        EssorException essor = find(thrown, EssorException.class);
        ConstraintViolationException violations = essor == null ? find(thrown, ConstraintViolationException.class) : null;
        return violations == null ? essor : InputViolations.refusal(violations);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
