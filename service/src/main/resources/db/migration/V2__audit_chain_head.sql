-- The head of the audit hash chain: one row, locked FOR UPDATE by every append so that the
-- chain stays linear even with several servers writing at once.
CREATE TABLE audit_chain_head (
    id INT NOT NULL PRIMARY KEY,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_hash) VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000');
