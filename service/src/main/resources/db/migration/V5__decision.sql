-- Committee decisions on applications and the lines they grant. The committee session that made
-- a decision is linked when committees exist (a later migration).
CREATE TABLE decision (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    conditions VARCHAR(4000),
    reasons VARCHAR(4000),
    decision_date DATE NOT NULL,
    decided_at DATETIME(6) NOT NULL,
    decided_by VARCHAR(254) NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_decision_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_decision_date ON decision (decision_date);

CREATE TABLE decision_line (
    decision_id BIGINT NOT NULL,
    line_no INT NOT NULL,
    instrument VARCHAR(20) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    duration_months INT,
    bank_name VARCHAR(120),
    bank_loan_amount DECIMAL(15,2),
    guaranteed_share DECIMAL(5,2),
    PRIMARY KEY (decision_id, line_no),
    CONSTRAINT fk_decision_line_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
    CONSTRAINT ck_decision_line_amount CHECK (amount > 0)
);
