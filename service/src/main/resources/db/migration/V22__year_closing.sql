-- Issue 12, part 4: a year's figures published by the national head. Closing a year freezes them here
-- (the network and each association, with their breakdowns); the indicators of a closed year are read
-- from these rows, so that a support record or a decision backdated into it cannot change what partners
-- were told. Reopening keeps the rows as history: closed_year goes back to NULL, and the unique key on it
-- lets one closing only be in force per year (two concurrent closings: one wins, the other is refused).
CREATE TABLE year_closing (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    closing_year   INT          NOT NULL,
    closed_year    INT,
    closed_at      DATETIME(6)  NOT NULL,
    closed_by      VARCHAR(254) NOT NULL,
    reopened_at    DATETIME(6),
    reopened_by    VARCHAR(254),
    reopen_reason  VARCHAR(500),
    version        BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_year_closing_in_force UNIQUE (closed_year)
);
CREATE INDEX ix_year_closing_year ON year_closing (closing_year, id);

-- The published headline figures: one row for the network (association_id NULL) and one per association.
CREATE TABLE published_figure (
    closing_id       BIGINT        NOT NULL,
    association_id   BIGINT,
    advised          BIGINT        NOT NULL,
    financed         BIGINT        NOT NULL,
    mobilised        DECIMAL(15,2) NOT NULL,
    granted          DECIMAL(15,2) NOT NULL,
    leverage         DECIMAL(15,2) NOT NULL,
    jobs_created     DECIMAL(15,2) NOT NULL,
    jobs_maintained  DECIMAL(15,2) NOT NULL,
    CONSTRAINT fk_published_figure_closing FOREIGN KEY (closing_id) REFERENCES year_closing (id),
    CONSTRAINT fk_published_figure_association FOREIGN KEY (association_id) REFERENCES association (id)
);
CREATE INDEX ix_published_figure_closing ON published_figure (closing_id, association_id);

-- The published breakdowns of each scope: dimension INSTRUMENT (financed is 0: amounts granted),
-- DEPARTMENT, LEGAL_FORM or STAGE (enterprises financed and amount mobilised).
CREATE TABLE published_breakdown (
    closing_id      BIGINT        NOT NULL,
    association_id  BIGINT,
    dimension       VARCHAR(20)   NOT NULL,
    item            VARCHAR(40)   NOT NULL,
    financed        BIGINT        NOT NULL,
    amount          DECIMAL(15,2) NOT NULL,
    CONSTRAINT fk_published_breakdown_closing FOREIGN KEY (closing_id) REFERENCES year_closing (id),
    CONSTRAINT fk_published_breakdown_association FOREIGN KEY (association_id) REFERENCES association (id)
);
CREATE INDEX ix_published_breakdown_closing ON published_breakdown (closing_id, association_id);
