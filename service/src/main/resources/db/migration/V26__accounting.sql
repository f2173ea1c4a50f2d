-- Issue 14, item 5: the accounting export. Each association's chart of accounts maps a ledger
-- movement kind (optionally for one instrument only; 'ALL' for every instrument) to the two lines of
-- a double entry: the account debited, the account credited, and the journal. An association with
-- no row here uses the default chart (a French PCG-like one, kept in the code: ChartOfAccounts).
CREATE TABLE account_mapping (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    association_id BIGINT NOT NULL,
    movement_kind VARCHAR(20) NOT NULL,
    instrument VARCHAR(20) NOT NULL,
    debit_account VARCHAR(20) NOT NULL,
    debit_label VARCHAR(100) NOT NULL,
    credit_account VARCHAR(20) NOT NULL,
    credit_label VARCHAR(100) NOT NULL,
    journal_code VARCHAR(10) NOT NULL,
    journal_label VARCHAR(100) NOT NULL,
    updated_by VARCHAR(254) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_account_mapping UNIQUE (association_id, movement_kind, instrument),
    CONSTRAINT fk_account_mapping_association FOREIGN KEY (association_id) REFERENCES association (id),
    CONSTRAINT ck_account_mapping_sides CHECK (debit_account <> credit_account)
);

-- the export reads an association's movements of a period in date order
CREATE INDEX ix_movement_occurred ON ledger_movement (occurred_on, convention_id);
