-- Issue 14, item 3: arrears. Each nightly (or asked) run counts, as of a date, the days past due of
-- every loan with an unpaid instalment due before that date and keeps one snapshot row per loan in
-- arrears; dunning levels per association (days past due, e.g. '15,45,90'); the dunning notices
-- mailed, one per loan and level. Write-offs and recoveries are ledger movements (WRITE_OFF,
-- RECOVERY): the written-off balance of a loan is their difference. docs/LOANS.md, "Arrears".

CREATE TABLE arrears_run (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    as_of DATE NOT NULL,
    started_at DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NOT NULL,
    triggered_by VARCHAR(254) NOT NULL,
    loans INT DEFAULT 0 NOT NULL,
    in_arrears INT DEFAULT 0 NOT NULL,
    notices INT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_arrears_run UNIQUE (as_of)
);

CREATE TABLE arrears_snapshot (
    run_id BIGINT NOT NULL,
    allocation_id BIGINT NOT NULL,
    association_id BIGINT NOT NULL,
    convention_id BIGINT NOT NULL,
    oldest_due DATE NOT NULL,
    days_past_due INT NOT NULL,
    overdue_capital DECIMAL(15,2) NOT NULL,
    overdue_interest DECIMAL(15,2) NOT NULL,
    outstanding_capital DECIMAL(15,2) NOT NULL,
    bucket VARCHAR(12) NOT NULL,
    CONSTRAINT pk_arrears_snapshot PRIMARY KEY (run_id, allocation_id),
    CONSTRAINT fk_arrears_snapshot_run FOREIGN KEY (run_id) REFERENCES arrears_run (id),
    CONSTRAINT fk_arrears_snapshot_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id),
    CONSTRAINT ck_arrears_snapshot_days CHECK (days_past_due > 0)
);
CREATE INDEX ix_arrears_snapshot_list ON arrears_snapshot (run_id, association_id, bucket, days_past_due);
CREATE INDEX ix_arrears_snapshot_allocation ON arrears_snapshot (allocation_id, run_id);

CREATE TABLE dunning_plan (
    association_id BIGINT PRIMARY KEY,
    days VARCHAR(60) NOT NULL,
    updated_by VARCHAR(254) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_dunning_plan_association FOREIGN KEY (association_id) REFERENCES association (id)
);

CREATE TABLE dunning_notice (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    allocation_id BIGINT NOT NULL,
    level_no INT NOT NULL,
    days_past_due INT NOT NULL,
    run_id BIGINT NOT NULL,
    recipients INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_dunning_notice UNIQUE (allocation_id, level_no),
    CONSTRAINT fk_dunning_notice_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id),
    CONSTRAINT fk_dunning_notice_run FOREIGN KEY (run_id) REFERENCES arrears_run (id)
);

-- the arrears run reads the open instalments of every loan
CREATE INDEX ix_instalment_open ON instalment (status, allocation_id, due_date);
