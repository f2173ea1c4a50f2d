package fr.essor.model.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationReference;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Decision;
import fr.essor.model.application.DecisionOutcome;
import fr.essor.model.application.FinancingLine;
import fr.essor.model.application.IllegalTransitionException;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.model.association.Association;
import fr.essor.model.enterprise.Enterprise;
import fr.essor.model.enterprise.LegalForm;
import fr.essor.model.shared.Money;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.Siret;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitteeSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final Association cvl = new Association("CVL", "France Active Centre-Val de Loire", "Centre-Val de Loire");
    private final Association other = new Association("BRE", "France Active Bretagne", "Bretagne");
    private final Enterprise enterprise = new Enterprise("La Fabrique", Siret.of("73282932000074"), LegalForm.SCOP, cvl);
    private final UserAccount chair = member("chair");
    private final UserAccount m1 = member("m1");
    private final UserAccount m2 = member("m2");
    private final UserAccount m3 = member("m3");
    private final UserAccount advisor = staff("conseil", Role.ADVISOR, cvl);
    private final Committee committee = committee(3);

    private UserAccount member(String name) {
        return staff(name, Role.COMMITTEE_MEMBER, cvl);
    }

    private static UserAccount staff(String name, Role role, Association association) {
        UserAccount a = new UserAccount(name + "@demo.essor", name, "h", Set.of(role), NOW);
        a.setAssociation(association);
        return a;
    }

    private Committee committee(int quorum) {
        Committee c = new Committee(cvl, "Comité CVL", quorum);
        c.seat(chair, MemberRole.CHAIR);
        c.seat(m1, MemberRole.MEMBER);
        c.seat(m2, MemberRole.MEMBER);
        c.seat(m3, MemberRole.MEMBER);
        return c;
    }

    private Application ready(Enterprise e, int n) {
        Application a = new Application(ApplicationReference.of("CVL", 2026, n), e, "Atelier " + n, Stage.CREATION, null,
                "porteur@demo.essor", NOW);
        a.submit("porteur@demo.essor", NOW);
        a.startReview("conseil@demo.essor", NOW);
        a.markReadyForCommittee("conseil@demo.essor", NOW);
        return a;
    }

    private CommitteeSession session() {
        return new CommitteeSession(committee, LocalDateTime.of(2026, 12, 3, 14, 0), "Orléans", null);
    }

    private static List<FinancingLine> loan(String amount) {
        return List.of(FinancingLine.of(Instrument.HONOUR_LOAN, Money.of(amount), 60, null, null, null));
    }

    private static RuleException rule(String key, org.junit.jupiter.api.function.Executable e) {
        RuleException ex = assertThrows(RuleException.class, e);
        assertEquals(key, ex.key());
        return ex;
    }

    @Test
    void puttingAReadyFileOnTheAgendaMovesItOnAgendaInOrder() {
        CommitteeSession s = session();
        AgendaItem first = s.addToAgenda(ready(enterprise, 1), advisor, "conseil@demo.essor", NOW);
        AgendaItem second = s.addToAgenda(ready(enterprise, 2), advisor, "conseil@demo.essor", NOW);
        assertEquals(ApplicationStatus.ON_AGENDA, first.getApplication().getStatus());
        assertEquals(List.of(1, 2), s.getItems().stream().map(AgendaItem::getPosition).toList());
        s.move(second, -1);
        assertSame(second, s.getItems().get(0));
        assertEquals(List.of(1, 2), s.getItems().stream().map(AgendaItem::getPosition).toList());
    }

    @Test
    void aFileNotReadyOrOfAnotherAssociationOrTwiceIsRefused() {
        CommitteeSession s = session();
        Application draft = new Application(ApplicationReference.of("CVL", 2026, 9), enterprise, "Brouillon", Stage.CREATION,
                null, "porteur@demo.essor", NOW);
        assertThrows(IllegalTransitionException.class, () -> s.addToAgenda(draft, advisor, "x", NOW));
        Enterprise elsewhere = new Enterprise("Ailleurs", Siret.of("73282932000074"), LegalForm.SCOP, other);
        Application foreign = new Application(ApplicationReference.of("BRE", 2026, 3), elsewhere, "Ailleurs", Stage.CREATION,
                null, "porteur@demo.essor", NOW);
        foreign.submit("x", NOW);
        foreign.startReview("x", NOW);
        foreign.markReadyForCommittee("x", NOW);
        rule("agenda.otherAssociation", () -> s.addToAgenda(foreign, advisor, "x", NOW));
        Application a = ready(enterprise, 4);
        s.addToAgenda(a, advisor, "x", NOW);
        rule("agenda.alreadyOn", () -> s.addToAgenda(a, advisor, "x", NOW));
        assertTrue(s.getItems().size() == 1);
    }

    @Test
    void removingAnItemFromAPlannedAgendaMakesTheFileReadyAgain() {
        CommitteeSession s = session();
        AgendaItem item = s.addToAgenda(ready(enterprise, 1), advisor, "x", NOW);
        s.removeFromAgenda(item, "x", NOW);
        assertEquals(ApplicationStatus.READY_FOR_COMMITTEE, item.getApplication().getStatus());
        assertTrue(s.getItems().isEmpty());
    }

    @Test
    void votesNeedAnOpenSessionAPresentMemberAndNoConflict() {
        CommitteeSession s = session();
        AgendaItem item = s.addToAgenda(ready(enterprise, 1), advisor, "x", NOW);
        rule("session.notOpen", () -> s.vote(item, m1, VoteChoice.FOR, NOW));
        rule("committee.notChair", () -> s.open(m1, List.of(chair, m1, m2), NOW));
        s.open(chair, List.of(chair, m1, m2), NOW);
        rule("vote.notPresent", () -> s.vote(item, m3, VoteChoice.FOR, NOW));
        rule("committee.notMember", () -> s.vote(item, advisor, VoteChoice.FOR, NOW));
        s.vote(item, m1, VoteChoice.FOR, NOW);
        s.declareConflict(item, m1, "Administratrice de l'entreprise", NOW);
        assertTrue(item.voteOf(m1).isEmpty(), "declaring a conflict withdraws the vote already cast");
        rule("vote.conflicted", () -> s.vote(item, m1, VoteChoice.AGAINST, NOW));
        s.markPresent(m3);
        s.vote(item, m3, VoteChoice.AGAINST, NOW);
        s.vote(item, m3, VoteChoice.FOR, NOW);
        assertEquals(1, item.getVotes().size(), "voting again replaces the vote");
        assertEquals(1, item.count(VoteChoice.FOR));
    }

    @Test
    void aDecisionNeedsTheQuorumOfPresentNonConflictedParticipantsAndSaysHowManyAreMissing() {
        CommitteeSession s = session();
        AgendaItem item = s.addToAgenda(ready(enterprise, 1), advisor, "x", NOW);
        s.open(chair, List.of(chair, m1, m2, m3), NOW);
        s.declareConflict(item, m1, null, NOW);
        s.vote(item, chair, VoteChoice.FOR, NOW);
        RuleException ex = rule("decision.quorumMissing",
                () -> s.recordDecision(item, chair, DecisionOutcome.APPROVED, loan("8000.00"), null, null, NOW));
        assertEquals(List.of(2, 3, 1), ex.arguments(), "2 missing of a quorum of 3, 1 took part");
        s.vote(item, m2, VoteChoice.FOR, NOW);
        assertEquals(1, s.missingForQuorum(item));
        s.vote(item, m3, VoteChoice.AGAINST, NOW);
        assertEquals(0, s.missingForQuorum(item));
        Decision d = s.recordDecision(item, chair, DecisionOutcome.APPROVED, loan("8000.00"), "Suivi trimestriel", null, NOW);
        assertEquals(DecisionOutcome.APPROVED, d.getOutcome());
        assertSame(item, d.getAgendaItem());
        assertEquals(LocalDate.of(2026, 12, 3), d.getDecisionDate(), "a decision is dated on its session's day");
        assertEquals(ApplicationStatus.APPROVED, item.getApplication().getStatus());
        rule("decision.alreadyDecided",
                () -> s.recordDecision(item, chair, DecisionOutcome.REJECTED, null, null, "Non", NOW));
    }

    @Test
    void onlyTheChairDecidesAndAnApprovalNeedsMoreForThanAgainst() {
        CommitteeSession s = session();
        AgendaItem item = s.addToAgenda(ready(enterprise, 1), advisor, "x", NOW);
        s.open(chair, List.of(chair, m1, m2, m3), NOW);
        s.vote(item, chair, VoteChoice.FOR, NOW);
        s.vote(item, m1, VoteChoice.AGAINST, NOW);
        s.vote(item, m2, VoteChoice.ABSTAIN, NOW);
        rule("committee.notChair", () -> s.recordDecision(item, m1, DecisionOutcome.REJECTED, null, null, "Non", NOW));
        rule("decision.noMajority",
                () -> s.recordDecision(item, chair, DecisionOutcome.APPROVED, loan("8000.00"), null, null, NOW));
        rule("decision.reasonsRequired", () -> s.recordDecision(item, chair, DecisionOutcome.REJECTED, null, null, " ", NOW));
        s.recordDecision(item, chair, DecisionOutcome.DEFERRED, null, null, "Prévisionnel à revoir", NOW);
        assertEquals(ApplicationStatus.DEFERRED, item.getApplication().getStatus());
    }

    @Test
    void aClosedSessionRefusesEverythingAndCannotCloseWithUndecidedItems() {
        CommitteeSession s = session();
        AgendaItem item = s.addToAgenda(ready(enterprise, 1), advisor, "x", NOW);
        s.open(chair, List.of(chair, m1, m2), NOW);
        RuleException ex = rule("session.undecidedItems", () -> s.close(chair, NOW));
        assertEquals(List.of(1L), ex.arguments());
        s.vote(item, chair, VoteChoice.AGAINST, NOW);
        s.vote(item, m1, VoteChoice.AGAINST, NOW);
        s.vote(item, m2, VoteChoice.AGAINST, NOW);
        s.recordDecision(item, chair, DecisionOutcome.REJECTED, null, null, "Modèle économique fragile", NOW);
        s.close(chair, NOW);
        assertEquals(SessionStatus.CLOSED, s.getStatus());
        rule("session.closed", () -> s.vote(item, m1, VoteChoice.FOR, NOW));
        rule("session.closed", () -> s.declareConflict(item, m3, null, NOW));
        rule("session.closed", () -> s.addToAgenda(ready(enterprise, 2), advisor, "x", NOW));
        rule("session.closed", () -> s.close(chair, NOW));
        rule("session.closed", () -> s.recordDecision(item, chair, DecisionOutcome.APPROVED, loan("1000.00"), null, null, NOW));
    }

    @Test
    void aSessionNeedsAPlaceOrAWebLink() {
        LocalDateTime at = LocalDateTime.of(2026, 12, 3, 14, 0);
        rule("session.placeRequired", () -> new CommitteeSession(committee, at, " ", null));
        rule("session.linkInvalid", () -> new CommitteeSession(committee, at, null, "javascript:alert(1)"));
        CommitteeSession visio = new CommitteeSession(committee, at, null, "https://visio.example.org/comite");
        assertNull(visio.getPlace());
        assertEquals(SessionStatus.PLANNED, visio.getStatus());
    }

    @Test
    void onlyCommitteeMembersOfTheAssociationSitAndANewChairReplacesTheFormerOne() {
        Committee c = committee(2);
        rule("committee.notCommitteeMember", () -> c.seat(advisor, MemberRole.MEMBER));
        rule("committee.otherAssociation", () -> c.seat(staff("x", Role.COMMITTEE_MEMBER, other), MemberRole.MEMBER));
        c.seat(m2, MemberRole.CHAIR);
        assertTrue(c.isChair(m2));
        assertFalse(c.isChair(chair));
        assertTrue(c.isMember(chair));
        rule("committee.quorumInvalid", () -> c.changeQuorum(0));
    }

    @Test
    void aFileWithdrawnByItsApplicantAfterTheAgendaNeedsNoDecisionToClose() {
        CommitteeSession s = session();
        AgendaItem item = s.addToAgenda(ready(enterprise, 1), advisor, "x", NOW);
        s.open(chair, List.of(chair, m1, m2), NOW);
        item.getApplication().withdraw("porteur@demo.essor", NOW, "Projet abandonné");
        assertTrue(item.isWithdrawn());
        s.close(chair, NOW);
        assertEquals(SessionStatus.CLOSED, s.getStatus());
    }
}
