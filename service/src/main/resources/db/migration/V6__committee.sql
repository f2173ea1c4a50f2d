-- Instruction and committees: the advisor's analysis note, committees and their members, sessions
-- with attendance, agenda items, conflicts of interest, votes, decisions linked to their item, and
-- the minutes kept at closing.

CREATE TABLE review (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    score_social_utility INT,
    score_economic_viability INT,
    score_team INT,
    score_financial_structure INT,
    score_territorial_anchoring INT,
    strengths VARCHAR(4000),
    risks VARCHAR(4000),
    recommendation VARCHAR(4000),
    author VARCHAR(254) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_review_application UNIQUE (application_id),
    CONSTRAINT fk_review_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE review_line (
    review_id BIGINT NOT NULL,
    line_no INT NOT NULL,
    instrument VARCHAR(20) NOT NULL,
    amount DECIMAL(15,2) NOT NULL,
    duration_months INT,
    bank_name VARCHAR(120),
    bank_loan_amount DECIMAL(15,2),
    guaranteed_share DECIMAL(5,2),
    PRIMARY KEY (review_id, line_no),
    CONSTRAINT fk_review_line_review FOREIGN KEY (review_id) REFERENCES review (id)
);

CREATE TABLE committee (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    association_id BIGINT NOT NULL,
    name VARCHAR(120) NOT NULL,
    quorum INT NOT NULL,
    active BOOLEAN DEFAULT TRUE NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_committee_association FOREIGN KEY (association_id) REFERENCES association (id),
    CONSTRAINT ck_committee_quorum CHECK (quorum >= 1)
);

CREATE TABLE committee_member (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    committee_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    member_role VARCHAR(10) NOT NULL,
    CONSTRAINT uk_committee_member UNIQUE (committee_id, account_id),
    CONSTRAINT fk_committee_member_committee FOREIGN KEY (committee_id) REFERENCES committee (id),
    CONSTRAINT fk_committee_member_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE committee_session (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    committee_id BIGINT NOT NULL,
    starts_at DATETIME(6) NOT NULL,
    place VARCHAR(200),
    video_link VARCHAR(500),
    status VARCHAR(10) NOT NULL,
    opened_at DATETIME(6),
    closed_at DATETIME(6),
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_session_committee FOREIGN KEY (committee_id) REFERENCES committee (id)
);
CREATE INDEX ix_session_committee_start ON committee_session (committee_id, starts_at);
CREATE INDEX ix_session_start ON committee_session (starts_at);

CREATE TABLE session_attendance (
    session_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (session_id, account_id),
    CONSTRAINT fk_attendance_session FOREIGN KEY (session_id) REFERENCES committee_session (id),
    CONSTRAINT fk_attendance_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

CREATE TABLE agenda_item (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    position INT NOT NULL,
    presenter_id BIGINT,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uk_agenda_item_application UNIQUE (session_id, application_id),
    CONSTRAINT fk_agenda_item_session FOREIGN KEY (session_id) REFERENCES committee_session (id),
    CONSTRAINT fk_agenda_item_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_agenda_item_presenter FOREIGN KEY (presenter_id) REFERENCES user_account (id)
);

CREATE TABLE conflict_of_interest (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    item_id BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    reason VARCHAR(500),
    declared_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_conflict UNIQUE (item_id, member_id),
    CONSTRAINT fk_conflict_item FOREIGN KEY (item_id) REFERENCES agenda_item (id),
    CONSTRAINT fk_conflict_member FOREIGN KEY (member_id) REFERENCES user_account (id)
);

-- One vote per member and item: a second vote updates the row.
CREATE TABLE committee_vote (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    item_id BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    choice VARCHAR(10) NOT NULL,
    cast_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_vote UNIQUE (item_id, member_id),
    CONSTRAINT fk_vote_item FOREIGN KEY (item_id) REFERENCES agenda_item (id),
    CONSTRAINT fk_vote_member FOREIGN KEY (member_id) REFERENCES user_account (id)
);

-- A decision belongs to at most one agenda item and an item has at most one decision: the unique
-- key is the database's own guard against two decisions recorded at once.
ALTER TABLE decision ADD COLUMN agenda_item_id BIGINT;
ALTER TABLE decision ADD CONSTRAINT uk_decision_agenda_item UNIQUE (agenda_item_id);
ALTER TABLE decision ADD CONSTRAINT fk_decision_agenda_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_item (id);

CREATE TABLE session_minutes (
    session_id BIGINT NOT NULL PRIMARY KEY,
    content LONGBLOB NOT NULL,
    sha256 CHAR(64) NOT NULL,
    generated_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_minutes_session FOREIGN KEY (session_id) REFERENCES committee_session (id)
);
