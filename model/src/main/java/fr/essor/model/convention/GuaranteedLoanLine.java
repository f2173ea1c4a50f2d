package fr.essor.model.convention;

import fr.essor.model.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.LocalDate;

/** One instalment of the bank loan a guarantee covers: the capital the bank's outstanding falls by on its date. */
@Embeddable
public class GuaranteedLoanLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "capital", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money capital;

    @Column(name = "interest", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money interest;

    @Column(name = "remaining", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money remaining;

    protected GuaranteedLoanLine() {
    }

    GuaranteedLoanLine(LoanSchedule.Line l) {
        this.number = l.number();
        this.dueDate = l.dueDate();
        this.capital = l.capital();
        this.interest = l.interest();
        this.remaining = l.remaining();
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Money getCapital() {
        return capital;
    }

    public Money getInterest() {
        return interest;
    }

    public Money getRemaining() {
        return remaining;
    }
}
