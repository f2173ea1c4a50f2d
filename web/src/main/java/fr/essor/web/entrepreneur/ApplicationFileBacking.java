package fr.essor.web.entrepreneur;

import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.convention.AllocationService;
import fr.essor.service.convention.ConventionViews;
import fr.essor.service.shared.NotFoundException;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.RecordPage;
import fr.essor.web.shared.ThreadMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** A submitted application as its applicant follows it: timeline, messages, answer, withdrawal. */
@Named
@ViewScoped
public class ApplicationFileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApplicationService applications;

    @EJB
    private AllocationService allocations;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private ApplicationViews.Detail detail;
    private List<ApplicationViews.Message> messages;
    private ApplicationViews.DecisionView decision;
    private List<ConventionViews.RepaymentSchedule> schedules = List.of();
    private String answer;
    private String message;
    private String reason;
    private transient Part attachment;
    private transient Part answerAttachment;

    public void load() throws IOException {
        RecordPage.load(facesContext, id, this::reload);
    }

    private void reload() {
        if (id == null) {
            throw new NotFoundException("application");
        }
        detail = applications.get(id);
        messages = applications.messages(id);
        decision = applications.decision(id).orElse(null);
        try {
            schedules = allocations.repaymentSchedule(id);
        } catch (NotFoundException e) {
            schedules = List.of(); // readable here without being an owner: no schedule to show
        }
    }

    public void answerRequest() {
        ThreadMessages.answer(applications, id, detail.version(), answer, answerAttachment);
        answer = null;
        Messages.info("file.answered");
        reload();
    }

    public void postMessage() {
        ThreadMessages.post(applications, id, message, attachment);
        message = null;
        Messages.info("file.messageSent");
        reload();
    }

    public void withdraw() {
        applications.withdraw(id, detail.version(), reason);
        reason = null;
        Messages.info("file.withdrawn");
        reload();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public ApplicationViews.Detail getDetail() { return detail; }
    public List<ApplicationViews.Message> getMessages() { return messages; }
    public ApplicationViews.DecisionView getDecision() { return decision; }
    public List<ConventionViews.RepaymentSchedule> getSchedules() { return schedules; }
    public String getAnswer() { return answer; }
    public void setAnswer(String v) { answer = v; }
    public String getMessage() { return message; }
    public void setMessage(String v) { message = v; }
    public String getReason() { return reason; }
    public Part getAttachment() { return attachment; }
    public Part getAnswerAttachment() { return answerAttachment; }
    public void setAnswerAttachment(Part v) { answerAttachment = v; }
    public void setAttachment(Part v) { attachment = v; }
    public void setReason(String v) { reason = v; }
}
