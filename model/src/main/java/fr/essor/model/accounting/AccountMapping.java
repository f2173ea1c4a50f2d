package fr.essor.model.accounting;

import fr.essor.model.application.Instrument;
import fr.essor.model.association.Association;
import fr.essor.model.convention.MovementKind;
import fr.essor.model.shared.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of an association's chart of accounts as stored: a movement kind (and an instrument, or
 * {@value MappingKey#ALL_INSTRUMENTS}) and its {@link Posting}. The chart is replaced as a whole (the rows of the
 * association deleted and written again, under a lock of the association), so a row is never updated.
 */
@Entity
@Table(name = "account_mapping")
public class AccountMapping extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "association_id", nullable = false, updatable = false)
    private Association association;

    @Enumerated(EnumType.STRING)
    @Column(name = "movement_kind", length = 20, nullable = false, updatable = false)
    private MovementKind kind;

    @Column(name = "instrument", length = 20, nullable = false, updatable = false)
    private String instrument;

    @Column(name = "debit_account", length = Posting.ACCOUNT_MAX, nullable = false, updatable = false)
    private String debitAccount;

    @Column(name = "debit_label", length = Posting.LABEL_MAX, nullable = false, updatable = false)
    private String debitLabel;

    @Column(name = "credit_account", length = Posting.ACCOUNT_MAX, nullable = false, updatable = false)
    private String creditAccount;

    @Column(name = "credit_label", length = Posting.LABEL_MAX, nullable = false, updatable = false)
    private String creditLabel;

    @Column(name = "journal_code", length = Posting.JOURNAL_MAX, nullable = false, updatable = false)
    private String journalCode;

    @Column(name = "journal_label", length = Posting.LABEL_MAX, nullable = false, updatable = false)
    private String journalLabel;

    @Column(name = "updated_by", length = 254, nullable = false, updatable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false, updatable = false)
    private Instant updatedAt;

    protected AccountMapping() {
    }

    public AccountMapping(Association association, MappingKey key, Posting posting, String actor, Instant now) {
        this.association = Objects.requireNonNull(association);
        this.kind = key.kind();
        this.instrument = key.storedInstrument();
        this.debitAccount = posting.debitAccount();
        this.debitLabel = posting.debitLabel();
        this.creditAccount = posting.creditAccount();
        this.creditLabel = posting.creditLabel();
        this.journalCode = posting.journalCode();
        this.journalLabel = posting.journalLabel();
        this.updatedBy = Objects.requireNonNull(actor);
        this.updatedAt = Objects.requireNonNull(now);
    }

    public Association getAssociation() {
        return association;
    }

    public MappingKey key() {
        return new MappingKey(kind, MappingKey.ALL_INSTRUMENTS.equals(instrument) ? null : Instrument.valueOf(instrument));
    }

    public Posting posting() {
        return new Posting(debitAccount, debitLabel, creditAccount, creditLabel, journalCode, journalLabel);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
