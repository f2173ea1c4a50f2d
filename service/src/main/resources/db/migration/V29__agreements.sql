-- Issue 13, item 2: the agreements of an approved file (loan, guarantee, grant), generated as PDF from
-- templates that an administrator edits per association. A template is never changed: saving writes
-- its next number, and a generated agreement keeps the row (and number) it was made from.
CREATE TABLE agreement_template (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    association_id BIGINT NOT NULL,
    kind VARCHAR(12) NOT NULL,
    language VARCHAR(2) NOT NULL,
    number INT NOT NULL,
    body VARCHAR(10000) NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_agreement_template_association FOREIGN KEY (association_id) REFERENCES association (id),
    CONSTRAINT uk_agreement_template UNIQUE (association_id, kind, language, number)
);

CREATE TABLE agreement (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    version BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    granted_line_id BIGINT NOT NULL,
    kind VARCHAR(12) NOT NULL,
    template_id BIGINT NOT NULL,
    template_number INT NOT NULL,
    language VARCHAR(2) NOT NULL,
    status VARCHAR(10) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    generated_by VARCHAR(254) NOT NULL,
    generated_at DATETIME(6) NOT NULL,
    signed_document_id BIGINT,
    uploaded_at DATETIME(6),
    comment_text VARCHAR(1000),
    decided_by VARCHAR(254),
    decided_at DATETIME(6),
    CONSTRAINT fk_agreement_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_agreement_line FOREIGN KEY (granted_line_id) REFERENCES granted_line (id),
    CONSTRAINT fk_agreement_template FOREIGN KEY (template_id) REFERENCES agreement_template (id),
    CONSTRAINT uk_agreement_line UNIQUE (granted_line_id)
);
-- signed_document_id names the signed copy among the file's documents; no foreign key, so that the
-- retention of personal data may still delete a document (the agreement keeps its status)
CREATE INDEX ix_agreement_application ON agreement (application_id, status);

CREATE TABLE agreement_content (
    agreement_id BIGINT NOT NULL PRIMARY KEY,
    content LONGBLOB NOT NULL,
    CONSTRAINT fk_agreement_content FOREIGN KEY (agreement_id) REFERENCES agreement (id) ON DELETE CASCADE
);
