package fr.essor.model.privacy;

import fr.essor.model.shared.Siret;

/**
 * The SIRET an anonymised enterprise gets in place of its own: "000" followed by its record number
 * and a Luhn check digit, so that it is valid, unique, and says nothing about the enterprise. No real
 * SIRET starts with 000 (no SIREN does).
 */
public final class PlaceholderSiret {

    private PlaceholderSiret() {
    }

    public static Siret of(long enterpriseId) {
        if (enterpriseId < 0 || enterpriseId > 9_999_999_999L) {
            throw new IllegalArgumentException("No placeholder SIRET for record " + enterpriseId);
        }
        String body = "000" + String.format("%010d", enterpriseId);
        for (int check = 0; check <= 9; check++) {
            if (Siret.isValid(body + check)) {
                return Siret.of(body + check);
            }
        }
        throw new IllegalStateException("No Luhn check digit for " + body);
    }
}
