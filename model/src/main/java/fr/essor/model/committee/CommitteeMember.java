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

/** A seat on a committee: an account and its role there. */
@Entity
@Table(name = "committee_member")
public class CommitteeMember extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "committee_id", nullable = false, updatable = false)
    private Committee committee;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private UserAccount account;

    @Enumerated(EnumType.STRING)
    @Column(name = "member_role", length = 10, nullable = false)
    private MemberRole role;

    protected CommitteeMember() {
    }

    CommitteeMember(Committee committee, UserAccount account, MemberRole role) {
        this.committee = committee;
        this.account = account;
        this.role = role;
    }

    void changeRole(MemberRole newRole) {
        this.role = newRole;
    }

    boolean isAccount(UserAccount other) {
        return other != null && (account == other || (account.getId() != null && account.getId().equals(other.getId())));
    }

    public Committee getCommittee() {
        return committee;
    }

    public UserAccount getAccount() {
        return account;
    }

    public MemberRole getRole() {
        return role;
    }
}
