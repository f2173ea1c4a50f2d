package fr.essor.web.admin;

import fr.essor.service.audit.AuditService;
import fr.essor.service.audit.AuditService.AuditFilter;
import fr.essor.service.audit.AuditView;
import fr.essor.service.audit.ChainCheck;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;

/** The audit trail: filter by person, record and dates; check the hash chain. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditService audit;

    private String actor;
    private String entityType;
    private String entityId;
    private LocalDate from;
    private LocalDate to;
    private PageModel<AuditView> model;
    private ChainCheck check;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> audit.search(new AuditFilter(actor, entityType, entityId, from, to), first, size),
                e -> String.valueOf(e.id()));
    }

    public void verify() {
        check = audit.verifyChain();
        if (check.intact()) {
            Messages.info("admin.audit.intact", check.checked(), check.unsealed());
        } else {
            Messages.errorFor(null, "admin.audit.broken", check.firstBrokenId(), check.checked());
        }
    }

    public PageModel<AuditView> getModel() {
        return model;
    }

    public ChainCheck getCheck() {
        return check;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
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
}
