package fr.essor.service.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server of the outbox, from MicroProfile Config ({@code ESSOR_SMTP_HOST},
 * {@code ESSOR_SMTP_PORT}, {@code ESSOR_SMTP_USER}, {@code ESSOR_SMTP_PASSWORD},
 * {@code ESSOR_SMTP_FROM}, {@code ESSOR_SMTP_STARTTLS}). No host: mail is off, messages wait in
 * the outbox where an administrator can read them.
 */
@ApplicationScoped
public class SmtpSettings {

    /** A dead or silent server must never hold the sender for long. */
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int IO_TIMEOUT_MS = 10_000;

    @Inject
    @ConfigProperty(name = "essor.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "essor.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "essor.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "essor.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "essor.smtp.from", defaultValue = "Essor <no-reply@essor.local>")
    String from;

    @Inject
    @ConfigProperty(name = "essor.smtp.starttls", defaultValue = "false")
    boolean starttls;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** For the log and the administration page: where mail goes, never the password. */
    public String describe() {
        if (!enabled()) {
            return "off (ESSOR_SMTP_HOST not set): mail stays in the outbox";
        }
        return host.get().trim() + ":" + port + (starttls ? " with STARTTLS" : "")
                + user.filter(u -> !u.isBlank()).map(u -> " as " + u).orElse("");
    }

    public InternetAddress fromAddress() throws AddressException {
        InternetAddress address = new InternetAddress(from, true);
        return address;
    }

    /** A mail session for one batch; authenticates when a user is set. */
    public Session session() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host.map(String::trim).orElse("localhost"));
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.put("mail.smtp.timeout", String.valueOf(IO_TIMEOUT_MS));
        p.put("mail.smtp.writetimeout", String.valueOf(IO_TIMEOUT_MS));
        if (starttls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Optional<String> login = user.filter(u -> !u.isBlank());
        if (login.isEmpty()) {
            return Session.getInstance(p);
        }
        p.put("mail.smtp.auth", "true");
        String secret = password.orElse("");
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(login.get(), secret);
            }
        });
    }
}
