package fr.essor.model.committee;

import fr.essor.model.account.UserAccount;
import fr.essor.model.shared.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One member's vote on one agenda item; voting again replaces the choice. */
@Entity
@Table(name = "committee_vote")
public class Vote extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private AgendaItem item;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private UserAccount member;

    @Enumerated(EnumType.STRING)
    @Column(name = "choice", length = 10, nullable = false)
    private VoteChoice choice;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected Vote() {
    }

    Vote(AgendaItem item, UserAccount member, VoteChoice choice, Instant castAt) {
        this.item = item;
        this.member = member;
        this.choice = choice;
        this.castAt = castAt;
    }

    void change(VoteChoice newChoice, Instant now) {
        this.choice = newChoice;
        this.castAt = now;
    }

    public AgendaItem getItem() {
        return item;
    }

    public UserAccount getMember() {
        return member;
    }

    public VoteChoice getChoice() {
        return choice;
    }

    public Instant getCastAt() {
        return castAt;
    }
}
