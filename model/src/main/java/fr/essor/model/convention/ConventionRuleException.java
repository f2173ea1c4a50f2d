package fr.essor.model.convention;

import fr.essor.model.shared.EssorDomainException;
import java.util.List;

/** A money rule of a convention would be broken; carries a message key and its arguments. */
public class ConventionRuleException extends EssorDomainException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> arguments;

    public ConventionRuleException(String key, Object... arguments) {
        super(key + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments == null ? List.of() : arguments;
    }
}
