package fr.essor.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailKindTest {

    @Test
    void onlyWhatThePagesShowAnywayMayBeSwitchedOff() {
        assertEquals(List.of(MailKind.APPLICATION_SUBMITTED, MailKind.CO_OWNER_INVITED_MEMBER, MailKind.FOLLOW_UP_DUE),
                MailKind.optionalKinds());
    }

    @Test
    void whatAPersonMustKnowOrActOnIsAlwaysSent() {
        for (MailKind k : List.of(MailKind.INFORMATION_REQUESTED, MailKind.DECISION_MADE, MailKind.ACCOUNT_CREATED,
                MailKind.SESSION_CONVENED, MailKind.CO_OWNER_INVITED)) {
            assertFalse(k.optional(), k + " must stay mandatory");
        }
    }
}
