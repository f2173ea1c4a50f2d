-- Issue 13, item 5: the inbox. Its items are not stored: each is computed from the data it is about
-- (a file waiting for an answer, a condition to check, a vote to cast), so it can never drift from
-- them. Only what the person did with the inbox is stored: which items they have seen, whether they
-- want the daily digest, and which day's digest each of them was sent.

-- One row per item a person marked as seen; item_key names the item and the state it is in (a
-- condition refused again gets a new key, and shows as new).
CREATE TABLE inbox_seen (
    account_id  BIGINT       NOT NULL,
    item_key    VARCHAR(120) NOT NULL,
    seen_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id, item_key),
    CONSTRAINT fk_inbox_seen_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);

-- The people who asked for the daily digest of their inbox (none by default).
CREATE TABLE inbox_digest_subscription (
    account_id  BIGINT      NOT NULL PRIMARY KEY,
    since       DATETIME(6) NOT NULL,
    CONSTRAINT fk_inbox_digest_subscription_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);

-- The claim of one person's digest for one day, inserted in the transaction that queues the mail:
-- the unique key lets only one server (or one run) send it, however many try at once.
CREATE TABLE inbox_digest_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    digest_date  DATE        NOT NULL,
    item_count   INT         NOT NULL,
    message_id   BIGINT,
    claimed_at   DATETIME(6) NOT NULL,
    CONSTRAINT uk_inbox_digest_run UNIQUE (account_id, digest_date),
    CONSTRAINT fk_inbox_digest_run_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);
