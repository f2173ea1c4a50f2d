package fr.essor.model.application;

import static fr.essor.model.application.ApplicationStatus.APPROVED;
import static fr.essor.model.application.ApplicationStatus.CLOSED;
import static fr.essor.model.application.ApplicationStatus.CONTRACTED;
import static fr.essor.model.application.ApplicationStatus.DEFERRED;
import static fr.essor.model.application.ApplicationStatus.DRAFT;
import static fr.essor.model.application.ApplicationStatus.INFO_REQUESTED;
import static fr.essor.model.application.ApplicationStatus.IN_REVIEW;
import static fr.essor.model.application.ApplicationStatus.ON_AGENDA;
import static fr.essor.model.application.ApplicationStatus.READY_FOR_COMMITTEE;
import static fr.essor.model.application.ApplicationStatus.REJECTED;
import static fr.essor.model.application.ApplicationStatus.SUBMITTED;
import static fr.essor.model.application.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.EssorDomainException;
import fr.essor.model.shared.Siret;

class ApplicationTest {

    private static final String OWNER = "porteur@demo.essor";
    private static final String ADVISOR = "conseil@demo.essor";
    private static final String COMMITTEE = "comite@demo.essor";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
    private final Enterprise enterprise =
            new Enterprise("La Fabrique Solidaire", Siret.of("73282932000074"), LegalForm.SCOP, cvl);

