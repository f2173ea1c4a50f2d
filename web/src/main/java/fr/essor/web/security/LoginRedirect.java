package fr.essor.web.security;

import java.util.Set;

/** Where a user goes after login: the page they asked for, or the landing page of their role. */
public final class LoginRedirect {

    public static final String SESSION_TARGET = "essor.loginTarget";

    private LoginRedirect() {
    }

    /** The landing page of the most specific role a user holds. */
    public static String landingPage(Set<String> roles) {
        if (roles.contains("ADMIN")) {
            return "/admin/index.xhtml";
        }
        if (roles.contains("ADVISOR")) {
            return "/advisor/index.xhtml";
        }
        if (roles.contains("COMMITTEE_MEMBER")) {
            return "/committee/index.xhtml";
        }
        if (roles.contains("PARTNER")) {
            return "/partner/index.xhtml";
        }
        return "/entrepreneur/index.xhtml";
    }

    /** Only a local path of this application is accepted as a target; anything else is ignored. */
    public static boolean isSafeTarget(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//") && !target.contains("\\")
                && !target.contains("\r") && !target.contains("\n") && !target.startsWith("/api/")
                && !target.startsWith("/jakarta.faces.resource");
    }
}
