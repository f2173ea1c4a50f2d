package fr.essor.model.committee;

import fr.essor.model.account.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One member's vote on one agenda item; voting again replaces the choice. */
@Entity
@Table(name = "committee_vote")
public class Vote extends MemberOnItem {

    @Enumerated(EnumType.STRING)
    @Column(name = "choice", length = 10, nullable = false)
    private VoteChoice choice;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected Vote() {
    }

    Vote(AgendaItem item, UserAccount member, VoteChoice choice, Instant castAt) {
        super(item, member);
        this.choice = choice;
        this.castAt = castAt;
    }

    void change(VoteChoice newChoice, Instant now) {
        this.choice = newChoice;
        this.castAt = now;
    }

    public VoteChoice getChoice() {
        return choice;
    }

    public Instant getCastAt() {
        return castAt;
    }
}
