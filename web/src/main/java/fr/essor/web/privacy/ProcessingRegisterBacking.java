package fr.essor.web.privacy;

import fr.essor.service.privacy.ProcessingRegister;
import fr.essor.web.i18n.LocaleBean;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The register of processing activities, in the reader's language, with its PDF. */
@Named
@ViewScoped
public class ProcessingRegisterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProcessingRegister register;

    @Inject
    private LocaleBean locale;

    private List<ProcessingRegister.Entry> entries;

    @PostConstruct
    void init() {
        entries = register.entries(locale.getLocale());
    }

    public List<ProcessingRegister.Entry> getEntries() {
        return entries;
    }
}
