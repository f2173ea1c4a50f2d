package fr.essor.web.followup;

import fr.essor.service.followup.FollowUpInput;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What the follow-up form holds while it is typed; what is typed is kept when the service refuses it. */
public class AnswerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String stillActive = "true";
    private BigDecimal jobs;
    private BigDecimal turnover;
    private String difficulties;
    private LocalDate closedOn;
    private String channel;

    FollowUpInput input() {
        Boolean active = stillActive == null || stillActive.isBlank() ? null : Boolean.valueOf(stillActive);
        return new FollowUpInput(active, jobs, turnover, difficulties, closedOn);
    }

    public String getStillActive() { return stillActive; }
    public void setStillActive(String stillActive) { this.stillActive = stillActive; }
    public BigDecimal getJobs() { return jobs; }
    public void setJobs(BigDecimal jobs) { this.jobs = jobs; }
    public BigDecimal getTurnover() { return turnover; }
    public void setTurnover(BigDecimal turnover) { this.turnover = turnover; }
    public String getDifficulties() { return difficulties; }
    public void setDifficulties(String difficulties) { this.difficulties = difficulties; }
    public LocalDate getClosedOn() { return closedOn; }
    public void setClosedOn(LocalDate closedOn) { this.closedOn = closedOn; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
}
