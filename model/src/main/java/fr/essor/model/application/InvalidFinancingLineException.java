package fr.essor.model.application;

import fr.essor.model.shared.EssorDomainException;
import java.util.List;

/** A financing line that breaks its instrument's limits; carries the message key of each rule. */
public class InvalidFinancingLineException extends EssorDomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;
    private final Instrument instrument;

    public InvalidFinancingLineException(List<String> problems, Instrument instrument) {
        super("Invalid " + instrument + " line: " + problems);
        this.problems = List.copyOf(problems);
        this.instrument = instrument;
    }

    public List<String> problems() {
        return problems;
    }

    public Instrument instrument() {
        return instrument;
    }
}
