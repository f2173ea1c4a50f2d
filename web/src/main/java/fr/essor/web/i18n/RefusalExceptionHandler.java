package fr.essor.web.i18n;

import fr.essor.service.shared.EssorException;
import fr.essor.service.shared.InputViolations;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.validation.ConstraintViolationException;
import java.util.Iterator;
import java.util.Map;

/**
 * The pages' one way to show a refusal: a service's {@link EssorException} that escapes an action
 * of a form (Ajax or not) becomes a Faces message in the user's language, next to the field it
 * names when that field is in the submitted form, and the same page is shown again with what was
 * typed. A backing bean therefore does not catch to show a message. Everything else (a refusal
 * while rendering or on a first GET, any other exception) goes on to the default handling: the
 * error pages through OmniFaces' FacesExceptionFilter.
 */
public class RefusalExceptionHandler extends ExceptionHandlerWrapper {

    public RefusalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext fc = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEventContext event = events.next().getContext();
            PhaseId phase = event.getPhaseId() == null ? fc.getCurrentPhaseId() : event.getPhaseId();
            EssorException refusal = refusal(event.getException());
            if (refusal != null && fc.isPostback() && phase != PhaseId.RENDER_RESPONSE && !fc.getResponseComplete()
                    && fc.getViewRoot() != null) {
                Messages.error(refusal, submittedForm(fc));
                fc.renderResponse();
                events.remove();
            }
        }
        getWrapped().handle();
    }

    /** The service's refusal, or Bean Validation's refusal of a service input (at the EJB boundary) as one. */
    private static EssorException refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EssorException e) {
                return e;
            }
            if (t instanceof ConstraintViolationException violations) {
                return InputViolations.refusal(violations);
            }
        }
        return null;
    }

    /** Client id of the form whose action failed: the Ajax source's form, or the form the browser posted. */
    private static String submittedForm(FacesContext fc) {
        Map<String, String> params = fc.getExternalContext().getRequestParameterMap();
        String source = params.get("jakarta.faces.source");
        String form = source == null ? null : formOf(fc, source);
        for (Iterator<Map.Entry<String, String>> p = params.entrySet().iterator(); form == null && p.hasNext();) {
            Map.Entry<String, String> param = p.next();
            if (param.getKey().equals(param.getValue())) {
                String candidate = formOf(fc, param.getKey());
                form = param.getKey().equals(candidate) ? candidate : null;
            }
        }
        return form;
    }

    /** Client id of the form around the component of this client id (rows of tables included), or null. */
    private static String formOf(FacesContext fc, String clientId) {
        String[] form = new String[1];
        fc.getViewRoot().invokeOnComponent(fc, clientId, (context, target) -> {
            for (UIComponent c = target; c != null && form[0] == null; c = c.getParent()) {
                if (c instanceof UIForm) {
                    form[0] = c.getClientId(context);
                }
            }
        });
        return form[0];
    }

    /** Puts this handler in front of the implementation's. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new RefusalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
