package fr.essor.web.advisor;

import fr.essor.model.application.ScoreCriterion;
import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.ApplicationViews;
import fr.essor.service.application.ReviewInput;
import fr.essor.service.application.ReviewService;
import fr.essor.service.application.ReviewView;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An advisor instructs a file: reads it, takes it into review, asks the applicant for information,
 * writes the analysis note with its scoring grid and proposed lines, marks it ready for committee.
 */
@Named
@ViewScoped
public class AdvisorFileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApplicationService applications;

    @EJB
    private ReviewService reviews;

    @Inject
    private transient FacesContext facesContext;

    private Long id;
    private ApplicationViews.Detail detail;
    private List<ApplicationViews.Message> messages;
    private ApplicationViews.DecisionView decision;
    private ReviewView review;
    private Map<String, Integer> grid;
    private String question;
    private String message;
    private transient Part attachment;
    private final Map<String, Integer> scores = new HashMap<>();
    private String strengths;
    private String risks;
    private String recommendation;
    private List<LineRow> lines = new ArrayList<>();

    public void load() throws IOException {
        RecordPage.load(facesContext, id, () -> {
            reload();
            fillForm();
        });
    }

    private void reload() {
        if (id == null) {
            throw new NotFoundException("application");
        }
        detail = applications.get(id);
        messages = applications.messages(id);
        decision = applications.decision(id).orElse(null);
        review = reviews.review(id).orElse(null);
        grid = reviews.grid(id);
    }

    private void fillForm() {
        scores.clear();
        lines = new ArrayList<>();
        if (review != null) {
            review.scores().forEach((k, v) -> scores.put(k, v));
            strengths = review.strengths();
            risks = review.risks();
            recommendation = review.recommendation();
            review.proposedLines().forEach(l -> lines.add(new LineRow(l)));
        }
        if (lines.isEmpty()) {
            detail.lines().forEach(l -> lines.add(new LineRow(l)));
        }
    }

    public void startReview() {
        act(() -> applications.startReview(id, detail.version()), "advisor.file.reviewStarted");
    }

    public void requestInformation() {
        act(() -> applications.requestInformation(id, detail.version(), question), "advisor.file.infoRequested");
        if (!facesContext.isValidationFailed()) {
            question = null;
        }
    }

    public void saveReview() {
        review = reviews.save(id, review == null ? -1 : review.version(), new ReviewInput(new HashMap<>(scores), strengths,
                risks, recommendation, lines.stream().map(LineRow::input).toList()));
        reload();
        Messages.info("advisor.review.saved");
    }

    public void markReady() {
        act(() -> reviews.markReady(id, detail.version(), null), "advisor.file.ready");
    }

    public void resumeReview() {
        act(() -> reviews.resumeReview(id, detail.version()), "advisor.file.resumed");
    }

    public void postMessage() {
        ThreadMessages.post(applications, id, message, attachment);
        message = null;
        reload();
        Messages.info("file.messageSent");
    }

    private void act(Runnable action, String doneKey) {
        action.run();
        reload();
        Messages.info(doneKey);
    }

    /** The criteria of the scoring grid of the file's rules, in their order. */
    public List<String> getCriteria() {
        return grid == null ? Arrays.stream(ScoreCriterion.values()).map(Enum::name).toList() : new ArrayList<>(grid.keySet());
    }

    /** Criterion → weight in the file's scoring grid. */
    public Map<String, Integer> getGrid() {
        return grid;
    }

    public boolean isReviewEditable() {
        return switch (detail.status()) {
            case "IN_REVIEW", "INFO_REQUESTED", "READY_FOR_COMMITTEE", "DEFERRED" -> true;
            default -> false;
        };
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public ApplicationViews.Detail getDetail() { return detail; }
    public List<ApplicationViews.Message> getMessages() { return messages; }
    public ApplicationViews.DecisionView getDecision() { return decision; }
    public ReviewView getReview() { return review; }
    public String getQuestion() { return question; }
    public void setQuestion(String v) { question = v; }
    public String getMessage() { return message; }
    public Part getAttachment() { return attachment; }
    public void setAttachment(Part v) { attachment = v; }
    public void setMessage(String v) { message = v; }
    public Map<String, Integer> getScores() { return scores; }
    public String getStrengths() { return strengths; }
    public void setStrengths(String v) { strengths = v; }
    public String getRisks() { return risks; }
    public void setRisks(String v) { risks = v; }
    public String getRecommendation() { return recommendation; }
    public void setRecommendation(String v) { recommendation = v; }
    public List<LineRow> getLines() { return lines; }
}
