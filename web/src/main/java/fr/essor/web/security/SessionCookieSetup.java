package fr.essor.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session cookie flags: HttpOnly and SameSite=Strict always; Secure when {@code ESSOR_SECURE_COOKIES}
 * is true (production behind HTTPS; the local demo runs on plain http://localhost).
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName("ESSORSESSION");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
        boolean secure = ConfigProvider.getConfig().getOptionalValue("essor.secure.cookies", Boolean.class).orElse(false);
        cookie.setSecure(secure);
    }
}
