package fr.essor.model.shared;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule of the domain would be broken. Carries a stable code (the family of rules, which the API
 * gives its callers), a message key and its arguments, so that the user is told in their language
 * what is wrong (for instance how many votes are missing). The service layer turns it, in one
 * place, into its own {@code ConflictException}.
 */
public class RuleException extends EssorDomainException {

    private static final long serialVersionUID = 1L;

    /** Code of the committee's rules (quorum, votes, agenda, sessions). */
    public static final String COMMITTEE = "COMMITTEE_RULE";
    /** Code of the conventions' money rules. */
    public static final String CONVENTION = "CONVENTION_RULE";
    /** Code of a status change the state machine does not allow. */
    public static final String TRANSITION = "ILLEGAL_TRANSITION";
    /** Code of a money limit that would be exceeded. */
    public static final String INVARIANT = "INVARIANT_VIOLATED";
    /** Code of a value that breaks a rule of the record it is typed into (see {@link #field(String, String, Object...)}). */
    public static final String INVALID = "INVALID_INPUT";

    private final String code;
    private final String key;
    private final transient List<Object> arguments;
    private final BigDecimal available;
    private final String field;

    protected RuleException(String message, String code, String key, BigDecimal available, Object... arguments) {
        this(message, code, key, available, null, arguments);
    }

    private RuleException(String message, String code, String key, BigDecimal available, String field, Object... arguments) {
        super(message == null ? key + (arguments.length == 0 ? "" : " " + List.of(arguments)) : message);
        this.code = code;
        this.key = key;
        this.available = available;
        this.field = field;
        this.arguments = List.of(arguments);
    }

    /** A rule of the committee, e.g. {@code decision.quorumMissing}. */
    public static RuleException committee(String key, Object... arguments) {
        return new RuleException(null, COMMITTEE, key, null, arguments);
    }

    /** A rule of a convention, e.g. {@code convention.notActive}. */
    public static RuleException convention(String key, Object... arguments) {
        return new RuleException(null, CONVENTION, key, null, arguments);
    }

    /** A money limit would be exceeded; {@code available} is what may still be used, also the message's argument. */
    public static RuleException overLimit(String key, BigDecimal available) {
        return new RuleException(null, INVARIANT, key, available, available);
    }

    /**
     * A rule of a convention that one typed value breaks (e.g. a disbursement date outside the
     * convention's period): the caller corrects that field, so it is refused as bad input on it.
     */
    public static RuleException conventionField(String field, String key, Object... arguments) {
        return new RuleException(null, CONVENTION, key, null, field, arguments);
    }

    /**
     * A value typed into a record breaks one of the record's rules (e.g. a support record dated in the future): the
     * caller corrects that field, so it is refused as bad input on it.
     */
    public static RuleException field(String field, String key, Object... arguments) {
        return new RuleException(null, INVALID, key, null, field, arguments);
    }

    /** Stable code of the family of rules, e.g. {@code COMMITTEE_RULE}. */
    public String code() {
        return code;
    }

    /** Message key, e.g. {@code committee.quorumMissing}. */
    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments == null ? List.of() : arguments;
    }

    /** The input field whose value breaks the rule, or null when the rule is not about one field. */
    public String field() {
        return field;
    }

    /** For a money limit: the amount still available; otherwise null. */
    public BigDecimal available() {
        return available;
    }
}
