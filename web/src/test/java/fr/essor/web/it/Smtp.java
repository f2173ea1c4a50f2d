package fr.essor.web.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;

/**
 * The GreenMail SMTP server the container tests run to read the mails Essor sends: on the port failsafe gives the
 * server ({@code essor.it.smtp.port}, 3025 by default), and who a received mail went to.
 */
final class Smtp {

    /** The port the server sends its mails to. */
    static final int PORT = Integer.getInteger("essor.it.smtp.port", 3025);

    private Smtp() {
    }

    /** A GreenMail SMTP server listening on {@link #PORT}, started. */
    static GreenMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** Stops the server if there is one; returns null, for {@code smtp = Smtp.stop(smtp)}. */
    static GreenMail stop(GreenMail smtp) {
        if (smtp != null) {
            smtp.stop();
        }
        return null;
    }

    /** Whether the mail has {@code email} among its recipients (ignoring case); false when they cannot be read. */
    static boolean addressedTo(MimeMessage m, String email) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a instanceof InternetAddress ia && email.equalsIgnoreCase(ia.getAddress()));
        } catch (MessagingException e) {
            return false;
        }
    }
}
