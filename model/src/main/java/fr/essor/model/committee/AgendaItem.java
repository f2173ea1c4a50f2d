package fr.essor.model.committee;

import fr.essor.model.account.UserAccount;
import fr.essor.model.application.Application;
import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.shared.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A file on a session's agenda, in its order, with the advisor who presents it; part of the session. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    private CommitteeSession session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    private Application application;

    @Column(name = "position", nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "presenter_id")
    private UserAccount presenter;

    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Vote> votes = new ArrayList<>();

    @OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ConflictOfInterest> conflicts = new ArrayList<>();

    @OneToOne(mappedBy = "agendaItem", fetch = FetchType.LAZY)
    private Decision decision;

    protected AgendaItem() {
    }

    AgendaItem(CommitteeSession session, Application application, int position, UserAccount presenter) {
        this.session = session;
        this.application = application;
        this.position = position;
        this.presenter = presenter;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    void presentedBy(UserAccount advisor) {
        this.presenter = advisor;
    }

    void decided(Decision d) {
        this.decision = d;
    }

    public boolean isConflicted(UserAccount member) {
        return conflicts.stream().anyMatch(c -> same(c.getMember(), member));
    }

    public Optional<Vote> voteOf(UserAccount member) {
        return votes.stream().filter(v -> same(v.getMember(), member)).findFirst();
    }

    void addVote(Vote v) {
        votes.add(v);
    }

    void removeVoteOf(UserAccount member) {
        votes.removeIf(v -> same(v.getMember(), member));
    }

    void addConflict(ConflictOfInterest c) {
        conflicts.add(c);
    }

    public long count(VoteChoice choice) {
        return votes.stream().filter(v -> v.getChoice() == choice).count();
    }

    static boolean same(UserAccount a, UserAccount b) {
        return a != null && b != null && (a == b || (a.getId() != null && a.getId().equals(b.getId())));
    }

    /** The applicant withdrew the file after it was put on the agenda. */
    public boolean isWithdrawn() {
        return decision == null && application.getStatus() == ApplicationStatus.WITHDRAWN;
    }

    public boolean isDecided() {
        return decision != null;
    }

    public CommitteeSession getSession() {
        return session;
    }

    public Application getApplication() {
        return application;
    }

    public int getPosition() {
        return position;
    }

    public UserAccount getPresenter() {
        return presenter;
    }

    public List<Vote> getVotes() {
        return Collections.unmodifiableList(votes);
    }

    public List<ConflictOfInterest> getConflicts() {
        return Collections.unmodifiableList(conflicts);
    }

    public Decision getDecision() {
        return decision;
    }
}
