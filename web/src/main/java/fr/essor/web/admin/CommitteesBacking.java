package fr.essor.web.admin;

import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.service.committee.CommitteeService;
import fr.essor.service.committee.CommitteeViews;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Committees of the associations: create one, set its quorum, seat and unseat its members and chair. */
@Named
@ViewScoped
public class CommitteesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CommitteeService committees;

    @EJB
    private AssociationService associations;

    private List<CommitteeViews.CommitteeSummary> list;
    private List<AssociationView> associationList;
    private Long associationId;
    private String name;
    private Integer quorum = 3;
    private Long selectedId;
    private List<CommitteeViews.Member> members = List.of();
    private List<CommitteeViews.Member> candidates = List.of();
    private Long accountId;
    private String role = "MEMBER";
    private Integer newQuorum;

    @PostConstruct
    void init() {
        list = committees.committees();
        associationList = associations.list(0, 200).items();
    }

    public void create() {
        CommitteeViews.CommitteeSummary c = committees.create(associationId, name, quorum == null ? 0 : quorum);
        Messages.info("admin.committees.created", c.name());
        name = null;
        list = committees.committees();
        select(c.id());
    }

    public void select(long id) {
        selectedId = id;
        members = committees.members(id);
        candidates = committees.candidates(id);
        newQuorum = list.stream().filter(c -> c.id() == id).findFirst().map(CommitteeViews.CommitteeSummary::quorum).orElse(null);
    }

    public void seat() {
        if (accountId == null) {
            Messages.errorFor("members:account", "field.required");
            return;
        }
        members = committees.seat(selectedId, accountId, role);
        list = committees.committees();
        Messages.info("admin.committees.seated");
    }

    public void unseat(long account) {
        members = committees.unseat(selectedId, account);
        list = committees.committees();
        Messages.info("admin.committees.unseated");
    }

    public void changeQuorum() {
        committees.changeQuorum(selectedId, newQuorum == null ? 0 : newQuorum);
        list = committees.committees();
        Messages.info("admin.committees.quorumChanged", newQuorum);
    }

    public String getSelectedName() {
        return list.stream().filter(c -> selectedId != null && c.id() == selectedId).findFirst()
                .map(CommitteeViews.CommitteeSummary::name).orElse("");
    }

    public List<CommitteeViews.CommitteeSummary> getList() { return list; }
    public List<AssociationView> getAssociationList() { return associationList; }
    public Long getAssociationId() { return associationId; }
    public void setAssociationId(Long v) { associationId = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public Integer getQuorum() { return quorum; }
    public void setQuorum(Integer v) { quorum = v; }
    public Long getSelectedId() { return selectedId; }
    public List<CommitteeViews.Member> getMembers() { return members; }
    public List<CommitteeViews.Member> getCandidates() { return candidates; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long v) { accountId = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public Integer getNewQuorum() { return newQuorum; }
    public void setNewQuorum(Integer v) { newQuorum = v; }
}
