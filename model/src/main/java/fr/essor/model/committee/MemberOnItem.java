package fr.essor.model.committee;

import fr.essor.model.account.UserAccount;
import fr.essor.model.shared.Identified;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * What one committee member records on one agenda item (a {@link Vote}, a declared
 * {@link ConflictOfInterest}): the item and the member, columns {@code item_id} and
 * {@code member_id}, neither of which changes once recorded.
 */
@MappedSuperclass
public abstract class MemberOnItem extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private AgendaItem item;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private UserAccount member;

    protected MemberOnItem() {
    }

    MemberOnItem(AgendaItem item, UserAccount member) {
        this.item = item;
        this.member = member;
    }

    public AgendaItem getItem() {
        return item;
    }

    public UserAccount getMember() {
        return member;
    }
}
