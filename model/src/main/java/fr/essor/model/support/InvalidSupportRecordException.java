package fr.essor.model.support;

import fr.essor.model.shared.EssorDomainException;
import java.util.List;

/**
 * A support record that breaks a rule: names the offending field and the message key of the rule,
 * with its arguments, so that the service can report it as invalid input.
 */
public class InvalidSupportRecordException extends EssorDomainException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageKey;
    private final transient List<Object> arguments;

    public InvalidSupportRecordException(String field, String messageKey, Object... arguments) {
        super("Invalid support record: " + field + " " + messageKey + " " + List.of(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments == null ? List.of() : arguments;
    }
}
