-- Essor core schema. Runs unchanged on H2 2.2 (MODE=LEGACY) and on MariaDB 10.11 / MySQL 8.
-- Column names and lengths mirror the @Column/@JoinColumn mappings and the *_MAX constants of the model.
-- Instants are DATETIME(6) holding UTC: no time-zone conversion by the server, no implicit
-- ON UPDATE default as TIMESTAMP may get, and no 2038 limit.
-- Every foreign key column is indexed by its constraint on both databases (InnoDB and H2 create the
-- index), e.g. application(enterprise_id), enterprise_owner(account_id); only other indexes are declared.

CREATE TABLE association (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(10)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    region      VARCHAR(100) NOT NULL,
    active      BOOLEAN DEFAULT TRUE NOT NULL,
    version     BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_association_code UNIQUE (code)
);

CREATE TABLE partner (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    version     BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_partner_name UNIQUE (name)
);

CREATE TABLE user_account (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    email            VARCHAR(254) NOT NULL,
    display_name     VARCHAR(120) NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    association_id   BIGINT,
    partner_id       BIGINT,
    active           BOOLEAN DEFAULT TRUE NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    preferred_locale VARCHAR(8),
    version          BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_user_account_email UNIQUE (email),
    CONSTRAINT fk_user_account_association FOREIGN KEY (association_id) REFERENCES association (id),
    CONSTRAINT fk_user_account_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE account_role (
    account_id  BIGINT      NOT NULL,
    role        VARCHAR(30) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);

CREATE TABLE enterprise (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    legal_name      VARCHAR(200) NOT NULL,
    siret           VARCHAR(14)  NOT NULL,
    legal_form      VARCHAR(20)  NOT NULL,
    esus_approved   BOOLEAN DEFAULT FALSE NOT NULL,
    address_line    VARCHAR(200),
    postal_code     VARCHAR(10),
    city            VARCHAR(100),
    department      VARCHAR(3),
    sector          VARCHAR(100),
    creation_date   DATE,
    employees_fte   DECIMAL(7,2),
    association_id  BIGINT NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_enterprise_siret UNIQUE (siret),
    CONSTRAINT fk_enterprise_association FOREIGN KEY (association_id) REFERENCES association (id)
);
CREATE INDEX ix_enterprise_department ON enterprise (department);

CREATE TABLE enterprise_owner (
    enterprise_id  BIGINT NOT NULL,
    account_id     BIGINT NOT NULL,
    PRIMARY KEY (enterprise_id, account_id),
    CONSTRAINT fk_enterprise_owner_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id) ON DELETE CASCADE,
    CONSTRAINT fk_enterprise_owner_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE application (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference            VARCHAR(30)   NOT NULL,
    enterprise_id        BIGINT        NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    stage                VARCHAR(20)   NOT NULL,
    description          VARCHAR(4000),
    status               VARCHAR(30)   NOT NULL,
    assigned_advisor_id  BIGINT,
    created_at           DATETIME(6)   NOT NULL,
    submitted_at         DATETIME(6),
    decided_at           DATETIME(6),
    version              BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_application_reference UNIQUE (reference),
    CONSTRAINT fk_application_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_application_advisor FOREIGN KEY (assigned_advisor_id) REFERENCES user_account (id)
);
CREATE INDEX ix_application_status ON application (status);

CREATE TABLE application_status_change (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id        BIGINT       NOT NULL,
    from_status           VARCHAR(30),
    to_status             VARCHAR(30)  NOT NULL,
    occurred_at           DATETIME(6)  NOT NULL,
    actor                 VARCHAR(254) NOT NULL,
    comment_text          VARCHAR(2000),
    visible_to_applicant  BOOLEAN DEFAULT TRUE NOT NULL,
    CONSTRAINT fk_status_change_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_status_change_application ON application_status_change (application_id, occurred_at);
CREATE INDEX ix_status_change_to_status ON application_status_change (to_status, occurred_at);

-- Append-only. previous_hash is unique: two events can never claim the same predecessor, so
-- concurrent writers cannot fork the chain (the loser's insert fails and is retried).
CREATE TABLE audit_event (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)   NOT NULL,
    actor          VARCHAR(254)  NOT NULL,
    entity_type    VARCHAR(60)   NOT NULL,
    entity_id      VARCHAR(60)   NOT NULL,
    action         VARCHAR(60)   NOT NULL,
    summary        VARCHAR(1000),
    previous_hash  CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL,
    CONSTRAINT uk_audit_event_hash UNIQUE (hash),
    CONSTRAINT uk_audit_event_previous_hash UNIQUE (previous_hash)
);
CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id);
CREATE INDEX ix_audit_event_actor ON audit_event (actor);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);

-- Next sequence number of application references per association and year
-- (read with SELECT ... FOR UPDATE, or an UPDATE first, in the transaction that files the application).
CREATE TABLE reference_counter (
    association_code  VARCHAR(10) NOT NULL,
    ref_year          INT         NOT NULL,
    next_value        BIGINT DEFAULT 1 NOT NULL,
    PRIMARY KEY (association_code, ref_year)
);
