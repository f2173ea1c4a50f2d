-- An owner invites someone without an account to co-own an enterprise. Only the SHA-256 of the
-- invitation's token is kept: the token itself travels in the mail's registration link, and
-- registering through that link with the invited address makes the new account an owner.
-- An enterprise's invitations are listed through ix_co_owner_invitation_enterprise (which also
-- serves the foreign key on enterprise_id).
CREATE TABLE co_owner_invitation (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    enterprise_id   BIGINT        NOT NULL,
    email           VARCHAR(254)  NOT NULL,
    token_hash      CHAR(64)      NOT NULL,
    invited_by_id   BIGINT        NOT NULL,
    invited_at      DATETIME(6)   NOT NULL,
    expires_at      DATETIME(6)   NOT NULL,
    accepted_at     DATETIME(6),
    accepted_by_id  BIGINT,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_co_owner_invitation_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_co_owner_invitation_inviter FOREIGN KEY (invited_by_id) REFERENCES user_account (id),
    CONSTRAINT fk_co_owner_invitation_acceptor FOREIGN KEY (accepted_by_id) REFERENCES user_account (id),
    CONSTRAINT uk_co_owner_invitation_token UNIQUE (token_hash),
    CONSTRAINT ck_co_owner_invitation_expiry CHECK (expires_at > invited_at)
);
CREATE INDEX ix_co_owner_invitation_enterprise ON co_owner_invitation (enterprise_id, email);
