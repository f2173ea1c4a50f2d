-- Issue 12, part 3: rules per association, within the network's rules. Every change is a new,
-- immutable version; an application keeps the association's version in force when it was submitted.

-- The network's limits per instrument (the national head's), versioned.
CREATE TABLE network_limits (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    number      INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    CONSTRAINT uk_network_limits_number UNIQUE (number)
);

CREATE TABLE network_limit (
    limits_id            BIGINT        NOT NULL,
    instrument           VARCHAR(20)   NOT NULL,
    min_amount           DECIMAL(15,2) NOT NULL,
    max_amount           DECIMAL(15,2) NOT NULL,
    max_duration_months  INT,
    max_guarantee_share  DECIMAL(5,2),
    PRIMARY KEY (limits_id, instrument),
    CONSTRAINT fk_network_limit_limits FOREIGN KEY (limits_id) REFERENCES network_limits (id)
);

-- Version 1 reproduces the limits Essor checked before rules existed (Instrument's own bounds).
INSERT INTO network_limits (number, created_at, created_by) VALUES (1, CURRENT_TIMESTAMP, 'system');
INSERT INTO network_limit (limits_id, instrument, min_amount, max_amount, max_duration_months, max_guarantee_share)
SELECT id, 'GRANT', 0.01, 50000.00, NULL, NULL FROM network_limits WHERE number = 1;
INSERT INTO network_limit (limits_id, instrument, min_amount, max_amount, max_duration_months, max_guarantee_share)
SELECT id, 'HONOUR_LOAN', 0.01, 30000.00, 84, NULL FROM network_limits WHERE number = 1;
INSERT INTO network_limit (limits_id, instrument, min_amount, max_amount, max_duration_months, max_guarantee_share)
SELECT id, 'GUARANTEE', 0.01, 200000.00, 120, 80.00 FROM network_limits WHERE number = 1;
INSERT INTO network_limit (limits_id, instrument, min_amount, max_amount, max_duration_months, max_guarantee_share)
SELECT id, 'QUASI_EQUITY', 0.01, 300000.00, 120, NULL FROM network_limits WHERE number = 1;
INSERT INTO network_limit (limits_id, instrument, min_amount, max_amount, max_duration_months, max_guarantee_share)
SELECT id, 'EQUITY', 0.01, 500000.00, NULL, NULL FROM network_limits WHERE number = 1;

-- An association's rules, one row per version (number 1, 2, … per association).
CREATE TABLE association_rules (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    association_id    BIGINT       NOT NULL,
    number            INT          NOT NULL,
    network_limits_id BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    created_by        VARCHAR(254) NOT NULL,
    quorum            INT,
    majority          VARCHAR(20)  NOT NULL,
    CONSTRAINT uk_association_rules_number UNIQUE (association_id, number),
    CONSTRAINT fk_association_rules_association FOREIGN KEY (association_id) REFERENCES association (id),
    CONSTRAINT fk_association_rules_network FOREIGN KEY (network_limits_id) REFERENCES network_limits (id)
);

-- The instruments a version offers, each with its limits (within the network's).
CREATE TABLE association_rule_instrument (
    rules_id             BIGINT        NOT NULL,
    instrument           VARCHAR(20)   NOT NULL,
    min_amount           DECIMAL(15,2) NOT NULL,
    max_amount           DECIMAL(15,2) NOT NULL,
    max_duration_months  INT,
    max_guarantee_share  DECIMAL(5,2),
    PRIMARY KEY (rules_id, instrument),
    CONSTRAINT fk_rule_instrument_rules FOREIGN KEY (rules_id) REFERENCES association_rules (id)
);

-- The document checklist: the kinds required when a file requests an instrument.
CREATE TABLE association_rule_document (
    rules_id    BIGINT      NOT NULL,
    instrument  VARCHAR(20) NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    PRIMARY KEY (rules_id, instrument, kind),
    CONSTRAINT fk_rule_document_rules FOREIGN KEY (rules_id) REFERENCES association_rules (id)
);

-- The scoring grid: the criteria the analysis scores, and their weights.
CREATE TABLE association_rule_criterion (
    rules_id   BIGINT      NOT NULL,
    criterion  VARCHAR(30) NOT NULL,
    weight     INT         NOT NULL,
    PRIMARY KEY (rules_id, criterion),
    CONSTRAINT fk_rule_criterion_rules FOREIGN KEY (rules_id) REFERENCES association_rules (id)
);

-- The version a file was submitted under (null for a draft; files submitted before rules existed
-- are given their association's version 1 below, which reproduces the rules of that time).
ALTER TABLE application ADD rules_id BIGINT;
ALTER TABLE application ADD CONSTRAINT fk_application_rules FOREIGN KEY (rules_id) REFERENCES association_rules (id);

INSERT INTO association_rules (association_id, number, network_limits_id, created_at, created_by, quorum, majority)
SELECT a.id, 1, n.id, CURRENT_TIMESTAMP, 'system', NULL, 'SIMPLE' FROM association a, network_limits n WHERE n.number = 1;
INSERT INTO association_rule_instrument (rules_id, instrument, min_amount, max_amount, max_duration_months, max_guarantee_share)
SELECT r.id, l.instrument, l.min_amount, l.max_amount, l.max_duration_months, l.max_guarantee_share
FROM association_rules r JOIN network_limit l ON l.limits_id = r.network_limits_id;
INSERT INTO association_rule_criterion (rules_id, criterion, weight)
SELECT r.id, c.criterion, 1 FROM association_rules r,
    (SELECT 'SOCIAL_UTILITY' AS criterion UNION ALL SELECT 'ECONOMIC_VIABILITY' UNION ALL SELECT 'TEAM'
     UNION ALL SELECT 'FINANCIAL_STRUCTURE' UNION ALL SELECT 'TERRITORIAL_ANCHORING') c;
UPDATE application SET rules_id = (SELECT r.id FROM association_rules r JOIN enterprise e ON e.association_id = r.association_id
    WHERE e.id = application.enterprise_id) WHERE submitted_at IS NOT NULL;
