package fr.essor.web.committee;

import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ReviewView;
import fr.essor.service.committee.CommitteeService;
import fr.essor.service.committee.CommitteeViews;
import fr.essor.service.committee.DecisionInput;
import fr.essor.service.shared.EssorException;
import fr.essor.web.advisor.LineRow;
import fr.essor.web.afterdecision.ConditionRow;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.RecordPage;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A committee session as a member sits it: the agenda with each file and its analysis (hidden after
 * a conflict of interest), conflicts, votes; for the chair, attendance, decisions and closing.
 */
@Named
@ViewScoped
public class CommitteeSessionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CommitteeService committees;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private CommitteeViews.Session session;
    private final Map<Long, ReviewView> analyses = new HashMap<>();
    private final Map<Long, CommitteeViews.AgendaFile> files = new HashMap<>();
    private List<Long> present = new ArrayList<>();
    private final Map<Long, String> conflictReasons = new HashMap<>();
    private final Map<Long, String> outcomes = new HashMap<>();
    private final Map<Long, List<LineRow>> grants = new HashMap<>();
    private final Set<Long> fromAnalysis = new HashSet<>();
    private final Map<Long, String> conditions = new HashMap<>();
    private final Map<Long, List<ConditionRow>> conditionRows = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private String adjournReason;

    public void load() throws IOException {
        RecordPage.load(facesContext, id, () -> {
            refresh(committees.session(id));
            // planned: everyone ticked by default; open: the attendance as taken, for the chair to correct
            present = new ArrayList<>(session.members().stream()
                    .filter(m -> !"OPEN".equals(session.status()) || m.present())
                    .map(CommitteeViews.Member::accountId).toList());
        });
    }

    /**
     * Shows the session and, in one more call, what the caller reads of its files (description, lines,
     * analysis): a fixed number of statements however long the agenda.
     */
    private void refresh(CommitteeViews.Session s) {
        session = s;
        files.clear();
        analyses.clear();
        for (CommitteeViews.AgendaFile f : committees.agendaFiles(id)) {
            files.put(f.itemId(), f);
            if (f.analysis() != null) {
                analyses.put(f.itemId(), f.analysis());
            }
        }
        for (CommitteeViews.Item item : s.items()) {
            if (item.callerConflicted() && fromAnalysis.remove(item.id())) {
                // the caller declared a conflict: the proposal of the analysis is no longer theirs to see
                grants.remove(item.id());
            }
            if (!grants.containsKey(item.id())) {
                List<LineRow> rows = new ArrayList<>();
                ReviewView r = analyses.get(item.id());
                boolean useAnalysis = r != null && !r.proposedLines().isEmpty();
                if (useAnalysis) {
                    fromAnalysis.add(item.id());
                }
                CommitteeViews.AgendaFile file = files.get(item.id());
                List<ApplicationViews.Line> proposed = useAnalysis ? r.proposedLines()
                        : file == null ? List.of() : file.lines();
                proposed.forEach(l -> rows.add(new LineRow(l)));
                grants.put(item.id(), rows);
            }
        }
    }

    public void open() {
        act(() -> committees.open(id, present), "committee.session.opened", "attendance");
    }

    public void declareConflict(long itemId) {
        act(() -> committees.declareConflict(id, itemId, conflictReasons.get(itemId)), "committee.session.conflictDeclared",
                "item-" + itemId);
    }

    public void vote(long itemId, String choice) {
        act(() -> committees.vote(id, itemId, choice), "committee.session.voted", "item-" + itemId);
    }

    public void decide(long itemId, long version) {
        List<LineRow> rows = grants.getOrDefault(itemId, List.of());
        act(() -> committees.decide(id, itemId, version, new DecisionInput(outcomes.get(itemId),
                rows.stream().map(LineRow::input).toList(), conditions.get(itemId), reasons.get(itemId),
                ConditionRow.inputs(conditionRows.get(itemId)))),
                "committee.session.decided", "decide-" + itemId);
    }

    /** The chair corrects the attendance of the open session. */
    public void correctAttendance() {
        act(() -> committees.correctAttendance(id, present), "session.attendanceCorrected", "correction");
    }

    /** The chair adjourns the open session; the undecided files go back to be scheduled. */
    public void adjourn() {
        long undecided = session.items().stream().filter(i -> i.decision() == null).count();
        act(() -> committees.adjourn(id, adjournReason), "session.adjourned", "adjourning", undecided);
    }

    public void close() {
        act(() -> committees.close(id), "committee.session.closed", "closing");
    }

    private void act(Supplier<CommitteeViews.Session> action, String doneKey, String formId, Object... args) {
        try {
            refresh(action.get());
            Messages.info(doneKey, args);
        } catch (EssorException e) {
            Messages.error(e, formId);
            try {
                refresh(committees.session(id));
            } catch (EssorException ignored) {
                // the session itself is gone: keep what is shown
            }
        }
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public CommitteeViews.Session getSession() { return session; }
    public Map<Long, ReviewView> getAnalyses() { return analyses; }
    public Map<Long, CommitteeViews.AgendaFile> getFiles() { return files; }
    public List<Long> getPresent() { return present; }
    public void setPresent(List<Long> v) { present = v; }
    public Map<Long, String> getConflictReasons() { return conflictReasons; }
    public Map<Long, String> getOutcomes() { return outcomes; }
    public Map<Long, List<LineRow>> getGrants() { return grants; }
    public Map<Long, String> getConditions() { return conditions; }

    /** The condition precedent rows of an item's decision form (issue 13). */
    public List<ConditionRow> conditionRowsOf(long itemId) {
        return conditionRows.computeIfAbsent(itemId, k -> ConditionRow.blank());
    }
    public Map<Long, String> getReasons() { return reasons; }
    public String getAdjournReason() { return adjournReason; }
    public void setAdjournReason(String v) { adjournReason = v; }
}
