package fr.essor.model.committee;

import fr.essor.model.application.FinancingLine;
import fr.essor.model.shared.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A line a committee granted, with an identity of its own so that convention money can be
 * allocated to it ({@code decisionLineId} in the API). Immutable; part of its {@link Decision}.
 */
@Entity
@Table(name = "granted_line")
public class GrantedLine extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "decision_id", nullable = false, updatable = false)
    private Decision decision;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Embedded
    private FinancingLine line;

    protected GrantedLine() {
    }

    GrantedLine(Decision decision, int lineNo, FinancingLine line) {
        this.decision = decision;
        this.lineNo = lineNo;
        this.line = Objects.requireNonNull(line);
    }

    public Decision getDecision() {
        return decision;
    }

    public int getLineNo() {
        return lineNo;
    }

    public FinancingLine getLine() {
        return line;
    }
}
