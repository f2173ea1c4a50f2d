package fr.essor.web.admin;

import fr.essor.model.mail.OutboxStatus;
import fr.essor.service.mail.MailService;
import fr.essor.service.mail.MailService.SmtpStatus;
import fr.essor.service.mail.OutboxView;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The mail outbox: what went out, what waits (all of it when SMTP is off), what failed; send now, retry. */
@Named
@ViewScoped
public class OutboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MailService mail;

    private OutboxStatus status;
    private PageModel<OutboxView> model;
    private SmtpStatus smtp;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> mail.search(status, first, size), m -> String.valueOf(m.id()));
        smtp = mail.smtpStatus();
    }

    public void sendNow() {
        int sent = mail.sendNow();
        Messages.info("admin.outbox.sentNow", sent);
    }

    public void retry(OutboxView message) {
        mail.retry(message.id());
        Messages.info("admin.outbox.retried", message.recipient());
    }

    public List<OutboxStatus> getStatuses() {
        return List.of(OutboxStatus.values());
    }

    public PageModel<OutboxView> getModel() {
        return model;
    }

    public SmtpStatus getSmtp() {
        return smtp;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public void setStatus(OutboxStatus status) {
        this.status = status;
    }
}
