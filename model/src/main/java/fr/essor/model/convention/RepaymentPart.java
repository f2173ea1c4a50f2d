package fr.essor.model.convention;

import fr.essor.model.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** What one repayment paid of one instalment (fees are not modelled: none are charged). */
@Embeddable
public class RepaymentPart implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "instalment_number", nullable = false, updatable = false)
    private int instalmentNumber;

    @Column(name = "interest", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money interest;

    @Column(name = "capital", precision = 15, scale = 2, nullable = false, updatable = false)
    private Money capital;

    protected RepaymentPart() {
    }

    RepaymentPart(int instalmentNumber, Money interest, Money capital) {
        this.instalmentNumber = instalmentNumber;
        this.interest = interest;
        this.capital = capital;
    }

    public int getInstalmentNumber() {
        return instalmentNumber;
    }

    public Money getInterest() {
        return interest;
    }

    public Money getCapital() {
        return capital;
    }
}
