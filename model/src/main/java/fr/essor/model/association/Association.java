package fr.essor.model.association;

import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A territorial association: the tenant every business record belongs to. */
@Entity
@Table(name = "association")
@Cacheable
public class Association extends VersionedEntity {

    public static final int CODE_MIN = 2;
    public static final int CODE_MAX = 10;
    public static final String CODE_PATTERN = "[A-Z]{" + CODE_MIN + "," + CODE_MAX + "}";
    public static final int NAME_MAX = 120;
    public static final int REGION_MAX = 100;

    private static final java.util.regex.Pattern CODE_REGEX = java.util.regex.Pattern.compile(CODE_PATTERN);

    @NotNull
    @Pattern(regexp = CODE_PATTERN)
    @Column(name = "code", length = CODE_MAX, nullable = false, unique = true, updatable = false)
    private String code;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @NotBlank
    @Size(max = REGION_MAX)
    @Column(name = "region", length = REGION_MAX, nullable = false)
    private String region;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    /** Four eyes on money (issue 13): a movement strictly above this needs a second person. */
    @Column(name = "four_eyes_threshold", precision = 15, scale = 2, nullable = false)
    private Money fourEyesThreshold = DEFAULT_FOUR_EYES_THRESHOLD;

    public static final Money DEFAULT_FOUR_EYES_THRESHOLD = Money.of("10000.00");

    protected Association() {
    }

    public Association(String code, String name, String region) {
        if (code == null || !CODE_REGEX.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "An association code is " + CODE_MIN + " to " + CODE_MAX + " upper-case letters: " + code);
        }
        this.code = code;
        rename(name, region);
    }

    public void rename(String name, String region) {
        this.name = requireText(name, "name");
        this.region = requireText(region, "region");
    }

    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " of an association is required");
        }
        return value.strip();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public boolean isActive() {
        return active;
    }

    public Money getFourEyesThreshold() {
        return fourEyesThreshold;
    }

    /** Sets the four-eyes threshold: zero (every movement needs two people) or more. */
    public void changeFourEyesThreshold(Money threshold) {
        if (threshold == null) {
            throw RuleException.field("threshold", "field.required");
        }
        if (threshold.isNegative()) {
            throw RuleException.field("threshold", "amount.mustNotBeNegative");
        }
        this.fourEyesThreshold = threshold;
    }

    @Override
    public String toString() {
        return "Association[" + code + "]";
    }
}
