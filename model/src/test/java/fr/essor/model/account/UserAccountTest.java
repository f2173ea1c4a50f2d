package fr.essor.model.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    private static UserAccount account() {
        return new UserAccount("  Conseil@Demo.ESSOR ", "Camille", "pbkdf2-hash", Set.of(Role.ADVISOR), T0);
    }

    @Test
    void emailIsStoredTrimmedAndLowerCased() {
        assertEquals("conseil@demo.essor", account().getEmail());
    }

    @Test
    void emailWithoutAtSignIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new UserAccount("conseil", "Camille", "h", Set.of(), T0));
    }

    @Test
    void grantAndRevokeChangeHasRole() {
        UserAccount a = account();
        assertTrue(a.hasRole(Role.ADVISOR));
        assertFalse(a.hasRole(Role.COMMITTEE_MEMBER));
        a.grant(Role.COMMITTEE_MEMBER);
        assertTrue(a.hasRole(Role.COMMITTEE_MEMBER));
        a.revoke(Role.ADVISOR);
        assertFalse(a.hasRole(Role.ADVISOR));
        assertEquals(Set.of(Role.COMMITTEE_MEMBER), a.getRoles());
    }

    @Test
    void rolesViewIsReadOnly() {
        assertThrows(UnsupportedOperationException.class, () -> account().getRoles().add(Role.ADMIN));
    }

    @Test
    void deactivateAndActivate() {
        UserAccount a = account();
        assertTrue(a.isActive());
        a.deactivate();
        assertFalse(a.isActive());
        a.activate();
        assertTrue(a.isActive());
    }

    @Test
    void changePasswordHashReplacesIt() {
        UserAccount a = account();
        a.changePasswordHash("new-hash");
        assertEquals("new-hash", a.getPasswordHash());
        assertThrows(IllegalArgumentException.class, () -> a.changePasswordHash(""));
        assertEquals("new-hash", a.getPasswordHash());
    }

    @Test
    void unsavedAccountsAreEqualOnlyToThemselves() {
        UserAccount a = account();
        assertEquals(a, a);
        assertNotEquals(a, account());
    }

    @Test
    void everyMailKindIsReceivedUntilSwitchedOffAndBackOn() {
        UserAccount a = account();
        assertTrue(a.receivesMail("DIGEST"));
        assertTrue(a.receiveMail("DIGEST", false));
        assertFalse(a.receivesMail("DIGEST"));
        assertTrue(a.receivesMail("DECISION_MADE"), "only the kind switched off");
        assertFalse(a.receiveMail("DIGEST", false), "already off: nothing changes");
        assertTrue(a.receiveMail("DIGEST", true));
        assertTrue(a.receivesMail("DIGEST"));
        assertThrows(IllegalArgumentException.class, () -> a.receiveMail(" ", false));
        assertThrows(UnsupportedOperationException.class, () -> a.getMailOptOuts().add("X"));
    }
}
