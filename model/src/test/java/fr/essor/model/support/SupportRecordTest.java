package fr.essor.model.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.Ids;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.Siret;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportRecordTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final Enterprise enterprise = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCIC,
            new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire"));
    private final UserAccount advisor = account("conseil@demo.essor", 3);

    private static UserAccount account(String email, long id) {
        return Ids.assign(new UserAccount(email, "Conseil", "h", Set.of(Role.ADVISOR), Instant.EPOCH), id);
    }

    private SupportRecord record(LocalDate date, SupportKind kind, int minutes, String notes) {
        return new SupportRecord(enterprise, advisor, date, kind, minutes, notes, Instant.EPOCH, TODAY);
    }

    private static RuleException refused(Runnable r) {
        return assertThrows(RuleException.class, r::run);
    }

    @Test
    void aValidRecordKeepsWhatWasTypedWithNotesStripped() {
        SupportRecord r = record(TODAY, SupportKind.DIAGNOSTIC, 90, "  Diagnostic financier  ");
        assertEquals(TODAY, r.getDate());
        assertEquals(SupportKind.DIAGNOSTIC, r.getKind());
        assertEquals(90, r.getDurationMinutes());
        assertEquals("Diagnostic financier", r.getNotes());
        assertEquals(enterprise, r.getEnterprise());
    }

    @Test
    void blankNotesAreStoredAsNone() {
        assertNull(record(TODAY, SupportKind.FOLLOW_UP, 30, "   ").getNotes());
        assertNull(record(TODAY, SupportKind.FOLLOW_UP, 30, null).getNotes());
    }

    @Test
    void aDateAfterTodayIsRefused() {
        RuleException e = refused(() -> record(TODAY.plusDays(1), SupportKind.DIAGNOSTIC, 60, null));
        assertEquals("date", e.field());
        assertEquals("support.dateInFuture", e.key());
    }

    @Test
    void theFirstOfJanuary2000IsTheEarliestDate() {
        assertEquals(SupportRecord.EARLIEST_DATE, record(LocalDate.of(2000, 1, 1), SupportKind.DLA, 60, null).getDate());
        RuleException e = refused(() -> record(LocalDate.of(1999, 12, 31), SupportKind.DLA, 60, null));
        assertEquals("date", e.field());
        assertEquals("support.dateTooEarly", e.key());
    }

    @Test
    void aMissingDateOrKindIsRefusedWithItsField() {
        assertEquals("date", refused(() -> record(null, SupportKind.DLA, 60, null)).field());
        RuleException e = refused(() -> record(TODAY, null, 60, null));
        assertEquals("kind", e.field());
        assertEquals("support.kindRequired", e.key());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 24 * 60 * 5})
    void durationsFromOneMinuteToFiveDaysAreAccepted(int minutes) {
        assertEquals(minutes, record(TODAY, SupportKind.COLLECTIVE_WORKSHOP, minutes, null).getDurationMinutes());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -30, 0, 24 * 60 * 5 + 1, Integer.MAX_VALUE})
    void durationsOutsideTheRangeAreRefused(int minutes) {
        RuleException e = refused(() -> record(TODAY, SupportKind.FOLLOW_UP, minutes, null));
        assertEquals("durationMinutes", e.field());
        assertEquals("support.durationOutOfRange", e.key());
        assertEquals(List.of(1, 7200), e.arguments());
    }

    @Test
    void notesAreLimitedTo4000Characters() {
        assertEquals(4000, record(TODAY, SupportKind.FOLLOW_UP, 30, "x".repeat(4000)).getNotes().length());
        RuleException e = refused(() -> record(TODAY, SupportKind.FOLLOW_UP, 30, "x".repeat(4001)));
        assertEquals("notes", e.field());
        assertEquals("support.notesTooLong", e.key());
    }

    @Test
    void aRefusedRevisionChangesNothing() {
        SupportRecord r = record(TODAY.minusDays(3), SupportKind.DIAGNOSTIC, 90, "avant");
        assertThrows(EssorDomainException.class,
                () -> r.revise(TODAY.minusDays(1), SupportKind.FOLLOW_UP, 0, "après", TODAY));
        assertEquals(TODAY.minusDays(3), r.getDate());
        assertEquals(SupportKind.DIAGNOSTIC, r.getKind());
        assertEquals(90, r.getDurationMinutes());
        assertEquals("avant", r.getNotes());
    }

    @Test
    void aRevisionReplacesEveryField() {
        SupportRecord r = record(TODAY.minusDays(3), SupportKind.DIAGNOSTIC, 90, "avant");
        r.revise(TODAY, SupportKind.DLA, 120, null, TODAY);
        assertEquals(TODAY, r.getDate());
        assertEquals(SupportKind.DLA, r.getKind());
        assertEquals(120, r.getDurationMinutes());
        assertNull(r.getNotes());
    }

    @Test
    void theAuthorIsTheAdvisorWhoRecordedIt() {
        SupportRecord r = record(TODAY, SupportKind.DIAGNOSTIC, 90, null);
        assertTrue(r.isAuthoredBy(account("conseil@demo.essor", 3)));
        assertFalse(r.isAuthoredBy(account("autre@demo.essor", 4)));
        assertFalse(r.isAuthoredBy(null));
    }
}
