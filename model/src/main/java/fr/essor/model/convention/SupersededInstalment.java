package fr.essor.model.convention;

import fr.essor.model.shared.Identified;
import fr.essor.model.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An instalment of a schedule that a rescheduling replaced, as it stood then (never changed). */
@Entity
@Table(name = "instalment_history")
public class SupersededInstalment extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    private Allocation allocation;

    @Column(name = "schedule_version", nullable = false, updatable = false)
    private int scheduleVersion;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "capital", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money capital;

    @Column(name = "interest", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money interest;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money amount;

    @Column(name = "paid_capital", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money paidCapital;

    @Column(name = "paid_interest", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money paidInterest;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false, updatable = false)
    private InstalmentStatus status;

    protected SupersededInstalment() {
    }

    SupersededInstalment(Instalment i, int scheduleVersion) {
        this.allocation = i.getAllocation();
        this.scheduleVersion = scheduleVersion;
        this.number = i.getNumber();
        this.dueDate = i.getDueDate();
        this.capital = i.getCapital();
        this.interest = i.getInterest();
        this.amount = i.getAmount();
        this.paidCapital = i.getPaidCapital();
        this.paidInterest = i.getPaidInterest();
        this.status = i.getStatus();
    }

    public Allocation getAllocation() { return allocation; }
    public int getScheduleVersion() { return scheduleVersion; }
    public int getNumber() { return number; }
    public LocalDate getDueDate() { return dueDate; }
    public Money getCapital() { return capital; }
    public Money getInterest() { return interest; }
    public Money getAmount() { return amount; }
    public Money getPaidCapital() { return paidCapital; }
    public Money getPaidInterest() { return paidInterest; }
    public InstalmentStatus getStatus() { return status; }
}