    private Application newDraft() {
        return new Application(ApplicationReference.of("CVL", 2026, 1), enterprise, "Atelier de réemploi",
                Stage.CREATION, "Un atelier", OWNER, T0);
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** A draft submitted at 1 and taken into review at 2. */
    private Application inReview() {
        Application a = newDraft();
        a.submit(OWNER, at(1));
        a.startReview(ADVISOR, at(2));
        return a;
    }

    private Application onAgenda() {
        Application a = inReview();
        a.markReadyForCommittee(ADVISOR, at(3));
        a.putOnAgenda(ADVISOR, at(4));
        return a;
    }

    private static void assertLastChange(Application a, ApplicationStatus from, ApplicationStatus to, String actor,
            String comment, Instant when) {
        StatusChange last = a.history().get(a.history().size() - 1);
        assertSame(from, last.getFromStatus());
        assertSame(to, last.getToStatus());
        assertEquals(actor, last.getActor());
        assertEquals(comment, last.getComment());
        assertEquals(when, last.getOccurredAt());
        assertSame(a, last.getApplication());
        assertSame(to, a.getStatus());
    }

    @Test
    void newApplicationIsADraftWhoseCreationIsRecorded() {
        Application a = newDraft();
        assertSame(DRAFT, a.getStatus());
        assertEquals(T0, a.getCreatedAt());
        assertEquals(1, a.history().size());
        assertLastChange(a, null, DRAFT, OWNER, null, T0);
        assertSame(cvl, a.association());
    }

    @Test
    void referenceOfAnotherAssociationIsRefused() {
        assertThrows(EssorDomainException.class, () -> new Application(ApplicationReference.of("IDF", 2026, 1),
                enterprise, "Titre", Stage.CREATION, null, OWNER, T0));
    }

    @Test
    void submitRecordsTheChangeAndTheSubmissionInstant() {
        Application a = newDraft();
        a.submit(OWNER, at(1));
        assertLastChange(a, DRAFT, SUBMITTED, OWNER, null, at(1));
        assertEquals(at(1), a.getSubmittedAt());
    }

    @Test
    void startReviewRecordsTheChange() {
        Application a = newDraft();
        a.submit(OWNER, at(1));
        a.startReview(ADVISOR, at(2));
        assertLastChange(a, SUBMITTED, IN_REVIEW, ADVISOR, null, at(2));
    }

    @Test
    void requestInformationAndAnswerRecordQuestionAndAnswerVisibleToTheApplicant() {
        Application a = inReview();
        a.requestInformation(ADVISOR, at(3), "Merci de joindre le bilan 2025");
        assertLastChange(a, IN_REVIEW, INFO_REQUESTED, ADVISOR, "Merci de joindre le bilan 2025", at(3));
        assertTrue(a.history().get(3).isVisibleToApplicant());
        a.answerInformation(OWNER, at(4), "Bilan joint");
        assertLastChange(a, INFO_REQUESTED, IN_REVIEW, OWNER, "Bilan joint", at(4));
    }

    @Test
    void requestInformationWithoutQuestionIsRefusedAndChangesNothing() {
        Application a = inReview();
        assertThrows(IllegalArgumentException.class, () -> a.requestInformation(ADVISOR, at(3), "  "));
        assertSame(IN_REVIEW, a.getStatus());
        assertEquals(3, a.history().size());
    }

    @Test
    void markReadyForCommitteeKeepsTheInternalNoteFromTheApplicant() {
        Application a = inReview();
        a.markReadyForCommittee(ADVISOR, at(3), "Dossier solide");
        assertLastChange(a, IN_REVIEW, READY_FOR_COMMITTEE, ADVISOR, "Dossier solide", at(3));
        assertFalse(a.history().get(3).isVisibleToApplicant());
    }

    @Test
    void putOnAgendaRecordsTheChange() {
        Application a = onAgenda();
        assertLastChange(a, READY_FOR_COMMITTEE, ON_AGENDA, ADVISOR, null, at(4));
    }

    @Test
    void approveThenContractThenCloseRecordsEachStepAndTheDecisionInstant() {
        Application a = onAgenda();
        a.approve(COMMITTEE, at(5));
        assertLastChange(a, ON_AGENDA, APPROVED, COMMITTEE, null, at(5));
        assertEquals(at(5), a.getDecidedAt());
        a.markContracted(ADVISOR, at(6));
        assertLastChange(a, APPROVED, CONTRACTED, ADVISOR, null, at(6));
        a.close(ADVISOR, at(7));
        assertLastChange(a, CONTRACTED, CLOSED, ADVISOR, null, at(7));
        assertEquals(List.of(DRAFT, SUBMITTED, IN_REVIEW, READY_FOR_COMMITTEE, ON_AGENDA, APPROVED, CONTRACTED,
                CLOSED), a.history().stream().map(StatusChange::getToStatus).toList());
    }

    @Test
    void rejectRecordsTheReasons() {
        Application a = onAgenda();
        a.reject(COMMITTEE, at(5), "Modèle économique fragile");
        assertLastChange(a, ON_AGENDA, REJECTED, COMMITTEE, "Modèle économique fragile", at(5));
        assertEquals(at(5), a.getDecidedAt());
    }

    @Test
    void rejectWithoutReasonsIsRefused() {
        Application a = onAgenda();
        assertThrows(IllegalArgumentException.class, () -> a.reject(COMMITTEE, at(5), null));
        assertSame(ON_AGENDA, a.getStatus());
    }

    @Test
    void deferThenResumeReviewGoesBackToTheAdvisor() {
        Application a = onAgenda();
        a.defer(COMMITTEE, at(5), "Prévisionnel à revoir");
        assertLastChange(a, ON_AGENDA, DEFERRED, COMMITTEE, "Prévisionnel à revoir", at(5));
        assertEquals(at(5), a.getDecidedAt());
        a.resumeReview(ADVISOR, at(6));
        assertLastChange(a, DEFERRED, IN_REVIEW, ADVISOR, null, at(6));
        assertNull(a.getDecidedAt());
    }

    @Test
    void withdrawRecordsTheReason() {
        Application a = newDraft();
        a.submit(OWNER, at(1));
        a.withdraw(OWNER, at(2), "Projet abandonné");
        assertLastChange(a, SUBMITTED, WITHDRAWN, OWNER, "Projet abandonné", at(2));
    }

    @Test
    void withdrawWithoutReasonIsRefused() {
        Application a = newDraft();
        assertThrows(IllegalArgumentException.class, () -> a.withdraw(OWNER, at(1), ""));
        assertSame(DRAFT, a.getStatus());
    }

    @Test
    void withdrawAfterApprovalIsAnIllegalTransition() {
        Application a = onAgenda();
        a.approve(COMMITTEE, at(5));
        IllegalTransitionException e =
                assertThrows(IllegalTransitionException.class, () -> a.withdraw(OWNER, at(6), "Trop tard"));
        assertEquals("Illegal transition APPROVED -> WITHDRAWN", e.getMessage());
    }

    @Test
    void approvingADraftThrowsNamingBothStatesAndChangesNothing() {
        Application a = newDraft();
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> a.approve(COMMITTEE, at(1)));
        assertTrue(e.getMessage().contains("DRAFT"), e.getMessage());
        assertTrue(e.getMessage().contains("APPROVED"), e.getMessage());
        assertSame(DRAFT, e.from());
        assertSame(APPROVED, e.to());
        assertSame(DRAFT, a.getStatus());
        assertEquals(1, a.history().size());
        assertNull(a.getDecidedAt());
    }

