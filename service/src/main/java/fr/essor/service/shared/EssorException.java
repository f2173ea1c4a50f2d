package fr.essor.service.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one family of errors a use case reports to its caller. It carries a stable code (for the
 * API), a message key and arguments (translated by the web layer into the user's language), and
 * rolls the transaction back so that nothing stored changes.
 */
@ApplicationException(rollback = true)
public class EssorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String messageKey;
    private final transient List<Object> arguments;

    public EssorException(String code, String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** Stable machine-readable code, e.g. {@code NOT_FOUND} or {@code INVALID_INPUT}. */
    public String code() {
        return code;
    }

    /** Key of the message in the web layer's resource bundle. */
    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments == null ? List.of() : arguments;
    }
}
