package fr.essor.web.privacy;

import fr.essor.service.privacy.ErasureService;
import fr.essor.service.privacy.ErasureView;
import fr.essor.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The entrepreneur closes the account and asks for the data to be erased: done at once without a
 * retention duty, otherwise scheduled, with the day shown here (and sent by mail). Once done, the
 * session ends at the next request (the account is no longer active).
 */
@Named
@ViewScoped
public class CloseAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ErasureService erasure;

    private ErasureView request;
    private boolean confirmed;

    @PostConstruct
    void init() {
        request = erasure.mine().orElse(null);
    }

    public void close() {
        if (!confirmed) {
            Messages.errorFor("close:confirmed", "closeAccount.confirmRequired");
            return;
        }
        request = erasure.request();
    }

    public ErasureView getRequest() {
        return request;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
