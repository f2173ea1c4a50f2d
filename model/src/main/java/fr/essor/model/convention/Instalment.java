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

/**
 * One instalment of a loan's current repayment schedule, part of its {@link Allocation}: what falls
 * due (capital and interest; {@code amount} is their total) and what has been paid of each. Older
 * schedules are kept as {@link SupersededInstalment}s.
 */
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

    @Column(name = "amount", precision = 15, scale = 2, nullable = false)
    private Money amount;

    /** Null on rows written before loan products (then the whole amount is capital). */
    @Column(name = "capital", precision = 15, scale = 2)
    private Money capital;

    @Column(name = "interest", precision = 15, scale = 2)
    private Money interest;

    @Column(name = "paid_capital", precision = 15, scale = 2, nullable = false)
    private Money paidCapital = Money.zero();

    @Column(name = "paid_interest", precision = 15, scale = 2, nullable = false)
    private Money paidInterest = Money.zero();

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
        this.capital = amount;
        this.interest = Money.zero();
    }

    Instalment(Allocation allocation, LoanSchedule.Line line) {
        this.allocation = allocation;
        this.number = line.number();
        this.dueDate = line.dueDate();
        this.amount = line.total();
        this.capital = line.capital();
        this.interest = line.interest();
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
        paidCapital = getCapital();
        paidInterest = getInterest();
    }

    /** What is still owed of this instalment. */
    public Money owed() {
        return owedCapital().plus(owedInterest());
    }

    public Money owedCapital() {
        return getCapital().minus(paidCapital);
    }

    public Money owedInterest() {
        return getInterest().minus(paidInterest);
    }

    /** Applies part of a repayment; the instalment is PAID once nothing is owed. */
    void apply(Money toInterest, Money toCapital, LocalDate on) {
        paidInterest = paidInterest.plus(toInterest);
        paidCapital = paidCapital.plus(toCapital);
        if (paidInterest.isGreaterThan(getInterest()) || paidCapital.isGreaterThan(getCapital())) {
            throw RuleException.convention("instalment.overpaid", number);
        }
        if (owed().isZero()) {
            status = InstalmentStatus.PAID;
            paidOn = on;
        }
    }

    /** Takes back part of a reversed repayment: the instalment is open again, late if past due on {@code today}. */
    void unapply(Money fromInterest, Money fromCapital, LocalDate today) {
        paidInterest = paidInterest.minus(fromInterest);
        paidCapital = paidCapital.minus(fromCapital);
        if (paidInterest.isNegative() || paidCapital.isNegative()) {
            throw RuleException.convention("instalment.overpaid", number);
        }
        if (status == InstalmentStatus.PAID && owed().isPositive()) {
            status = dueDate.isBefore(today) ? InstalmentStatus.LATE : InstalmentStatus.DUE;
            paidOn = null;
        }
    }

    /** Whether anything was paid of it. */
    boolean isStarted() {
        return paidCapital.isPositive() || paidInterest.isPositive();
    }

    /** Closes a partly paid instalment at what was paid (before a rescheduling). */
    void closeAtPaid(LocalDate on) {
        capital = paidCapital;
        interest = paidInterest;
        amount = paidCapital.plus(paidInterest);
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

    public Money getCapital() {
        return capital == null ? amount : capital;
    }

    public Money getInterest() {
        return interest == null ? Money.zero() : interest;
    }

    public Money getPaidCapital() {
        return paidCapital;
    }

    public Money getPaidInterest() {
        return paidInterest;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public InstalmentStatus getStatus() {
        return status;
    }
}
