package fr.essor.web.shared;

import fr.essor.service.application.ApplicationService;
import fr.essor.service.application.ApplicationViews;
import jakarta.servlet.http.Part;

/**
 * Posting to an application's message thread from a page (the applicant's file page and the advisor's): the message
 * alone, or with the file chosen in the form's {@code attachment} field. An upload that cannot be read is refused
 * as an empty document, on that field.
 */
public final class ThreadMessages {

    private ThreadMessages() {
    }

    public static ApplicationViews.Message post(ApplicationService applications, long applicationId, String body,
            Part attachment) {
        if (!Uploads.chosen(attachment)) {
            return applications.postMessage(applicationId, body, null);
        }
        return applications.postMessageWithAttachment(applicationId, body, attachment.getSubmittedFileName(),
                Uploads.content(attachment, "attachment"));
    }

    /**
     * The applicant's answer to an information request, with the file chosen in the answer form's field (if any),
     * in one transaction: a refused file leaves the request unanswered.
     */
    public static ApplicationViews.Detail answer(ApplicationService applications, long applicationId, long version,
            String answer, Part attachment) {
        if (!Uploads.chosen(attachment)) {
            return applications.answerInformation(applicationId, version, answer);
        }
        return applications.answerInformation(applicationId, version, answer, attachment.getSubmittedFileName(),
                Uploads.content(attachment, "answerAttachment"));
    }
}
