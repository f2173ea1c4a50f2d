package fr.essor.model.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.shared.Ids;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.shared.Siret;
import java.math.BigDecimal;

class EnterpriseTest {

    private final Enterprise enterprise = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCIC,
            new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire"));

    private static UserAccount owner(String email, long id) {
        return Ids.assign(new UserAccount(email, "Porteur", "h", Set.of(Role.ENTREPRENEUR), Instant.EPOCH), id);
    }

    @Test
    void ownershipByAccountAndById() throws ReflectiveOperationException {
        UserAccount porteur = owner("porteur@demo.essor", 7);
        UserAccount other = owner("porteur2@demo.essor", 8);
        enterprise.addOwner(porteur);
        assertTrue(enterprise.isOwnedBy(porteur));
        assertTrue(enterprise.isOwnedBy(7L));
        assertFalse(enterprise.isOwnedBy(other));
        assertFalse(enterprise.isOwnedBy(8L));
        assertFalse(enterprise.isOwnedBy((Long) null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "45", "2A", "2B", "95", "971", "976"})
    void inseeDepartmentCodesAreAccepted(String code) {
        enterprise.changeAddress("1 rue de la Paix", "45000", "Orléans", code);
        assertEquals(code, enterprise.getDepartment());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "20", "96", "977", "2C", "1", "045"})
    void otherDepartmentCodesAreRejected(String code) {
        assertThrows(IllegalArgumentException.class, () -> enterprise.changeAddress(null, null, null, code));
    }

    @Test
    void negativeEmployeesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> enterprise.describeActivity("Réemploi", null, new BigDecimal("-1")));
    }
}
