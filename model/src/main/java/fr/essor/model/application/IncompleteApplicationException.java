package fr.essor.model.application;

import fr.essor.model.shared.EssorDomainException;
import java.util.List;

/** Submission refused: the application still lacks the listed pieces. */
public class IncompleteApplicationException extends EssorDomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<MissingPiece> missing;

    public IncompleteApplicationException(List<MissingPiece> missing) {
        super("Application incomplete: " + missing);
        this.missing = List.copyOf(missing);
    }

    public List<MissingPiece> missing() {
        return missing;
    }
}
