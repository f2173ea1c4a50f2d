-- The mail outbox: messages are written in the transaction of the change they report and sent
-- later by a timer (fr.essor.service.mail.OutboxSender), with retries.
-- V4: V3 belongs to the application journey, written at the same time.
CREATE TABLE outbox_message (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    -- up to 20,000 characters: more than a VARCHAR row allows on MariaDB in utf8mb4
    body             MEDIUMTEXT    NOT NULL,
    kind             VARCHAR(60)   NOT NULL,
    locale           VARCHAR(8),
    status           VARCHAR(10)   NOT NULL,
    attempts         INT DEFAULT 0 NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    last_error       VARCHAR(1000),
    created_at       DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6),
    related_entity   VARCHAR(60),
    related_id       VARCHAR(60),
    version          BIGINT DEFAULT 0 NOT NULL
);
-- the sender's query: due PENDING messages, oldest first
CREATE INDEX ix_outbox_message_due ON outbox_message (status, next_attempt_at);
CREATE INDEX ix_outbox_message_created ON outbox_message (created_at);
