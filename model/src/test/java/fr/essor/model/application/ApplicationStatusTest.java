package fr.essor.model.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ApplicationStatusTest {

    /** The state machine of DESIGN.md, written out by hand: the enum must match it exactly. */
    private static final String[][] ALLOWED = {
        {"DRAFT", "SUBMITTED"},
        {"SUBMITTED", "IN_REVIEW"},
        {"IN_REVIEW", "INFO_REQUESTED"},
        {"INFO_REQUESTED", "IN_REVIEW"},
        {"IN_REVIEW", "READY_FOR_COMMITTEE"},
        {"READY_FOR_COMMITTEE", "ON_AGENDA"},
        {"ON_AGENDA", "APPROVED"},
        {"ON_AGENDA", "DEFERRED"},
        {"ON_AGENDA", "REJECTED"},
        {"ON_AGENDA", "READY_FOR_COMMITTEE"},
        {"APPROVED", "CONTRACTED"},
        {"CONTRACTED", "CLOSED"},
        {"DEFERRED", "IN_REVIEW"},
        {"DRAFT", "WITHDRAWN"},
        {"SUBMITTED", "WITHDRAWN"},
        {"IN_REVIEW", "WITHDRAWN"},
        {"INFO_REQUESTED", "WITHDRAWN"},
        {"READY_FOR_COMMITTEE", "WITHDRAWN"},
        {"ON_AGENDA", "WITHDRAWN"},
    };

    private static Set<String> allowedPairs() {
        return Stream.of(ALLOWED).map(p -> p[0] + "->" + p[1]).collect(Collectors.toSet());
    }

    static Stream<Arguments> allowedTransitions() {
        return Stream.of(ALLOWED)
                .map(p -> Arguments.of(ApplicationStatus.valueOf(p[0]), ApplicationStatus.valueOf(p[1])));
    }

    static Stream<Arguments> forbiddenTransitions() {
        Set<String> allowed = allowedPairs();
        List<Arguments> forbidden = new ArrayList<>();
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (ApplicationStatus to : ApplicationStatus.values()) {
                if (!allowed.contains(from + "->" + to)) {
                    forbidden.add(Arguments.of(from, to));
                }
            }
        }
        return forbidden.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowedTransitions")
    void allowedTransitionIsAccepted(ApplicationStatus from, ApplicationStatus to) {
        assertTrue(from.canMoveTo(to));
        assertTrue(from.allowedTargets().contains(to));
        from.checkMoveTo(to);
    }

    @ParameterizedTest(name = "{0} -> {1} is forbidden")
    @MethodSource("forbiddenTransitions")
    void forbiddenTransitionIsRejectedNamingBothStates(ApplicationStatus from, ApplicationStatus to) {
        assertFalse(from.canMoveTo(to));
        assertFalse(from.allowedTargets().contains(to));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> from.checkMoveTo(to));
        assertSame(from, e.from());
        assertSame(to, e.to());
        assertEquals("Illegal transition " + from + " -> " + to, e.getMessage());
    }

    @Test
    void tableCoversEveryStatusAndTheTwoSetsPartitionAllPairs() {
        int n = ApplicationStatus.values().length;
        assertEquals(n * n, allowedTransitions().count() + forbiddenTransitions().count());
        assertEquals(ALLOWED.length, allowedPairs().size(), "no duplicate in the table");
    }

    @Test
    void terminalStatusesAreRejectedClosedAndWithdrawn() {
        Set<ApplicationStatus> terminal = EnumSet.noneOf(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s.isTerminal()) {
                terminal.add(s);
            }
        }
        assertEquals(EnumSet.of(ApplicationStatus.REJECTED, ApplicationStatus.CLOSED, ApplicationStatus.WITHDRAWN),
                terminal);
    }

    @Test
    void decidedStatusesAreTheCommitteeOutcomesAndWhatFollowsApproval() {
        Set<ApplicationStatus> decided = EnumSet.noneOf(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s.isDecided()) {
                decided.add(s);
            }
        }
        assertEquals(EnumSet.of(ApplicationStatus.APPROVED, ApplicationStatus.DEFERRED, ApplicationStatus.REJECTED,
                ApplicationStatus.CONTRACTED, ApplicationStatus.CLOSED), decided);
    }

    @ParameterizedTest
    @EnumSource(ApplicationStatus.class)
    void withdrawalIsPossibleExactlyBeforeADecision(ApplicationStatus status) {
        boolean beforeDecision = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
                ApplicationStatus.IN_REVIEW, ApplicationStatus.INFO_REQUESTED, ApplicationStatus.READY_FOR_COMMITTEE,
                ApplicationStatus.ON_AGENDA).contains(status);
        assertEquals(beforeDecision, status.canMoveTo(ApplicationStatus.WITHDRAWN));
    }

    @Test
    void allowedTargetsCannotBeModified() {
        assertThrows(UnsupportedOperationException.class,
                () -> ApplicationStatus.DRAFT.allowedTargets().add(ApplicationStatus.APPROVED));
    }

    @Test
    void moveToNullIsNotAllowed() {
        assertFalse(ApplicationStatus.DRAFT.canMoveTo(null));
        assertThrows(NullPointerException.class, () -> ApplicationStatus.DRAFT.checkMoveTo(null));
    }
}
