-- The content of an application: territory and impact, requested lines, financing plan,
-- documents (metadata apart from bytes), and the message thread with the advisor.
ALTER TABLE application ADD COLUMN territory VARCHAR(200);
ALTER TABLE application ADD COLUMN jobs_created DECIMAL(7,2);
ALTER TABLE application ADD COLUMN jobs_maintained DECIMAL(7,2);
ALTER TABLE application ADD COLUMN beneficiaries INT;
ALTER TABLE application ADD COLUMN social_utility VARCHAR(4000);

CREATE TABLE application_line (
    application_id BIGINT NOT NULL,
    line_no INT NOT NULL,
    instrument VARCHAR(20) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    duration_months INT,
    bank_name VARCHAR(120),
    bank_loan_amount DECIMAL(15,2),
    guaranteed_share DECIMAL(5,2),
    PRIMARY KEY (application_id, line_no),
    CONSTRAINT fk_application_line_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_application_line_amount CHECK (amount > 0)
);

CREATE TABLE application_plan_item (
    application_id BIGINT NOT NULL,
    position INT NOT NULL,
    kind VARCHAR(10) NOT NULL,
    label VARCHAR(200) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (application_id, position),
    CONSTRAINT fk_plan_item_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_plan_item_amount CHECK (amount > 0)
);

CREATE TABLE application_document (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    file_name VARCHAR(160) NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 CHAR(64) NOT NULL,
    uploaded_by VARCHAR(254) NOT NULL,
    uploaded_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_document_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE document_content (
    document_id BIGINT NOT NULL PRIMARY KEY,
    content LONGBLOB NOT NULL,
    CONSTRAINT fk_content_document FOREIGN KEY (document_id) REFERENCES application_document (id) ON DELETE CASCADE
);

CREATE TABLE application_message (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    author VARCHAR(254) NOT NULL,
    side VARCHAR(12) NOT NULL,
    body VARCHAR(4000) NOT NULL,
    document_id BIGINT,
    sent_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_message_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_message_application ON application_message (application_id, sent_at);

-- Which departments each association covers: an enterprise belongs to the association of its department.
CREATE TABLE association_department (
    association_id BIGINT NOT NULL,
    department VARCHAR(3) NOT NULL,
    PRIMARY KEY (department),
    CONSTRAINT fk_association_department FOREIGN KEY (association_id) REFERENCES association (id)
);
