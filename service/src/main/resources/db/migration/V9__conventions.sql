-- Convention money: partners' conventions with their eligibility rules and targets, granted lines
-- with an identity (money is allocated to a line), allocations, the append-only ledger of money
-- movements from which every partner figure is summed, and honour-loan repayment schedules.

-- Granted lines become rows with an id; the existing lines move over unchanged.
CREATE TABLE granted_line (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id BIGINT NOT NULL,
    line_no INT NOT NULL,
    instrument VARCHAR(20) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    duration_months INT,
    bank_name VARCHAR(120),
    bank_loan_amount DECIMAL(15,2),
    guaranteed_share DECIMAL(5,2),
    CONSTRAINT uk_granted_line UNIQUE (decision_id, line_no),
    CONSTRAINT fk_granted_line_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
    CONSTRAINT ck_granted_line_amount CHECK (amount > 0)
);
INSERT INTO granted_line (decision_id, line_no, instrument, amount, duration_months, bank_name, bank_loan_amount,
                          guaranteed_share)
    SELECT decision_id, line_no, instrument, amount, duration_months, bank_name, bank_loan_amount, guaranteed_share
    FROM decision_line ORDER BY decision_id, line_no;
DROP TABLE decision_line;
CREATE INDEX ix_granted_line_instrument ON granted_line (instrument);

CREATE TABLE convention (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference VARCHAR(40) NOT NULL,
    partner_id BIGINT NOT NULL,
    association_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    status VARCHAR(10) NOT NULL,
    revolving BOOLEAN DEFAULT FALSE NOT NULL,
    target_advised INT,
    target_financed INT,
    target_jobs DECIMAL(9,2),
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_convention_reference UNIQUE (reference),
    CONSTRAINT fk_convention_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT fk_convention_association FOREIGN KEY (association_id) REFERENCES association (id),
    CONSTRAINT ck_convention_amount CHECK (amount > 0),
    CONSTRAINT ck_convention_period CHECK (period_end >= period_start)
);
CREATE INDEX ix_convention_association_status ON convention (association_id, status);

CREATE TABLE convention_instrument (
    convention_id BIGINT NOT NULL,
    instrument VARCHAR(20) NOT NULL,
    PRIMARY KEY (convention_id, instrument),
    CONSTRAINT fk_convention_instrument FOREIGN KEY (convention_id) REFERENCES convention (id)
);
CREATE TABLE convention_department (
    convention_id BIGINT NOT NULL,
    department VARCHAR(3) NOT NULL,
    PRIMARY KEY (convention_id, department),
    CONSTRAINT fk_convention_department FOREIGN KEY (convention_id) REFERENCES convention (id)
);
CREATE TABLE convention_legal_form (
    convention_id BIGINT NOT NULL,
    legal_form VARCHAR(20) NOT NULL,
    PRIMARY KEY (convention_id, legal_form),
    CONSTRAINT fk_convention_legal_form FOREIGN KEY (convention_id) REFERENCES convention (id)
);
CREATE TABLE convention_stage (
    convention_id BIGINT NOT NULL,
    stage VARCHAR(20) NOT NULL,
    PRIMARY KEY (convention_id, stage),
    CONSTRAINT fk_convention_stage FOREIGN KEY (convention_id) REFERENCES convention (id)
);

-- The database checks what one row can: positive amounts, nothing released, disbursed or called
-- beyond the amount. Sums across rows (invariants 1 and 2) are checked by the service under a row
-- lock of the convention and of the granted line.
CREATE TABLE allocation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    convention_id BIGINT NOT NULL,
    granted_line_id BIGINT NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    released DECIMAL(15,2) DEFAULT 0 NOT NULL,
    disbursed DECIMAL(15,2) DEFAULT 0 NOT NULL,
    called DECIMAL(15,2) DEFAULT 0 NOT NULL,
    status VARCHAR(20) NOT NULL,
    allocated_on DATE NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_allocation_convention FOREIGN KEY (convention_id) REFERENCES convention (id),
    CONSTRAINT fk_allocation_line FOREIGN KEY (granted_line_id) REFERENCES granted_line (id),
    CONSTRAINT ck_allocation_amount CHECK (amount > 0),
    CONSTRAINT ck_allocation_released CHECK (released >= 0 AND released <= amount),
    CONSTRAINT ck_allocation_disbursed CHECK (disbursed >= 0 AND disbursed + released <= amount),
    CONSTRAINT ck_allocation_called CHECK (called >= 0 AND called + released <= amount)
);
CREATE INDEX ix_allocation_convention_status ON allocation (convention_id, status);
CREATE INDEX ix_allocation_line ON allocation (granted_line_id, status);

CREATE TABLE ledger_movement (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    convention_id BIGINT NOT NULL,
    allocation_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    occurred_on DATE NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    actor VARCHAR(254) NOT NULL,
    CONSTRAINT fk_movement_convention FOREIGN KEY (convention_id) REFERENCES convention (id),
    CONSTRAINT fk_movement_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id),
    CONSTRAINT ck_movement_amount CHECK (amount > 0)
);
CREATE INDEX ix_movement_convention_kind ON ledger_movement (convention_id, kind, occurred_on);
CREATE INDEX ix_movement_allocation ON ledger_movement (allocation_id, kind);

CREATE TABLE instalment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    allocation_id BIGINT NOT NULL,
    number INT NOT NULL,
    due_date DATE NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    paid_on DATE,
    status VARCHAR(12) NOT NULL,
    CONSTRAINT uk_instalment UNIQUE (allocation_id, number),
    CONSTRAINT fk_instalment_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id),
    CONSTRAINT ck_instalment_amount CHECK (amount > 0)
);
CREATE INDEX ix_instalment_due ON instalment (status, due_date);
