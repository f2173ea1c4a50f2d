-- Issue 14, items 1 and 2: loan products, schedules with capital and interest, repayments of any
-- amount (split per instalment), their reversal, reschedulings keeping the replaced schedules.
-- docs/LOANS.md explains the arithmetic and the order repayments are applied in.

CREATE TABLE loan_product (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(30) NOT NULL,
    name VARCHAR(120) NOT NULL,
    instrument VARCHAR(20) NOT NULL,
    min_rate DECIMAL(6,3) NOT NULL,
    max_rate DECIMAL(6,3) NOT NULL,
    min_duration_months INT NOT NULL,
    max_duration_months INT NOT NULL,
    max_grace_months INT NOT NULL,
    frequency VARCHAR(12) NOT NULL,
    grace_interest VARCHAR(12) NOT NULL,
    CONSTRAINT uk_loan_product_code UNIQUE (code),
    CONSTRAINT ck_loan_product_rate CHECK (min_rate >= 0 AND min_rate <= max_rate AND max_rate <= 20),
    CONSTRAINT ck_loan_product_duration CHECK (min_duration_months > 0 AND min_duration_months <= max_duration_months),
    CONSTRAINT ck_loan_product_grace CHECK (max_grace_months >= 0 AND max_grace_months < max_duration_months)
);

INSERT INTO loan_product (code, name, instrument, min_rate, max_rate, min_duration_months, max_duration_months,
    max_grace_months, frequency, grace_interest)
VALUES ('HONOUR', 'Prêt d''honneur (0 %)', 'HONOUR_LOAN', 0, 0, 12, 84, 12, 'MONTHLY', 'PAID');
INSERT INTO loan_product (code, name, instrument, min_rate, max_rate, min_duration_months, max_duration_months,
    max_grace_months, frequency, grace_interest)
VALUES ('PARTICIPATIVE', 'Prêt participatif mensuel', 'QUASI_EQUITY', 1, 4, 12, 120, 24, 'MONTHLY', 'PAID');
INSERT INTO loan_product (code, name, instrument, min_rate, max_rate, min_duration_months, max_duration_months,
    max_grace_months, frequency, grace_interest)
VALUES ('PARTICIPATIVE_Q', 'Prêt participatif trimestriel, différé capitalisé', 'QUASI_EQUITY', 1, 4, 12, 120, 24,
    'QUARTERLY', 'CAPITALISED');

ALTER TABLE allocation ADD COLUMN loan_product_id BIGINT;
ALTER TABLE allocation ADD COLUMN annual_rate DECIMAL(6,3);
ALTER TABLE allocation ADD COLUMN term_months INT;
ALTER TABLE allocation ADD COLUMN grace_months INT;
ALTER TABLE allocation ADD COLUMN schedule_version INT DEFAULT 1 NOT NULL;
ALTER TABLE allocation ADD CONSTRAINT fk_allocation_loan_product FOREIGN KEY (loan_product_id) REFERENCES loan_product (id);

-- an instalment's capital and interest (amount stays their total) and what was paid of each
ALTER TABLE instalment ADD COLUMN capital DECIMAL(15,2);
ALTER TABLE instalment ADD COLUMN interest DECIMAL(15,2);
ALTER TABLE instalment ADD COLUMN paid_capital DECIMAL(15,2) DEFAULT 0 NOT NULL;
ALTER TABLE instalment ADD COLUMN paid_interest DECIMAL(15,2) DEFAULT 0 NOT NULL;
UPDATE instalment SET capital = amount, interest = 0;
UPDATE instalment SET paid_capital = amount WHERE status = 'PAID';

-- a reversed repayment is a REPAYMENT of the opposite amount: every sum of REPAYMENT rows stays right
ALTER TABLE ledger_movement DROP CONSTRAINT ck_movement_amount;
ALTER TABLE ledger_movement ADD CONSTRAINT ck_movement_amount CHECK (amount > 0 OR (kind = 'REPAYMENT' AND amount < 0));

CREATE TABLE repayment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    allocation_id BIGINT NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    paid_on DATE NOT NULL,
    recorded_by VARCHAR(254) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    schedule_version INT NOT NULL,
    reversed_by VARCHAR(254),
    reversed_at DATETIME(6),
    reversal_reason VARCHAR(500),
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_repayment_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id),
    CONSTRAINT ck_repayment_amount CHECK (amount > 0)
);
CREATE INDEX ix_repayment_allocation ON repayment (allocation_id, paid_on);

CREATE TABLE repayment_part (
    repayment_id BIGINT NOT NULL,
    instalment_number INT NOT NULL,
    interest DECIMAL(15,2) NOT NULL,
    capital DECIMAL(15,2) NOT NULL,
    CONSTRAINT pk_repayment_part PRIMARY KEY (repayment_id, instalment_number),
    CONSTRAINT fk_repayment_part_repayment FOREIGN KEY (repayment_id) REFERENCES repayment (id),
    CONSTRAINT ck_repayment_part CHECK (interest >= 0 AND capital >= 0 AND interest + capital > 0)
);

CREATE TABLE instalment_history (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    allocation_id BIGINT NOT NULL,
    schedule_version INT NOT NULL,
    number INT NOT NULL,
    due_date DATE NOT NULL,
    capital DECIMAL(15,2) NOT NULL,
    interest DECIMAL(15,2) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    paid_capital DECIMAL(15,2) NOT NULL,
    paid_interest DECIMAL(15,2) NOT NULL,
    status VARCHAR(12) NOT NULL,
    CONSTRAINT uk_instalment_history UNIQUE (allocation_id, schedule_version, number),
    CONSTRAINT fk_instalment_history_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id)
);

CREATE TABLE rescheduling (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    allocation_id BIGINT NOT NULL,
    from_version INT NOT NULL,
    to_version INT NOT NULL,
    duration_months INT NOT NULL,
    moratorium_months INT NOT NULL,
    first_due DATE NOT NULL,
    remaining_capital DECIMAL(15,2) NOT NULL,
    carried_interest DECIMAL(15,2) NOT NULL,
    rescheduled_on DATE NOT NULL,
    recorded_by VARCHAR(254) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_rescheduling UNIQUE (allocation_id, from_version),
    CONSTRAINT fk_rescheduling_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id)
);
