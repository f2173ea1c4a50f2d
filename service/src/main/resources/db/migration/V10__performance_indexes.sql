-- Indexes found missing by the network-scale benchmarks (docs/PERFORMANCE.md: 35 associations, 300,000
-- applications). Runs on H2 (MODE=LEGACY) and MariaDB/MySQL.

-- A year's approved decisions (indicators, OPERATING_SUPPORT targets) from the index alone: the range on
-- decision_date alone made MariaDB scan the whole table, each row read for outcome and application_id.
CREATE INDEX ix_decision_date_outcome ON decision (decision_date, outcome, application_id);

-- The advisor queue is scoped by the enterprises of an association: from each enterprise, its applications
-- with status and submission date, so that counting a queue and choosing the rows of a page (sorted by date)
-- read this index only; the page's 25 rows are then read by id.
CREATE INDEX ix_application_enterprise_status ON application (enterprise_id, status, submitted_at);

-- A convention's figures (allocated, disbursed, repaid) and its month-by-month consumption, summed from its
-- ledger under the allocation lock and on every partner dashboard: from the index alone, without reading
-- each movement's row (ix_movement_convention_kind lacked the amount).
CREATE INDEX ix_movement_convention_kind_amount ON ledger_movement (convention_id, kind, occurred_on, amount);
