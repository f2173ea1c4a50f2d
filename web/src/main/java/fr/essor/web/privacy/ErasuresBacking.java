package fr.essor.web.privacy;

import fr.essor.service.privacy.ErasureService;
import fr.essor.service.privacy.ErasureView;
import fr.essor.web.i18n.Format;
import fr.essor.web.i18n.Messages;
import fr.essor.web.shared.PageModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;

/** Erasure requests, unanswered first by deadline (one month after the request); an administrator records the answer. */
@Named
@ViewScoped
public class ErasuresBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ErasureService erasure;

    private boolean unansweredOnly;
    private PageModel<ErasureView> model;

    @PostConstruct
    void init() {
        model = new PageModel<>((first, size) -> erasure.requests(null, unansweredOnly, first, size), r -> String.valueOf(r.id()));
    }

    public void acknowledge(ErasureView r) {
        erasure.acknowledge(r.id());
        Messages.info("erasure.acknowledged", r.id());
    }

    /** Whether the answer is late: unanswered past its deadline. */
    public boolean late(ErasureView r) {
        return r.handledAt() == null && r.answerDueOn().isBefore(LocalDate.now(Format.ZONE));
    }

    public PageModel<ErasureView> getModel() {
        return model;
    }

    public boolean isUnansweredOnly() {
        return unansweredOnly;
    }

    public void setUnansweredOnly(boolean unansweredOnly) {
        this.unansweredOnly = unansweredOnly;
    }
}
