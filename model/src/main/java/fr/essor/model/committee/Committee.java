package fr.essor.model.committee;

import fr.essor.model.account.Role;
import fr.essor.model.account.UserAccount;
import fr.essor.model.association.Association;
import fr.essor.model.shared.FreeText;
import fr.essor.model.shared.RuleException;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A "comité d'engagement" of an association: its members, one of them chairing, and the quorum,
 * the minimum number of present, non-conflicted members who must take part to decide an item.
 */
@Entity
@Table(name = "committee")
public class Committee extends VersionedEntity {

    public static final int NAME_MAX = 120;
    public static final int QUORUM_MAX = 50;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "association_id", nullable = false, updatable = false)
    private Association association;

    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;

    @Column(name = "quorum", nullable = false)
    private int quorum;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "committee", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CommitteeMember> members = new ArrayList<>();

    protected Committee() {
    }

    public Committee(Association association, String name, int quorum) {
        this.association = Objects.requireNonNull(association, "association");
        rename(name);
        changeQuorum(quorum);
    }

    public void rename(String newName) {
        String n = newName == null ? "" : newName.strip();
        if (n.isEmpty() || n.length() > NAME_MAX) {
            throw RuleException.committee("committee.nameInvalid", NAME_MAX);
        }
        if (!FreeText.isClean(n, false)) {
            throw RuleException.committee("text.invalidCharacters");
        }
        this.name = n;
    }

    public void changeQuorum(int newQuorum) {
        if (newQuorum < 1 || newQuorum > QUORUM_MAX) {
            throw RuleException.committee("committee.quorumInvalid", QUORUM_MAX);
        }
        this.quorum = newQuorum;
    }

    /**
     * Seats a committee member of the association. A new chair replaces the former one, who stays a
     * member.
     */
    public CommitteeMember seat(UserAccount account, MemberRole role) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(role, "role");
        if (!account.hasRole(Role.COMMITTEE_MEMBER)) {
            throw RuleException.committee("committee.notCommitteeMember", account.getEmail());
        }
        if (!Objects.equals(account.getAssociation(), association)) {
            throw RuleException.committee("committee.otherAssociation", account.getEmail());
        }
        if (role == MemberRole.CHAIR) {
            members.stream().filter(m -> m.getRole() == MemberRole.CHAIR).forEach(m -> m.changeRole(MemberRole.MEMBER));
        }
        Optional<CommitteeMember> existing = membership(account);
        if (existing.isPresent()) {
            existing.get().changeRole(role);
            return existing.get();
        }
        CommitteeMember m = new CommitteeMember(this, account, role);
        members.add(m);
        return m;
    }

    public void unseat(UserAccount account) {
        members.removeIf(m -> m.isAccount(account));
    }

    public Optional<CommitteeMember> membership(UserAccount account) {
        return members.stream().filter(m -> m.isAccount(account)).findFirst();
    }

    public boolean isMember(UserAccount account) {
        return membership(account).isPresent();
    }

    public boolean isChair(UserAccount account) {
        return membership(account).map(m -> m.getRole() == MemberRole.CHAIR).orElse(false);
    }

    /** Members who can sit: active accounts that still hold the committee member role. */
    public long eligibleMembers() {
        return members.stream().map(CommitteeMember::getAccount)
                .filter(a -> a.isActive() && a.hasRole(Role.COMMITTEE_MEMBER)).count();
    }

    /**
     * A committee can hold a session only when it has a chair (who opens, decides and closes) and
     * at least as many eligible members as its quorum: otherwise no item could ever be decided.
     */
    public void requireCanSit() {
        long eligible = eligibleMembers();
        if (eligible < quorum) {
            throw RuleException.committee("committee.quorumUnreachable", quorum, eligible);
        }
        if (members.stream().noneMatch(m -> m.getRole() == MemberRole.CHAIR)) {
            throw RuleException.committee("committee.noChair");
        }
    }

    public void deactivate() {
        this.active = false;
    }

    public Association getAssociation() {
        return association;
    }

    public String getName() {
        return name;
    }

    public int getQuorum() {
        return quorum;
    }

    public boolean isActive() {
        return active;
    }

    public List<CommitteeMember> getMembers() {
        return Collections.unmodifiableList(members);
    }
}
