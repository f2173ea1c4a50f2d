package fr.essor.service.application;

import fr.essor.service.shared.InvalidInputException;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** Submission refused: the list says what is missing and at which step of the wizard. */
@ApplicationException(rollback = true)
public class IncompleteException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient List<ApplicationViews.Missing> missing;

    public IncompleteException(List<ApplicationViews.Missing> missing) {
        super(null, "application.incomplete", missing.size());
        this.missing = List.copyOf(missing);
    }

    public List<ApplicationViews.Missing> missing() {
        return missing;
    }
}
