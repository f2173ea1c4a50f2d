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
import java.util.Optional;

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

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        // the peer's address: a header such as X-Forwarded-For is the client's word, not a source
        Optional<CallerIdentity> identity = accounts.authenticate(up.getCaller(), up.getPassword().getValue(),
                request.getRemoteAddr());
        identity.ifPresent(id -> request.setAttribute(CREDENTIAL_STAMP, id.credentialStamp()));
        return identity
                .map(id -> new CredentialValidationResult(id.email(), id.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
