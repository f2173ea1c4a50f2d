package fr.essor.web.account;

import fr.essor.service.account.AccountService;
import fr.essor.service.account.AccountView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The signed-in user's own account, read once per request. */
@Named
@RequestScoped
public class ProfileBacking {

    @EJB
    private AccountService accounts;

    private AccountView me;

    public AccountView getMe() {
        if (me == null) {
            me = accounts.me();
        }
        return me;
    }
}
