-- Issue 16, a person's access and information.

-- The privacy notice each association shows to the people whose data it holds; the row whose scope is
-- '_NETWORK' is the network's default (an association code is upper-case letters only, never '_').
-- Up to 10,000 characters: a VARCHAR of that size fits a MariaDB row in utf8mb4 (40,000 bytes).
CREATE TABLE privacy_notice (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    scope       VARCHAR(10)    NOT NULL,
    body        VARCHAR(10000) NOT NULL,
    updated_at  DATETIME(6)    NOT NULL,
    updated_by  VARCHAR(254)   NOT NULL,
    version     BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_privacy_notice_scope UNIQUE (scope)
);

-- The optional mails (MailKind.optional()) a user has switched off; a kind not listed is sent.
CREATE TABLE mail_opt_out (
    account_id  BIGINT      NOT NULL,
    kind        VARCHAR(60) NOT NULL,
    PRIMARY KEY (account_id, kind),
    CONSTRAINT fk_mail_opt_out_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);
