package fr.essor.web.security;

import fr.essor.service.account.AccountService;
import fr.essor.service.security.CallerIdentity;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/** The database identity store: accounts and PBKDF2 hashes, checked by the account service. */
@ApplicationScoped
public class EssorIdentityStore implements IdentityStore {

    @EJB
    private AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<CallerIdentity> identity = accounts.authenticate(up.getCaller(), up.getPassword().getValue());
        return identity
                .map(id -> new CredentialValidationResult(id.email(), id.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
