package fr.essor.model.indicator;

import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A year's figures published by the national head: while the closing is in force, the indicators of
 * that year are the ones stored with it (published_figure, published_breakdown), whatever is backdated
 * into the year afterwards. Reopening ends it and keeps it as history, with who, when and why.
 */
@Entity
@Table(name = "year_closing")
public class YearClosing extends VersionedEntity {

    public static final int ACTOR_MAX = 254;
    public static final int REASON_MAX = 500;
    /** The first year that may be closed: the network's records start in 2000. */
    public static final int FIRST_YEAR = 2000;

    @Column(name = "closing_year", nullable = false, updatable = false)
    private int year;

    /** The year while in force, null once reopened: the unique key keeps one closing in force per year. */
    @Column(name = "closed_year")
    private Integer inForce;

    @Column(name = "closed_at", nullable = false, updatable = false)
    private Instant closedAt;

    @Column(name = "closed_by", length = ACTOR_MAX, nullable = false, updatable = false)
    private String closedBy;

    @Column(name = "reopened_at")
    private Instant reopenedAt;

    @Column(name = "reopened_by", length = ACTOR_MAX)
    private String reopenedBy;

    @Column(name = "reopen_reason", length = REASON_MAX)
    private String reopenReason;

    protected YearClosing() {
    }

    /**
     * Closes {@code year}; only a year that is over may be closed ({@code currentYear} is the calendar
     * year today). Refused on the field {@code year}.
     */
    public YearClosing(int year, int currentYear, String actor, Instant at) {
        if (year < FIRST_YEAR) {
            throw RuleException.field("year", "closing.yearTooEarly", String.valueOf(FIRST_YEAR));
        }
        if (year >= currentYear) {
            throw RuleException.field("year", "closing.yearNotOver", String.valueOf(year));
        }
        this.year = year;
        this.inForce = year;
        this.closedBy = Objects.requireNonNull(actor, "actor");
        this.closedAt = Objects.requireNonNull(at, "at");
    }

    /** Ends the closing, for a reason people can read (required, plain text). Refused on the field {@code reason}. */
    public void reopen(String reason, String actor, Instant at) {
        if (!isInForce()) {
            throw RuleException.field("closing", "closing.alreadyReopened", String.valueOf(year));
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw RuleException.field("reason", "field.required");
        }
        if (text.length() > REASON_MAX) {
            throw RuleException.field("reason", "field.tooLong", REASON_MAX);
        }
        if (!FreeText.isClean(text, true)) {
            throw RuleException.field("reason", "text.invalidCharacters");
        }
        this.inForce = null;
        this.reopenReason = text;
        this.reopenedBy = Objects.requireNonNull(actor, "actor");
        this.reopenedAt = Objects.requireNonNull(at, "at");
    }

    public boolean isInForce() {
        return inForce != null;
    }

    public int getYear() { return year; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public Instant getReopenedAt() { return reopenedAt; }
    public String getReopenedBy() { return reopenedBy; }
    public String getReopenReason() { return reopenReason; }
}
