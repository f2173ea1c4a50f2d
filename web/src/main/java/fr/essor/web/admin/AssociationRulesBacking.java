package fr.essor.web.admin;

import fr.essor.model.application.DocumentKind;
import fr.essor.model.application.ScoreCriterion;
import fr.essor.model.rules.Majority;
import fr.essor.service.account.AccountService;
import fr.essor.service.association.AssociationService;
import fr.essor.service.association.AssociationView;
import fr.essor.service.rules.RulesInput;
import fr.essor.service.rules.RulesService;
import fr.essor.service.rules.RulesViews;
import fr.essor.service.shared.Page;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An association's administrator sets its rules within the network's limits (a national administrator
 * chooses the association): the instruments offered and their limits, the documents required per
 * instrument, the scoring grid and the committee rule. The page shows the version in force, the
 * history and any past version.
 */
@Named
@ViewScoped
public class AssociationRulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RulesService rules;

    @EJB
    private AccountService accounts;

    @EJB
    private AssociationService associations;

    private String ownAssociation;
    private String code;
    private RulesViews.Rules current;
    private List<LimitRow> rows;
    /** Instrument → kinds ticked (a List, or the array Faces stores on a submit). */
    private Map<String, Object> checklist;
    private List<CriterionRow> grid;
    private Integer quorum;
    private String majority;
    private Page<RulesViews.VersionRow> history;
    private RulesViews.Rules shown;
    private Integer shownNumber;

    @PostConstruct
    void init() {
        ownAssociation = accounts.me().associationCode();
        if (ownAssociation != null) {
            code = ownAssociation;
        } else {
            List<AssociationView> all = associations.all();
            code = all.isEmpty() ? null : all.get(0).code();
        }
        load();
    }

    /** Reads the chosen association's rules in force, the network's limits beside them, and the history. */
    public void load() {
        shown = null;
        if (code == null) {
            return;
        }
        current = rules.current(code);
        Map<String, RulesViews.Limit> own = new LinkedHashMap<>();
        current.instruments().forEach(l -> own.put(l.instrument(), l));
        rows = new ArrayList<>();
        for (RulesViews.Limit n : rules.networkLimits().limits()) {
            LimitRow r = LimitRow.of(n);
            r.setOfferedFrom(own.get(n.instrument()));
            rows.add(r);
        }
        checklist = new LinkedHashMap<>();
        rows.forEach(r -> checklist.put(r.getInstrument(),
                new ArrayList<>(current.checklist().getOrDefault(r.getInstrument(), List.of()))));
        grid = new ArrayList<>();
        for (ScoreCriterion c : ScoreCriterion.values()) {
            Integer w = current.grid().get(c.name());
            grid.add(new CriterionRow(c.name(), w != null, w == null ? 1 : w));
        }
        quorum = current.quorum();
        majority = current.majority();
        history = rules.history(code, 0, NetworkLimitsBacking.HISTORY_SIZE);
    }

    public void save() {
        Map<String, RulesInput.LimitInput> offered = new LinkedHashMap<>();
        Map<String, List<String>> documents = new LinkedHashMap<>();
        for (LimitRow r : rows) {
            if (r.isOffered()) {
                offered.put(r.getInstrument(), r.input());
                documents.put(r.getInstrument(), kinds(checklist.get(r.getInstrument())));
            }
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        grid.stream().filter(CriterionRow::isUsed).forEach(c -> weights.put(c.getCriterion(), c.getWeight()));
        RulesViews.Rules saved = rules.change(code, new RulesInput(offered, documents, weights, quorum, majority,
                current.number()));
        load();
        Messages.info("rulesPage.saved", saved.number());
    }

    /**
     * The kinds ticked for an instrument. A selectMany bound to a map's entry cannot learn the entry's
     * type, so Faces may store the submitted values as an array there: read both.
     */
    private static List<String> kinds(Object ticked) {
        if (ticked instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        if (ticked instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** Shows one past version (read only). */
    public void show() {
        shown = shownNumber == null ? null : rules.version(code, shownNumber);
    }

    public List<AssociationView> getAssociations() {
        return ownAssociation == null ? associations.all() : List.of();
    }

    public List<String> getDocumentKinds() {
        return Arrays.stream(DocumentKind.values()).map(Enum::name).toList();
    }

    public List<String> getMajorities() {
        return Arrays.stream(Majority.values()).map(Enum::name).toList();
    }

    public boolean isNational() {
        return ownAssociation == null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = isNational() ? code : ownAssociation;
    }

    public RulesViews.Rules getCurrent() {
        return current;
    }

    public List<LimitRow> getRows() {
        return rows;
    }

    public Map<String, Object> getChecklist() {
        return checklist;
    }

    public List<CriterionRow> getGrid() {
        return grid;
    }

    public Integer getQuorum() {
        return quorum;
    }

    public void setQuorum(Integer quorum) {
        this.quorum = quorum;
    }

    public String getMajority() {
        return majority;
    }

    public void setMajority(String majority) {
        this.majority = majority;
    }

    public Page<RulesViews.VersionRow> getHistory() {
        return history;
    }

    public RulesViews.Rules getShown() {
        return shown;
    }

    public Integer getShownNumber() {
        return shownNumber;
    }

    public void setShownNumber(Integer shownNumber) {
        this.shownNumber = shownNumber;
    }

    /** One criterion of the grid as the form edits it. */
    public static class CriterionRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String criterion;
        private boolean used;
        private int weight;

        CriterionRow(String criterion, boolean used, int weight) {
            this.criterion = criterion;
            this.used = used;
            this.weight = weight;
        }

        public String getCriterion() {
            return criterion;
        }

        public boolean isUsed() {
            return used;
        }

        public void setUsed(boolean used) {
            this.used = used;
        }

        public int getWeight() {
            return weight;
        }

        public void setWeight(int weight) {
            this.weight = weight;
        }
    }
}