    @Test
    void submittingTwiceIsAnIllegalTransition() {
        Application a = newDraft();
        a.submit(OWNER, at(1));
        assertThrows(IllegalTransitionException.class, () -> a.submit(OWNER, at(2)));
        assertEquals(at(1), a.getSubmittedAt());
    }

    @Test
    void historyCannotBeModifiedFromOutside() {
        Application a = newDraft();
        assertThrows(UnsupportedOperationException.class, () -> a.history().clear());
    }

    @Test
    void reviseIsAllowedInDraftAndInfoRequestedOnly() {
        Application a = newDraft();
        a.revise("Nouveau titre", Stage.DEVELOPMENT, null);
        assertEquals("Nouveau titre", a.getTitle());
        assertSame(Stage.DEVELOPMENT, a.getStage());
        a.submit(OWNER, at(1));
        assertThrows(EssorDomainException.class, () -> a.revise("Autre", Stage.CREATION, null));
        assertEquals("Nouveau titre", a.getTitle());
    }

    @Test
    void titleLongerThanTheColumnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Application(ApplicationReference.of("CVL", 2026, 2),
                enterprise, "x".repeat(Application.TITLE_MAX + 1), Stage.CREATION, null, OWNER, T0));
    }

    @Test
    void assignToAcceptsAnAdvisorOfTheSameAssociation() {
        UserAccount advisor = new UserAccount(ADVISOR, "Conseil", "hash", Set.of(Role.ADVISOR), T0);
        advisor.setAssociation(cvl);
        Application a = newDraft();
        a.assignTo(advisor);
        assertSame(advisor, a.getAssignedAdvisor());
    }

    @Test
    void assignToRefusesSomeoneWhoIsNotAnAdvisor() {
        UserAccount member = new UserAccount(COMMITTEE, "Comité", "hash", Set.of(Role.COMMITTEE_MEMBER), T0);
        member.setAssociation(cvl);
        Application a = newDraft();
        assertThrows(EssorDomainException.class, () -> a.assignTo(member));
        assertNull(a.getAssignedAdvisor());
    }

    @Test
    void assignToRefusesAnAdvisorOfAnotherAssociation() {
        UserAccount advisor = new UserAccount("idf@demo.essor", "IDF", "hash", Set.of(Role.ADVISOR), T0);
        advisor.setAssociation(new Association("IDF", "France Active Île-de-France", "Île-de-France"));
        Application a = newDraft();
        assertThrows(EssorDomainException.class, () -> a.assignTo(advisor));
    }

    @Test
    void unassignLeavesTheFileWithoutAdvisor() {
        UserAccount advisor = new UserAccount(ADVISOR, "Conseil", "hash", Set.of(Role.ADVISOR), T0);
        advisor.setAssociation(cvl);
        Application a = newDraft();
        a.assignTo(advisor);
        a.unassign();
        assertNull(a.getAssignedAdvisor());
    }
}
