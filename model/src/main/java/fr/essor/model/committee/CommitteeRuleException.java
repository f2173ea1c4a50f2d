package fr.essor.model.committee;

import fr.essor.model.shared.EssorDomainException;
import java.util.List;

/**
 * A rule of the committee would be broken. Carries a message key and its arguments so that the
 * user is told, in their language, what is wrong (for instance how many votes are missing).
 */
public class CommitteeRuleException extends EssorDomainException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> arguments;

    public CommitteeRuleException(String key, Object... arguments) {
        super(key + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    /** Message key, e.g. {@code committee.quorumMissing}. */
    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments == null ? List.of() : arguments;
    }
}
