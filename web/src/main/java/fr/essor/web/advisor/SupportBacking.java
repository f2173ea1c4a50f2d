package fr.essor.web.advisor;

import fr.essor.model.support.SupportKind;
import fr.essor.service.shared.ForbiddenException;
import fr.essor.service.support.SupportInput;
import fr.essor.service.support.SupportService;
import fr.essor.service.support.SupportViews;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import fr.essor.web.shared.RecordPage;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * An enterprise as its advisor sees it: the profile, the applications, the advice given; records
 * advice and lets the advisor correct or delete their own records.
 */
@Named
@ViewScoped
public class SupportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SupportService support;

    private Long id;
    private SupportViews.Profile profile;
    private PageModel<SupportViews.Record> records;

    private Long editingId;
    private long editingVersion;
    private LocalDate date;
    private SupportKind kind;
    private Integer durationMinutes;
    private String notes;

    public void load() throws IOException {
        RecordPage.load(FacesContext.getCurrentInstance(), id, () -> {
            profile = support.profile(id);
            long enterpriseId = id;
            records = new PageModel<>((first, size) -> support.forEnterprise(enterpriseId, first, size),
                    r -> String.valueOf(r.id()));
        });
    }

    /** Records new advice, or saves the correction of the record being edited. */
    public void save() {
        SupportInput input = new SupportInput(date, kind, durationMinutes, notes);
        if (editingId == null) {
            support.record(id, input);
            Messages.info("support.recorded");
        } else {
            support.update(editingId, editingVersion, input);
            Messages.info("support.updated");
        }
        clearForm();
    }

    /** Puts one of the caller's records in the form. */
    public void edit(long recordId) {
        SupportViews.Record r = support.get(recordId);
        if (r.enterpriseId() != id || !r.editable()) {
            throw new ForbiddenException();
        }
        editingId = r.id();
        editingVersion = r.version();
        date = r.date();
        kind = SupportKind.valueOf(r.kind());
        durationMinutes = r.durationMinutes();
        notes = r.notes();
    }

    public void delete(long recordId, long version) {
        support.delete(recordId, version);
        if (Long.valueOf(recordId).equals(editingId)) {
            clearForm();
        }
        Messages.info("support.deleted");
    }

    public void cancel() {
        clearForm();
    }

    private void clearForm() {
        editingId = null;
        editingVersion = 0;
        date = null;
        kind = null;
        durationMinutes = null;
        notes = null;
    }

    /** A duration for reading: "1 h 30", "45 min". */
    public String duration(int minutes) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (minutes < 60) {
            return Messages.text(locale, "support.duration.minutes", minutes);
        }
        return Messages.text(locale, "support.duration.hours", minutes / 60, String.format("%02d", minutes % 60));
    }

    public SupportKind[] getKinds() {
        return SupportKind.values();
    }

    public int getMaxDuration() {
        return SupportViews.MAX_DURATION_MINUTES;
    }

    public int getNotesMax() {
        return SupportViews.NOTES_MAX;
    }

    public boolean isEditing() {
        return editingId != null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public SupportViews.Profile getProfile() { return profile; }
    public PageModel<SupportViews.Record> getRecords() { return records; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate v) { date = v; }
    public SupportKind getKind() { return kind; }
    public void setKind(SupportKind v) { kind = v; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Integer v) { durationMinutes = v; }
    public String getNotes() { return notes; }
    public void setNotes(String v) { notes = v; }
}
