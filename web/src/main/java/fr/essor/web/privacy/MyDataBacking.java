package fr.essor.web.privacy;

import fr.essor.service.mail.MailKind;
import fr.essor.service.privacy.MailPreference;
import fr.essor.service.privacy.PersonalDataService;
import fr.essor.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The page "My data": the signed-in user's mail preferences, and an entrepreneur's download of his data. */
@Named
@RequestScoped
public class MyDataBacking {

    @EJB
    private PersonalDataService personalData;

    private List<MailPreference> preferences;
    private List<String> received;

    public List<MailPreference> getPreferences() {
        if (preferences == null) {
            preferences = personalData.mailPreferences();
        }
        return preferences;
    }

    /** The optional kinds, for the check boxes; the inbox digest has its own form on the page. */
    public List<String> getOptionalKinds() {
        return getPreferences().stream().filter(MyDataBacking::boxed).map(MailPreference::kind).toList();
    }

    /** The mandatory kinds, listed as always sent. */
    public List<String> getMandatoryKinds() {
        return getPreferences().stream().filter(p -> !p.optional()).map(MailPreference::kind).toList();
    }

    /** The optional kinds received, as the boxes are ticked. */
    public List<String> getReceived() {
        if (received == null) {
            received = getPreferences().stream().filter(p -> boxed(p) && p.receive()).map(MailPreference::kind).toList();
        }
        return received;
    }

    public void setReceived(List<String> received) {
        this.received = received;
    }

    /** Switches each optional kind whose box changed. */
    public void save() {
        Set<String> wanted = new HashSet<>(received == null ? List.of() : received);
        for (MailPreference p : personalData.mailPreferences()) {
            if (boxed(p) && p.receive() != wanted.contains(p.kind())) {
                personalData.receiveMail(MailKind.valueOf(p.kind()), wanted.contains(p.kind()));
            }
        }
        preferences = null;
        received = null;
        Messages.info("myData.saved");
    }

    /** An optional kind with its box in the preferences' form (not the digest, switched in a form of its own). */
    private static boolean boxed(MailPreference p) {
        return p.optional() && !MailKind.INBOX_DIGEST.name().equals(p.kind());
    }
}
