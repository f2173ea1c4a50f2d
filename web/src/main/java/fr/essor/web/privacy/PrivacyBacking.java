package fr.essor.web.privacy;

import fr.essor.service.privacy.PrivacyNoticeService;
import fr.essor.service.privacy.PrivacyNoticeView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/** The public page of a privacy notice: /privacy.xhtml?association=CODE, or the network's default without one. */
@Named
@RequestScoped
public class PrivacyBacking {

    @EJB
    private PrivacyNoticeService notices;

    private String association;
    private PrivacyNoticeView notice;

    public PrivacyNoticeView getNotice() {
        if (notice == null) {
            notice = notices.notice(association);
        }
        return notice;
    }

    /** The notice's paragraphs (separated by a blank line), each shown as text, never as markup; empty when none is written. */
    public List<String> getParagraphs() {
        String body = getNotice().body();
        return body == null ? List.of() : Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getAssociation() {
        return association;
    }

    public void setAssociation(String association) {
        this.association = association;
    }
}
