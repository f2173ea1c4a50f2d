package fr.essor.service.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueFilterTest {

    private static final QueueFilter FULL = new QueueFilter(EnumSet.of(ApplicationStatus.IN_REVIEW, ApplicationStatus.SUBMITTED),
            Stage.CREATION, Instrument.GUARANTEE, "2a", 42L, false, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
            "Fabrique & Co = 100% solidaire, n°1");

    @Test
    void aFilterSurvivesItsSerializedForm() {
        assertEquals(FULL, QueueFilter.parse(FULL.serialize()));
        assertEquals(QueueFilter.any(), QueueFilter.parse(QueueFilter.any().serialize()));
        QueueFilter unassigned = QueueFilter.needingWork().onlyUnassigned().withText("écrit à l'été");
        assertEquals(unassigned, QueueFilter.parse(unassigned.serialize()));
    }

    @Test
    void theSerializedFormIsAReadableQueryStringInAFixedOrder() {
        assertEquals("status=SUBMITTED,IN_REVIEW&stage=CREATION&instrument=GUARANTEE&department=2A&advisor=42"
                + "&from=2026-01-01&to=2026-03-31&q=Fabrique+%26+Co+%3D+100%25+solidaire%2C+n%C2%B01", FULL.serialize());
        assertEquals("advisor=none", QueueFilter.any().onlyUnassigned().serialize());
        assertEquals("", QueueFilter.any().serialize());
    }

    @Test
    void parsingSkipsWhatItDoesNotUnderstand() {
        QueueFilter f = QueueFilter.parse("status=SUBMITTED,NOPE,,in_review&stage=LATER&instrument=&department=45"
                + "&advisor=abc&from=2026-13-01&to=2026-02-30&unknown=1&=x&novalue&q=%ZZ");
        assertEquals(EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW), f.statuses());
        assertNull(f.stage());
        assertNull(f.instrument());
        assertEquals("45", f.department());
        assertNull(f.advisorId());
        assertFalse(f.unassigned());
        assertNull(f.submittedFrom());
        assertNull(f.submittedTo());
        assertNull(f.text(), "a malformed escape is dropped, not thrown");
        assertEquals(QueueFilter.any(), QueueFilter.parse(null));
        assertEquals(QueueFilter.any(), QueueFilter.parse("&&&"));
        assertNull(QueueFilter.parse("advisor=-3").advisorId());
        assertNull(QueueFilter.parse("department=1234").department(), "longer than a department code");
    }

    @Test
    void anOverlongSavedTextIsCutToTheLimit() {
        assertEquals(QueueFilter.TEXT_MAX, QueueFilter.parse("q=" + "x".repeat(500)).text().length());
    }

    @Test
    void unassignedWinsOverAnAdvisorAndBlankCriteriaMeanAny() {
        QueueFilter f = new QueueFilter(null, null, null, "  ", 7L, true, null, null, "   ");
        assertTrue(f.unassigned());
        assertNull(f.advisorId());
        assertNull(f.department());
        assertNull(f.text());
        assertEquals(Set.of(), f.statuses());
        assertEquals(QueueFilter.NEEDING_WORK, QueueFilter.needingWork().statuses());
    }
}
