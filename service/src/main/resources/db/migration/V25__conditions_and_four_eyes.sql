-- Issue 13, items 1 and 3: the conditions precedent of an approval, each an item to lift, and the
-- four-eyes rule on money (a movement above the association's threshold is proposed, then approved
-- or rejected by another person).
ALTER TABLE association ADD COLUMN four_eyes_threshold DECIMAL(15,2) DEFAULT 10000.00 NOT NULL;

CREATE TABLE decision_condition (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    version BIGINT NOT NULL,
    decision_id BIGINT NOT NULL,
    granted_line_id BIGINT,
    kind VARCHAR(20) NOT NULL,
    text VARCHAR(1000) NOT NULL,
    lifted_by_role VARCHAR(20) NOT NULL,
    due_date DATE NOT NULL,
    status VARCHAR(12) NOT NULL,
    document_id BIGINT,
    comment_text VARCHAR(1000),
    decided_by VARCHAR(254),
    decided_at DATETIME(6),
    created_by VARCHAR(254) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_condition_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
    CONSTRAINT fk_condition_line FOREIGN KEY (granted_line_id) REFERENCES granted_line (id)
);
-- document_id names the file the entrepreneur provided; no foreign key, so that the retention of
-- personal data may still delete a document (the condition keeps its status and who decided)
CREATE INDEX ix_condition_decision ON decision_condition (decision_id, status);
CREATE INDEX ix_condition_due ON decision_condition (status, due_date);

CREATE TABLE money_proposal (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    version BIGINT NOT NULL,
    allocation_id BIGINT NOT NULL,
    association_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    occurred_on DATE NOT NULL,
    status VARCHAR(10) NOT NULL,
    proposed_by VARCHAR(254) NOT NULL,
    proposed_at DATETIME(6) NOT NULL,
    decided_by VARCHAR(254),
    decided_at DATETIME(6),
    reason VARCHAR(1000),
    CONSTRAINT fk_proposal_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id),
    CONSTRAINT fk_proposal_association FOREIGN KEY (association_id) REFERENCES association (id)
);
CREATE INDEX ix_proposal_pending ON money_proposal (association_id, status, proposed_at);
CREATE INDEX ix_proposal_allocation ON money_proposal (allocation_id, status);
