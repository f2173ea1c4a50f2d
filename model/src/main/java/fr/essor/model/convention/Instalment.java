package fr.essor.model.convention;

import fr.essor.model.shared.Identified;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One monthly instalment of an honour loan's repayment schedule; part of its {@link Allocation}. */
@Entity
@Table(name = "instalment")
public class Instalment extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    private Allocation allocation;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private InstalmentStatus status = InstalmentStatus.DUE;

    protected Instalment() {
    }

    Instalment(Allocation allocation, int number, LocalDate dueDate, Money amount) {
        this.allocation = allocation;
        this.number = number;
        this.dueDate = dueDate;
        this.amount = amount;
    }

    boolean isOpen() {
        return status == InstalmentStatus.DUE || status == InstalmentStatus.LATE;
    }

    void paid(LocalDate on) {
        if (!isOpen()) {
            throw RuleException.convention("instalment.notOpen", number);
        }
        status = InstalmentStatus.PAID;
        paidOn = on;
    }

    boolean markLateOn(LocalDate today) {
        if (status == InstalmentStatus.DUE && dueDate.isBefore(today)) {
            status = InstalmentStatus.LATE;
            return true;
        }
        return false;
    }

    void writeOff() {
        status = InstalmentStatus.WRITTEN_OFF;
    }

    public Allocation getAllocation() {
        return allocation;
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Money getAmount() {
        return amount;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public InstalmentStatus getStatus() {
        return status;
    }
}
