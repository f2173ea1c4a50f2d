package fr.essor.model.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.Ids;
import fr.essor.model.shared.Siret;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoOwnerInvitationTest {

    private static final String HASH = "a".repeat(64);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final Enterprise enterprise = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCIC,
            new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire"));
    private final UserAccount inviter = account("porteur@demo.essor", 1);

    private static UserAccount account(String email, long id) {
        return Ids.assign(new UserAccount(email, "Porteur", "h", Set.of(Role.ENTREPRENEUR), Instant.EPOCH), id);
    }

    @Test
    void acceptingWithTheInvitedAddressMakesAnOwnerOnce() {
        CoOwnerInvitation invitation = new CoOwnerInvitation(enterprise, " Associe@Example.org ", HASH, inviter, NOW);
        assertEquals("associe@example.org", invitation.getEmail());
        UserAccount invitee = account("associe@example.org", 2);
        assertFalse(enterprise.isOwnedBy(invitee));

        invitation.accept(invitee, NOW.plusSeconds(60));

        assertTrue(enterprise.isOwnedBy(invitee));
        assertEquals(NOW.plusSeconds(60), invitation.getAcceptedAt());
        assertFalse(invitation.isPendingAt(NOW.plusSeconds(61)));
        EssorDomainException again = assertThrows(EssorDomainException.class, () -> invitation.accept(invitee, NOW.plusSeconds(90)));
        assertEquals("invitation.alreadyAccepted", again.getMessage());
    }

    @Test
    void anotherAddressOrAnExpiredInvitationMakesNobodyAnOwner() {
        CoOwnerInvitation invitation = new CoOwnerInvitation(enterprise, "associe@example.org", HASH, inviter, NOW);
        UserAccount stranger = account("autre@example.org", 3);
        assertEquals("invitation.otherAddress",
                assertThrows(EssorDomainException.class, () -> invitation.accept(stranger, NOW)).getMessage());
        assertFalse(enterprise.isOwnedBy(stranger));

        Instant expiry = NOW.plus(CoOwnerInvitation.VALIDITY);
        assertTrue(invitation.isPendingAt(expiry.minusSeconds(1)));
        assertFalse(invitation.isPendingAt(expiry));
        UserAccount late = account("associe@example.org", 4);
        assertEquals("invitation.expired",
                assertThrows(EssorDomainException.class, () -> invitation.accept(late, expiry)).getMessage());
        assertFalse(enterprise.isOwnedBy(late));
    }

    @Test
    void invitingAgainRenewsTheTokenAndTheValidity() {
        CoOwnerInvitation invitation = new CoOwnerInvitation(enterprise, "associe@example.org", HASH, inviter, NOW);
        Instant later = NOW.plus(CoOwnerInvitation.VALIDITY).plusSeconds(3600);
        assertFalse(invitation.isPendingAt(later));

        invitation.renew("b".repeat(64), inviter, later);

        assertEquals("b".repeat(64), invitation.getTokenHash());
        assertTrue(invitation.isPendingAt(later.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> invitation.renew("not-a-hash", inviter, later));
    }

    @Test
    void decliningAddsNobodyAndEndsTheInvitation() {
        CoOwnerInvitation invitation = new CoOwnerInvitation(enterprise, "associe@example.org", HASH, inviter, NOW);
        UserAccount invitee = account("associe@example.org", 2);
        UserAccount stranger = account("autre@example.org", 3);
        assertEquals("invitation.otherAddress",
                assertThrows(EssorDomainException.class, () -> invitation.decline(stranger, NOW)).getMessage());
        assertTrue(invitation.isPendingAt(NOW.plusSeconds(1)));

        invitation.decline(invitee, NOW.plusSeconds(60));

        assertFalse(enterprise.isOwnedBy(invitee));
        assertEquals(NOW.plusSeconds(60), invitation.getDeclinedAt());
        assertFalse(invitation.isPendingAt(NOW.plusSeconds(61)));
        assertEquals("invitation.declined",
                assertThrows(EssorDomainException.class, () -> invitation.accept(invitee, NOW.plusSeconds(90))).getMessage());
        assertFalse(enterprise.isOwnedBy(invitee));
        assertEquals("invitation.declined", assertThrows(EssorDomainException.class,
                () -> invitation.renew("b".repeat(64), inviter, NOW.plusSeconds(120))).getMessage());
    }
}
