package fr.essor.model.agreement;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The PDF of a generated agreement, as generated, read only when someone downloads it. */
@Entity
@Table(name = "agreement_content")
public class AgreementContent {

    @Id
    @Column(name = "agreement_id")
    private Long agreementId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    protected AgreementContent() {
    }

    public AgreementContent(Long agreementId, byte[] content) {
        this.agreementId = agreementId;
        this.content = content.clone();
    }

    public Long getAgreementId() {
        return agreementId;
    }

    public byte[] getContent() {
        return content.clone();
    }
}
