package fr.essor.model.application;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The bytes of a document, read only when someone downloads it. */
@Entity
@Table(name = "document_content")
public class DocumentContent {

    @Id
    @Column(name = "document_id")
    private Long documentId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    protected DocumentContent() {
    }

    public DocumentContent(Long documentId, byte[] content) {
        this.documentId = documentId;
        this.content = content.clone();
    }

    public Long getDocumentId() {
        return documentId;
    }

    public byte[] getContent() {
        return content.clone();
    }
}
