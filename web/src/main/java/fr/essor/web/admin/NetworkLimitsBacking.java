package fr.essor.web.admin;

import fr.essor.service.account.AccountService;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A national administrator sets the network's limits per instrument; the page shows the version in force and the history. */
@Named
@ViewScoped
public class NetworkLimitsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Versions shown in the history (newest first, paged in SQL). */
    static final int HISTORY_SIZE = 20;

    @EJB
    private RulesService rules;

    @EJB
    private AccountService accounts;

    private boolean national;

    private RulesViews.Network current;
    private List<LimitRow> rows;
    private Page<RulesViews.VersionRow> history;

    @PostConstruct
    void init() {
        national = accounts.me().associationCode() == null;
        load();
    }

    private void load() {
        current = rules.networkLimits();
        rows = new ArrayList<>();
        for (RulesViews.Limit l : current.limits()) {
            rows.add(LimitRow.of(l));
        }
        history = rules.networkHistory(0, HISTORY_SIZE);
    }

    public void save() {
        Map<String, RulesInput.LimitInput> limits = new LinkedHashMap<>();
        for (LimitRow r : rows) {
            limits.put(r.getInstrument(), r.input());
        }
        RulesViews.Network saved = rules.changeNetworkLimits(limits, current.number());
        load();
        Messages.info("networkLimits.saved", saved.number());
    }

    /** Only a national administrator changes the network's limits; an association's sees them. */
    public boolean isNational() {
        return national;
    }

    public RulesViews.Network getCurrent() {
        return current;
    }

    public List<LimitRow> getRows() {
        return rows;
    }

    public Page<RulesViews.VersionRow> getHistory() {
        return history;
    }
}
