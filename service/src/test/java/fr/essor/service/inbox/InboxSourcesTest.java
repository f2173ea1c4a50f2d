package fr.essor.service.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.essor.model.account.Role;
import fr.essor.model.inbox.InboxKey;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InboxSourcesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static InboxScope scope(Long association, Role... roles) {
        return new InboxScope(7L, "Conseil@Demo.Essor", association, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), TODAY);
    }

    @Test
    void everySourceHasAWellFormedKindOfItsOwn() {
        Set<String> kinds = new HashSet<>();
        for (InboxSource s : InboxSources.ALL) {
            assertTrue(InboxKey.isKind(s.kind()), s.kind());
            assertTrue(kinds.add(s.kind()), "two sources of kind " + s.kind());
            assertEquals(s, InboxSources.of(s.kind()));
        }
        assertNull(InboxSources.of("PIZZA_TO_EAT"));
    }

    @Test
    void eachSourceSelectsTheNineColumnsInOrderAndBindsEveryValue() {
        InboxScope everything = scope(3L, Role.values());
        for (InboxSource s : InboxSources.ALL) {
            InboxSql sql = new InboxSql();
            String select = s.select(everything, sql);
            assertTrue(select != null, s.kind() + " has items for someone holding every role");
            assertTrue(select.startsWith("SELECT CONCAT('" + s.kind() + "', ':', "), select);
            int at = 0;
            for (String column : InboxSql.COLUMNS) {
                int found = select.indexOf(" AS " + column, at);
                assertTrue(found > at, s.kind() + ": column " + column + " in order in " + select);
                at = found;
            }
            Matcher m = Pattern.compile("\\?(\\d+)").matcher(select);
            int placeholders = 0;
            while (m.find()) {
                placeholders++;
                assertEquals(placeholders, Integer.parseInt(m.group(1)), "placeholders numbered in order: " + select);
            }
            assertEquals(placeholders, sql.parameters().size(), s.kind());
            assertTrue(placeholders >= 1, s.kind() + " binds the scope: " + select);
            assertTrue(!select.contains("conseil@demo.essor") && !select.contains("Conseil"), "values are bound, never written: " + select);
        }
    }

    @Test
    void aSourceHasNoItemsForThoseWithoutItsRole() {
        InboxScope partner = scope(3L, Role.PARTNER);
        for (InboxSource s : InboxSources.ALL) {
            assertNull(s.select(partner, new InboxSql()), s.kind() + " gives a partner items");
        }
        InboxScope entrepreneur = scope(null, Role.ENTREPRENEUR);
        List<String> his = InboxSources.ALL.stream().filter(s -> s.select(entrepreneur, new InboxSql()) != null).map(InboxSource::kind)
                .toList();
        assertEquals(List.of("INFORMATION_REQUESTED", "DOCUMENT_TO_UPLOAD", "CONDITION_TO_MEET"), his);
        InboxScope member = scope(3L, Role.COMMITTEE_MEMBER);
        assertEquals(List.of("SESSION_CONVENED", "VOTE_TO_CAST"), InboxSources.ALL.stream()
                .filter(s -> s.select(member, new InboxSql()) != null).map(InboxSource::kind).toList());
    }

    @Test
    void aNationalAdministratorSeesEveryAssociationAndTheAdvisorsItemsNeedAnAssociation() {
        InboxScope national = scope(null, Role.ADMIN);
        InboxSql sql = new InboxSql();
        String approvals = InboxSources.of("APPROVAL_WAITING").select(national, sql);
        assertTrue(!approvals.contains("association_id ="), approvals);
        assertEquals(List.of("conseil@demo.essor"), sql.parameters(), "the proposer compared without case");
        InboxSql regional = new InboxSql();
        assertTrue(InboxSources.of("APPROVAL_WAITING").select(scope(3L, Role.ADMIN), regional).contains("p.association_id = ?2"));
        assertEquals(List.of("conseil@demo.essor", 3L), regional.parameters());
        assertNull(InboxSources.of("FILE_TO_INSTRUCT").select(scope(null, Role.ADVISOR), new InboxSql()));
    }

    @Test
    void theUnionPutsTheSeenJoinAfterTheSourcesParameters() {
        InboxSql sql = new InboxSql();
        String first = InboxSources.of("FILE_TO_INSTRUCT").select(scope(3L, Role.ADVISOR), sql);
        String from = sql.items(List.of(first), 7L);
        assertTrue(from.contains(") x LEFT JOIN inbox_seen s ON s.account_id = ?3 AND s.item_key = x.item_key"), from);
        assertEquals(List.of(3L, 7L, 7L), sql.parameters());
    }

    @Test
    void aKindOrKeyThatCouldNotBeAKeyIsRefusedWhenTheSqlIsWritten() {
        assertThrows(IllegalArgumentException.class, () -> InboxSql.select("bad kind", List.of("a.id"), "a.id", "NULL", "NULL",
                "NULL", InboxSql.NO_AMOUNT, InboxSql.NO_DATE, InboxSql.NO_INSTANT));
        assertThrows(IllegalArgumentException.class, () -> InboxSql.select("GOOD_KIND", List.of(), "a.id", "NULL", "NULL",
                "NULL", InboxSql.NO_AMOUNT, InboxSql.NO_DATE, InboxSql.NO_INSTANT));
    }
}
