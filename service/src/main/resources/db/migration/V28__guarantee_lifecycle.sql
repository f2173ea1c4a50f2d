-- Issue 14, item 4: the life of a guarantee. The bank loan a guarantee allocation covers, with its
-- amortisation (so that the guaranteed outstanding falls with the bank's outstanding capital), the
-- commission charged on it, the bank's calls after a default, their payment, later recoveries and the
-- release at the end of the bank loan. docs/LOANS.md, section "Guarantees", explains the rules.

CREATE TABLE guaranteed_loan (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    version BIGINT NOT NULL,
    allocation_id BIGINT NOT NULL,
    bank_name VARCHAR(120) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    annual_rate DECIMAL(6,3) NOT NULL,
    duration_months INT NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    quota DECIMAL(5,2) NOT NULL,
    guaranteed DECIMAL(15,2) NOT NULL,
    commission_rate DECIMAL(6,3) NOT NULL,
    commission DECIMAL(15,2) NOT NULL,
    status VARCHAR(12) NOT NULL,
    released_on DATE,
    released_by VARCHAR(254),
    recorded_by VARCHAR(254) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_guaranteed_loan_allocation UNIQUE (allocation_id),
    CONSTRAINT fk_guaranteed_loan_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id),
    CONSTRAINT ck_guaranteed_loan_amount CHECK (amount > 0 AND guaranteed > 0 AND commission >= 0),
    CONSTRAINT ck_guaranteed_loan_quota CHECK (quota > 0 AND quota <= 100),
    CONSTRAINT ck_guaranteed_loan_dates CHECK (end_date > start_date)
);
CREATE INDEX ix_guaranteed_loan_status ON guaranteed_loan (status, end_date);

-- the bank's schedule: the capital it falls by on each due date (what the exposure is computed from)
CREATE TABLE guaranteed_loan_line (
    loan_id BIGINT NOT NULL,
    number INT NOT NULL,
    due_date DATE NOT NULL,
    capital DECIMAL(15,2) NOT NULL,
    interest DECIMAL(15,2) NOT NULL,
    remaining DECIMAL(15,2) NOT NULL,
    CONSTRAINT pk_guaranteed_loan_line PRIMARY KEY (loan_id, number),
    CONSTRAINT fk_guaranteed_loan_line_loan FOREIGN KEY (loan_id) REFERENCES guaranteed_loan (id),
    CONSTRAINT ck_guaranteed_loan_line CHECK (capital >= 0 AND interest >= 0 AND remaining >= 0)
);
CREATE INDEX ix_guaranteed_loan_line_due ON guaranteed_loan_line (loan_id, due_date);

CREATE TABLE guarantee_call (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    version BIGINT NOT NULL,
    loan_id BIGINT NOT NULL,
    default_date DATE NOT NULL,
    outstanding_at_default DECIMAL(15,2) NOT NULL,
    cap DECIMAL(15,2) NOT NULL,
    claimed DECIMAL(15,2) NOT NULL,
    status VARCHAR(10) NOT NULL,
    proposal_id BIGINT,
    paid_on DATE,
    paid_by VARCHAR(254),
    recovered DECIMAL(15,2) DEFAULT 0 NOT NULL,
    recorded_by VARCHAR(254) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_guarantee_call_loan FOREIGN KEY (loan_id) REFERENCES guaranteed_loan (id),
    CONSTRAINT ck_guarantee_call_amount CHECK (claimed > 0 AND claimed <= cap AND recovered >= 0 AND recovered <= claimed)
);
CREATE INDEX ix_guarantee_call_loan ON guarantee_call (loan_id, default_date);

CREATE TABLE guarantee_recovery (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id BIGINT NOT NULL,
    loan_id BIGINT NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    received_on DATE NOT NULL,
    recorded_by VARCHAR(254) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_guarantee_recovery_call FOREIGN KEY (call_id) REFERENCES guarantee_call (id),
    CONSTRAINT fk_guarantee_recovery_loan FOREIGN KEY (loan_id) REFERENCES guaranteed_loan (id),
    CONSTRAINT ck_guarantee_recovery_amount CHECK (amount > 0)
);
CREATE INDEX ix_guarantee_recovery_loan ON guarantee_recovery (loan_id, received_on);
