-- Which members were sent a session's convocation for its current date and place, so that convening
-- again reaches only the members added since (issue 19). A new date or place empties it.
CREATE TABLE session_convocation (
    session_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (session_id, account_id),
    CONSTRAINT fk_convocation_session FOREIGN KEY (session_id) REFERENCES committee_session (id),
    CONSTRAINT fk_convocation_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);
