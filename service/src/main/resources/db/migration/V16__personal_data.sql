-- Issue 16, personal data: retention periods per kind of data (set by the national administrator),
-- cases an administrator holds back from the nightly job (with a reason), erasure requests, and
-- when a record was anonymised. An account's last activity is its last event in the audit trail.
CREATE TABLE retention_rule (
    data_kind   VARCHAR(30) NOT NULL PRIMARY KEY,
    months      INT,
    version     BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT ck_retention_rule_months CHECK (months IS NULL OR (months >= 1 AND months <= 1200))
);
INSERT INTO retention_rule (data_kind, months) VALUES ('DRAFT', 12);
INSERT INTO retention_rule (data_kind, months) VALUES ('CLOSED_FILE', 36);
INSERT INTO retention_rule (data_kind, months) VALUES ('INACTIVE_ACCOUNT', 36);
INSERT INTO retention_rule (data_kind, months) VALUES ('FINANCED_FILE', 120);
INSERT INTO retention_rule (data_kind, months) VALUES ('AUDIT_TRAIL', NULL);

-- A case the nightly job must skip (a dispute, a claim): one hold per record.
CREATE TABLE retention_hold (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    entity_type  VARCHAR(30)  NOT NULL,
    entity_id    BIGINT       NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    held_by_id   BIGINT       NOT NULL,
    held_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_retention_hold UNIQUE (entity_type, entity_id),
    CONSTRAINT fk_retention_hold_account FOREIGN KEY (held_by_id) REFERENCES user_account (id)
);

-- A person's request to close the account and erase the data. It names the account only: once
-- erased, nothing in it identifies the person. answer_due_on is one month after the request.
CREATE TABLE erasure_request (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    requested_at    DATETIME(6)  NOT NULL,
    answer_due_on   DATE         NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    erase_on        DATE         NOT NULL,
    erased_at       DATETIME(6),
    handled_at      DATETIME(6),
    handled_by_id   BIGINT,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_erasure_request_account FOREIGN KEY (account_id) REFERENCES user_account (id),
    CONSTRAINT fk_erasure_request_handler FOREIGN KEY (handled_by_id) REFERENCES user_account (id)
);
CREATE INDEX ix_erasure_request_status ON erasure_request (status, answer_due_on);

ALTER TABLE user_account ADD COLUMN anonymised_at DATETIME(6);
ALTER TABLE application ADD COLUMN anonymised_at DATETIME(6);
ALTER TABLE enterprise ADD COLUMN anonymised_at DATETIME(6);
