package fr.essor.model.agreement;

import fr.essor.model.shared.RuleException;

/** A rule of an agreement's life broken (e.g. marking signed what was never uploaded): code {@code AGREEMENT_RULE}. */
final class AgreementRule extends RuleException {

    private static final long serialVersionUID = 1L;

    static final String CODE = "AGREEMENT_RULE";

    private AgreementRule(String key, Object... arguments) {
        super(null, CODE, key, null, arguments);
    }

    static AgreementRule of(String key, Object... arguments) {
        return new AgreementRule(key, arguments);
    }
}
