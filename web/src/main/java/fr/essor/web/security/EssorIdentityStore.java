package fr.essor.web.security;

import fr.essor.service.account.AccountService;
import fr.essor.service.security.CallerIdentity;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database identity store: accounts and PBKDF2 hashes, checked by the account service, which
 * throttles by the client's address and the account together.
 */
@ApplicationScoped
public class EssorIdentityStore implements IdentityStore {

    /** Request attribute: the credential stamp of the caller just validated, kept in the session. */
    static final String CREDENTIAL_STAMP = "essor.credentialStamp";

    @EJB
    private AccountService accounts;

    @Inject
    private HttpServletRequest request;

    /**
     * The address a login comes from: the peer's, unless the peer is one of the reverse proxies
     * named in {@code essor.trusted.proxies} (ESSOR_TRUSTED_PROXIES, comma-separated), which then
     * tells the client's address as the last entry of X-Forwarded-For. Anyone else's
     * X-Forwarded-For is the client's own word and is ignored.
     */
    static String source(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        Set<String> proxies = ConfigProvider.getConfig().getOptionalValue("essor.trusted.proxies", String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet()))
                .orElse(Set.of());
        if (!proxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String client = hops[hops.length - 1].trim();
        return client.isEmpty() || client.length() > 64 ? peer : client;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<CallerIdentity> identity = accounts.authenticate(up.getCaller(), up.getPassword().getValue(),
                source(request));
        identity.ifPresent(id -> request.setAttribute(CREDENTIAL_STAMP, id.credentialStamp()));
        return identity
                .map(id -> new CredentialValidationResult(id.email(), id.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
