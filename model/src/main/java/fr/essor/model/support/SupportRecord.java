package fr.essor.model.support;

import fr.essor.model.account.UserAccount;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Advice an advisor gave an enterprise on a day ("accompagnement"). The enterprises with at least
 * one record dated in a year are the "enterprises advised" of that year.
 */
@Entity
@Table(name = "support_record")
public class SupportRecord extends VersionedEntity {

    public static final int KIND_MAX = 30;
    public static final int NOTES_MAX = 4000;
    public static final int MIN_DURATION_MINUTES = 1;
    /** Five full days: a longer piece of advice is several records. */
    public static final int MAX_DURATION_MINUTES = 24 * 60 * 5;
    /** No record predates the networks' digital records. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enterprise_id", nullable = false, updatable = false)
    private Enterprise enterprise;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "advisor_id", nullable = false, updatable = false)
    private UserAccount advisor;

    // "date" would clash with the SQL and JPQL keyword in queries; the getter keeps the plain name.
    @NotNull
    @Column(name = "support_date", nullable = false)
    private LocalDate supportDate;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = KIND_MAX, nullable = false)
    private SupportKind kind;

    @Min(MIN_DURATION_MINUTES)
    @Max(MAX_DURATION_MINUTES)
    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Size(max = NOTES_MAX)
    @Column(name = "notes", length = NOTES_MAX)
    private String notes;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SupportRecord() {
    }

    /**
     * Records advice given; {@code today} is the day in the network's time zone, as no advice can
     * be recorded ahead of time.
     */
    public SupportRecord(Enterprise enterprise, UserAccount advisor, LocalDate date, SupportKind kind, int durationMinutes,
                         String notes, Instant createdAt, LocalDate today) {
        this.enterprise = Objects.requireNonNull(enterprise, "enterprise");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        revise(date, kind, durationMinutes, notes, today);
    }

    /** Corrects the record; the same rules apply as when it was made. All or nothing. */
    public void revise(LocalDate newDate, SupportKind newKind, int newDurationMinutes, String newNotes, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (newDate == null) {
            throw RuleException.field("date", "support.dateRequired");
        }
        if (newDate.isAfter(today)) {
            throw RuleException.field("date", "support.dateInFuture");
        }
        if (newDate.isBefore(EARLIEST_DATE)) {
            throw RuleException.field("date", "support.dateTooEarly", EARLIEST_DATE.toString());
        }
        if (newKind == null) {
            throw RuleException.field("kind", "support.kindRequired");
        }
        if (newDurationMinutes < MIN_DURATION_MINUTES || newDurationMinutes > MAX_DURATION_MINUTES) {
            throw RuleException.field("durationMinutes", "support.durationOutOfRange", MIN_DURATION_MINUTES,
                    MAX_DURATION_MINUTES);
        }
        String text = newNotes == null ? "" : newNotes.strip();
        if (text.length() > NOTES_MAX) {
            throw RuleException.field("notes", "support.notesTooLong", NOTES_MAX);
        }
        if (!FreeText.isClean(text, true)) {
            throw RuleException.field("notes", "text.invalidCharacters");
        }
        this.supportDate = newDate;
        this.kind = newKind;
        this.durationMinutes = newDurationMinutes;
        this.notes = text.isEmpty() ? null : text;
    }

    public boolean isAuthoredBy(UserAccount account) {
        return account != null && advisor.getId() != null && advisor.getId().equals(account.getId());
    }

    public Enterprise getEnterprise() {
        return enterprise;
    }

    public UserAccount getAdvisor() {
        return advisor;
    }

    /** The day the advice was given. */
    public LocalDate getDate() {
        return supportDate;
    }

    public SupportKind getKind() {
        return kind;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "SupportRecord[" + getId() + ", " + kind + ", " + supportDate + "]";
    }
}
