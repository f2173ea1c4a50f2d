-- Issue 13, item 4: the follow-up of the funded enterprises. A file gets its follow-up once its first
-- disbursement is paid (funded_on): milestones at 6 months, then 1, 2 and 3 years, each answered by
-- the entrepreneur online or by the advisor after a visit or a call. The header keeps what the
-- indicators aggregate in SQL (the latest jobs and turnover; the closure and after how many months).
CREATE TABLE follow_up (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    version BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    association_id BIGINT NOT NULL,
    funded_on DATE NOT NULL,
    declared_jobs DECIMAL(9,2),
    latest_jobs DECIMAL(9,2),
    latest_turnover DECIMAL(15,2),
    last_answered_on DATE,
    closed_on DATE,
    closed_after_months INT,
    closure_note VARCHAR(1000),
    closed_by VARCHAR(254),
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_follow_up_application UNIQUE (application_id),
    CONSTRAINT fk_follow_up_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_follow_up_association FOREIGN KEY (association_id) REFERENCES association (id)
);
CREATE INDEX ix_follow_up_scope ON follow_up (association_id, funded_on);

CREATE TABLE follow_up_milestone (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    follow_up_id BIGINT NOT NULL,
    seq INT NOT NULL,
    months_after INT NOT NULL,
    due_date DATE NOT NULL,
    status VARCHAR(12) NOT NULL,
    still_active BOOLEAN,
    jobs DECIMAL(9,2),
    turnover DECIMAL(15,2),
    difficulties VARCHAR(1000),
    channel VARCHAR(10),
    answered_by VARCHAR(254),
    answered_at DATETIME(6),
    reminded_at DATETIME(6),
    CONSTRAINT uk_milestone UNIQUE (follow_up_id, seq),
    CONSTRAINT fk_milestone_follow_up FOREIGN KEY (follow_up_id) REFERENCES follow_up (id),
    CONSTRAINT ck_milestone_jobs CHECK (jobs IS NULL OR jobs >= 0),
    CONSTRAINT ck_milestone_turnover CHECK (turnover IS NULL OR turnover >= 0)
);
CREATE INDEX ix_milestone_due ON follow_up_milestone (status, due_date);
