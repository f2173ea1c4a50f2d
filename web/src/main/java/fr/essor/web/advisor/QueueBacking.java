package fr.essor.web.advisor;

import fr.essor.model.application.ApplicationStatus;
import fr.essor.model.application.Instrument;
import fr.essor.model.application.Stage;
import fr.essor.service.application.QueueFilter;
import fr.essor.service.application.QueueRow;
import fr.essor.service.application.QueueService;
import fr.essor.service.application.QueueService.Colleague;
import fr.essor.service.application.QueueService.SavedFilterView;
import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.Page;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The advisor's work queue: counts per status, filters, the lazy table sorted and paged in SQL,
 * assignment to oneself or a colleague, and saved filters. Opens on the files needing work.
 */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Values of the advisor criterion besides an advisor's id. */
    static final String ME = "me";
    static final String NOBODY = "none";

    @EJB
    private QueueService queue;

    private ApplicationStatus[] statuses;
    private Stage stage;
    private Instrument instrument;
    private String department;
    private String advisor;
    private LocalDate from;
    private LocalDate to;
    private String text;

    private long me;
    private List<Colleague> colleagues;
    private List<StatusCount> counts;
    private long needingWorkCount;
    private long allCount;
    private QueueModel model;

    private List<SavedFilterView> saved;
    private String filterName;
    private Long savedId;
    private final Map<Long, String> choice = new HashMap<>();

    /** One chip: a status, how many files match the other criteria in it, whether the filter selects it. */
    public record StatusCount(String status, long count, boolean selected) implements Serializable {
    }

    @PostConstruct
    void init() {
        me = queue.me();
        colleagues = queue.colleagues();
        show(QueueFilter.needingWork());
        saved = queue.savedFilters();
        model = new QueueModel((first, size, sort) -> {
            try {
                return queue.page(filter(), sort, first, size);
            } catch (EssorException e) {
                // the criteria were refused: apply() has said why; the table shows nothing meanwhile
                return new Page<>(List.of(), 0, first, size);
            }
        });
    }

    /** The filter the form describes. */
    QueueFilter filter() {
        Set<ApplicationStatus> selected = statuses == null || statuses.length == 0 ? Set.of() : EnumSet.copyOf(List.of(statuses));
        Long advisorId = null;
        boolean unassigned = NOBODY.equals(advisor);
        if (ME.equals(advisor)) {
            advisorId = me;
        } else if (advisor != null && !advisor.isBlank() && !unassigned) {
            advisorId = parseId(advisor);
        }
        return new QueueFilter(selected, stage, instrument, department, advisorId, unassigned, from, to, text);
    }

    /** Puts a filter into the form and refreshes the counts. */
    private void show(QueueFilter f) {
        statuses = f.statuses().toArray(new ApplicationStatus[0]);
        stage = f.stage();
        instrument = f.instrument();
        department = f.department();
        advisor = f.unassigned() ? NOBODY : f.advisorId() == null ? null : f.advisorId() == me ? ME : f.advisorId().toString();
        from = f.submittedFrom();
        to = f.submittedTo();
        text = f.text();
        refreshCounts();
    }

    private void refreshCounts() {
        QueueFilter f = filter();
        Map<String, Long> byStatus = queue.countsByStatus(f);
        List<StatusCount> list = new ArrayList<>();
        needingWorkCount = 0;
        allCount = 0;
        for (Map.Entry<String, Long> e : byStatus.entrySet()) {
            ApplicationStatus s = ApplicationStatus.valueOf(e.getKey());
            list.add(new StatusCount(e.getKey(), e.getValue(), f.statuses().contains(s)));
            allCount += e.getValue();
            if (QueueFilter.NEEDING_WORK.contains(s)) {
                needingWorkCount += e.getValue();
            }
        }
        counts = list;
    }

    /** The "Filter" button: the table re-reads its first page with the new criteria. */
    public void apply() {
        refreshCounts();
    }

    public void onlyStatus(String status) {
        statuses = new ApplicationStatus[] {ApplicationStatus.valueOf(status)};
        apply();
    }

    public void needingWork() {
        statuses = QueueFilter.NEEDING_WORK.toArray(new ApplicationStatus[0]);
        apply();
    }

    public void allStatuses() {
        statuses = new ApplicationStatus[0];
        apply();
    }

    public void reset() {
        show(QueueFilter.needingWork());
    }

    public boolean isNeedingWorkSelected() {
        return filter().statuses().equals(QueueFilter.NEEDING_WORK);
    }

    /**
     * Whether a criterion other than the statuses (which the chips show) is set: the folded filters
     * open by themselves then, so that what narrows the table stays in sight.
     */
    public boolean isFiltered() {
        return stage != null || instrument != null || (department != null && !department.isBlank())
                || (advisor != null && !advisor.isBlank()) || from != null || to != null || (text != null && !text.isBlank());
    }

    public boolean isAllSelected() {
        return statuses == null || statuses.length == 0;
    }

    public void assignToMe(QueueRow row) {
        assign(row, me);
    }

    public void assignChosen(QueueRow row) {
        String chosen = choice.get(row.id());
        if (chosen == null || chosen.isBlank()) {
            return; // nobody chosen in the list: nothing to do
        }
        Long advisorId = NOBODY.equals(chosen) ? null : parseId(chosen);
        if (advisorId == null && !NOBODY.equals(chosen)) {
            return;
        }
        assign(row, advisorId);
    }

    private void assign(QueueRow row, Long advisorId) {
        QueueService.Assignment a = queue.assign(row.id(), advisorId, row.version());
        choice.remove(row.id());
        if (a.advisorId() == null) {
            Messages.info("queue.unassignedDone", row.reference());
        } else {
            Messages.info("queue.assigned", row.reference(), a.advisorName());
        }
        refreshCounts();
    }

    public void saveFilter() {
        SavedFilterView v = queue.saveFilter(filterName, filter());
        saved = queue.savedFilters();
        savedId = v.id();
        Messages.info("queue.saved", v.name());
        filterName = null;
    }

    public void applySaved() {
        SavedFilterView v = selectedSaved();
        if (v != null) {
            show(v.filter());
            Messages.info("queue.applied", v.name());
        }
    }

    public void deleteSaved() {
        SavedFilterView v = selectedSaved();
        if (v == null) {
            return;
        }
        queue.deleteFilter(v.id());
        saved = queue.savedFilters();
        savedId = null;
        Messages.info("queue.deleted");
    }

    private SavedFilterView selectedSaved() {
        return savedId == null ? null : saved.stream().filter(s -> s.id() == savedId).findFirst().orElse(null);
    }

    private static Long parseId(String value) {
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public ApplicationStatus[] getAllStatuses() {
        return EnumSet.complementOf(EnumSet.of(ApplicationStatus.DRAFT)).toArray(new ApplicationStatus[0]);
    }

    public Stage[] getStages() {
        return Stage.values();
    }

    public Instrument[] getInstruments() {
        return Instrument.values();
    }

    public QueueModel getModel() {
        return model;
    }

    public List<StatusCount> getCounts() {
        return counts;
    }

    public long getNeedingWorkCount() {
        return needingWorkCount;
    }

    public long getAllCount() {
        return allCount;
    }

    public List<Colleague> getColleagues() {
        return colleagues;
    }

    public List<SavedFilterView> getSaved() {
        return saved;
    }

    public Map<Long, String> getChoice() {
        return choice;
    }

    public long getMe() {
        return me;
    }

    public ApplicationStatus[] getStatuses() {
        return statuses;
    }

    public void setStatuses(ApplicationStatus[] statuses) {
        this.statuses = statuses;
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public void setInstrument(Instrument instrument) {
        this.instrument = instrument;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getAdvisor() {
        return advisor;
    }

    public void setAdvisor(String advisor) {
        this.advisor = advisor;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getFilterName() {
        return filterName;
    }

    public void setFilterName(String filterName) {
        this.filterName = filterName;
    }

    public Long getSavedId() {
        return savedId;
    }

    public void setSavedId(Long savedId) {
        this.savedId = savedId;
    }
}
