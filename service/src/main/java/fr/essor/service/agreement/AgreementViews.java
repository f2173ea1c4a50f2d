package fr.essor.service.agreement;

import fr.essor.model.agreement.Agreement;
import fr.essor.model.agreement.AgreementTemplate;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** What the pages and the API show of agreements and their templates. */
public final class AgreementViews {

    private AgreementViews() {
    }

    /**
     * One version of a template; {@code number} 0 (and id 0) for the default text of a template the
     * association has not saved yet.
     */
    public record Template(long id, String associationCode, String kind, String language, int number, String body,
                           String createdBy, Instant createdAt) implements Serializable {

        static Template of(AgreementTemplate t) {
            return new Template(t.getId(), t.getAssociation().getCode(), t.getKind().name(), t.getLanguage(), t.getNumber(),
                    t.getBody(), t.getCreatedBy(), t.getCreatedAt());
        }
    }

    /** The agreement of one granted line of a file. */
    public record Item(long id, long applicationId, long lineId, int lineNo, String instrument, BigDecimal amount, String kind,
                       long templateId, int templateNumber, String language, String status, String sha256,
                       String generatedBy, Instant generatedAt, Long signedDocumentId, Instant uploadedAt, String comment,
                       String decidedBy, Instant decidedAt, long version) implements Serializable {

        static Item of(Agreement a) {
            return new Item(a.getId(), a.getApplication().getId(), a.getLine().getId(), a.getLine().getLineNo(),
                    a.getLine().getLine().getInstrument().name(), a.getLine().getLine().getAmount().amount(), a.getKind().name(),
                    a.getTemplate().getId(), a.getTemplateNumber(), a.getLanguage(), a.getStatus().name(), a.getSha256(),
                    a.getGeneratedBy(), a.getGeneratedAt(), a.getSignedDocumentId(), a.getUploadedAt(), a.getComment(),
                    a.getDecidedBy(), a.getDecidedAt(), a.getVersion());
        }

        /** The entrepreneur may send the signed copy (again). */
        public boolean uploadable() {
            return !"SIGNED".equals(status);
        }

        /** The advisor may mark it signed or refuse the copy. */
        public boolean decidable() {
            return "UPLOADED".equals(status);
        }
    }
}
