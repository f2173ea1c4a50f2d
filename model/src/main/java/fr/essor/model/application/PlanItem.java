package fr.essor.model.application;

import fr.essor.model.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One row of a financing plan: a use of money (need) or a source (resource), with its amount. */
@Embeddable
public class PlanItem {

    public static final int LABEL_MAX = 200;

    /** Uses (besoins) must be covered by sources (ressources). */
    public enum Kind { USE, SOURCE }

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 10, nullable = false)
    private Kind kind;

    @Column(name = "label", length = LABEL_MAX, nullable = false)
    private String label;

    @Column(name = "amount", precision = 15, scale = 2, nullable = false)
    private Money amount;

    protected PlanItem() {
    }

    public PlanItem(Kind kind, String label, Money amount) {
        this.kind = Objects.requireNonNull(kind, "kind");
        String l = label == null ? "" : label.strip();
        if (l.isEmpty() || l.length() > LABEL_MAX) {
            throw new IllegalArgumentException("A plan item needs a label of 1 to " + LABEL_MAX + " characters");
        }
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("A plan item needs a positive amount");
        }
        this.label = l;
        this.amount = amount;
    }

    public Kind getKind() {
        return kind;
    }

    public String getLabel() {
        return label;
    }

    public Money getAmount() {
        return amount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanItem p && kind == p.kind && label.equals(p.label) && amount.equals(p.amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, label, amount);
    }
}
