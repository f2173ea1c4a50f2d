package fr.essor.web.privacy;

import fr.essor.service.privacy.RetentionCase;
import fr.essor.service.privacy.RetentionRuleView;
import fr.essor.service.privacy.RetentionService;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The retention rules (national administrator), the week's preview of the nightly job, holds. */
@Named
@ViewScoped
public class RetentionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RetentionService retention;

    private List<RetentionRuleView> rules;
    private final Map<String, Integer> months = new HashMap<>();
    private PageModel<RetentionCase> preview;
    private boolean national;
    private String entityType = RetentionService.APPLICATION;
    private Long entityId;
    private String reason;

    @PostConstruct
    void init() {
        national = retention.mayChangeRules();
        loadRules();
        preview = new PageModel<>((first, size) -> retention.upcoming(first, size), c -> c.entityType() + ":" + c.entityId());
    }

    private void loadRules() {
        rules = retention.rules();
        months.clear();
        for (RetentionRuleView r : rules) {
            months.put(r.kind().name(), r.months());
        }
    }

    public void save(RetentionRuleView rule) {
        retention.setRule(rule.kind(), months.get(rule.kind().name()), rule.version());
        loadRules();
        Messages.info("retention.saved");
    }

    public void hold() {
        retention.hold(entityType, entityId == null ? -1 : entityId, reason);
        entityId = null;
        reason = null;
        Messages.info("retention.heldDone");
    }

    public void release(RetentionCase c) {
        retention.release(c.holdId());
        Messages.info("retention.released");
    }

    public List<RetentionRuleView> getRules() {
        return rules;
    }

    public Map<String, Integer> getMonths() {
        return months;
    }

    public PageModel<RetentionCase> getPreview() {
        return preview;
    }

    public boolean isNational() {
        return national;
    }

    public List<String> getEntityTypes() {
        return List.of(RetentionService.APPLICATION, RetentionService.ACCOUNT);
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public Long getEntityId() {
        return entityId;
    }

    public void setEntityId(Long entityId) {
        this.entityId = entityId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
