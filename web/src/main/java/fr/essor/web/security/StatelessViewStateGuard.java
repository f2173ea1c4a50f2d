package fr.essor.web.security;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.render.ResponseStateManager;

/**
 * No view of Essor is stateless (transient), so a post that claims one ({@code
 * jakarta.faces.ViewState=stateless}) is a forged or broken form: it gets the 400 "expired" page,
 * as any other view state that cannot be restored, instead of the 500 of Mojarra's "Unable to
 * restore view" (issue 18, item 14).
 */
public class StatelessViewStateGuard extends ViewHandlerWrapper {

    public StatelessViewStateGuard(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        String posted = context.getExternalContext().getRequestParameterMap().get(ResponseStateManager.VIEW_STATE_PARAM);
        if (posted != null && "stateless".equals(posted.trim())) {
            throw new ViewExpiredException("A stateless view state for a view that keeps state", viewId);
        }
        return super.restoreView(context, viewId);
    }
}
