-- Advice given to enterprises ("accompagnement"). "Enterprises advised in year Y per association"
-- counts distinct enterprise_id over a range of support_date, joined to enterprise for the
-- association: ix_support_record_date_enterprise answers it from the index alone. An enterprise's
-- records are listed newest first through ix_support_record_enterprise_date (which also serves the
-- foreign key on enterprise_id); the key on advisor_id gets its index from the constraint.
CREATE TABLE support_record (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    enterprise_id     BIGINT        NOT NULL,
    advisor_id        BIGINT        NOT NULL,
    support_date      DATE          NOT NULL,
    kind              VARCHAR(30)   NOT NULL,
    duration_minutes  INT           NOT NULL,
    notes             VARCHAR(4000),
    created_at        DATETIME(6)   NOT NULL,
    version           BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_support_record_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_support_record_advisor FOREIGN KEY (advisor_id) REFERENCES user_account (id),
    CONSTRAINT ck_support_record_duration CHECK (duration_minutes BETWEEN 1 AND 7200)
);
CREATE INDEX ix_support_record_date_enterprise ON support_record (support_date, enterprise_id);
CREATE INDEX ix_support_record_enterprise_date ON support_record (enterprise_id, support_date, id);
