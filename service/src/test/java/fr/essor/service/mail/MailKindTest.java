package fr.essor.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailKindTest {

    @Test
    void onlyWhatThePagesShowAnywayMayBeSwitchedOff() {
        // the follow-up's reminder: the form waits on the entrepreneur's page anyway; the inbox digest lists
        // what the inbox shows, and the issue has each user able to switch it off
        assertEquals(List.of(MailKind.APPLICATION_SUBMITTED, MailKind.CO_OWNER_INVITED_MEMBER, MailKind.INBOX_DIGEST,
                        MailKind.FOLLOW_UP_DUE),
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
