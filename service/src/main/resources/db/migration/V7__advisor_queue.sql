-- The advisors' work queue (fr.essor.service.application.ApplicationQueue) and their saved filters.
-- V7: V6 belongs to the advice records, written at the same time.

-- A filter an advisor saved under a name, in the query-string form of QueueFilter.serialize().
-- Saving the same name again replaces the filter: one row per account and name.
CREATE TABLE saved_filter (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT        NOT NULL,
    name        VARCHAR(80)   NOT NULL,
    filter      VARCHAR(2000) NOT NULL,
    version     BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_saved_filter_account_name UNIQUE (account_id, name),
    CONSTRAINT fk_saved_filter_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);

-- "My files" and "unassigned": the advisor (or NULL) and the status, both equalities.
CREATE INDEX ix_application_advisor_status ON application (assigned_advisor_id, status);
-- the default order (oldest submission first) and the submitted from/to criteria
CREATE INDEX ix_application_submitted ON application (submitted_at);
-- the association's enterprises, in name order (the scope of every queue query, sorted by enterprise)
CREATE INDEX ix_enterprise_association_name ON enterprise (association_id, legal_name);
