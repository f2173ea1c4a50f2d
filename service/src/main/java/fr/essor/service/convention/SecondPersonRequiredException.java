package fr.essor.service.convention;

import fr.essor.service.shared.ForbiddenException;

/**
 * Four eyes: the one who recorded a money movement may not also reverse it (403, with its own key so
 * that the person is told why, not only that it is forbidden).
 */
public class SecondPersonRequiredException extends ForbiddenException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public SecondPersonRequiredException(String key) {
        this.key = key;
    }

    @Override
    public String code() {
        return "FOUR_EYES";
    }

    @Override
    public String messageKey() {
        return key;
    }
}
