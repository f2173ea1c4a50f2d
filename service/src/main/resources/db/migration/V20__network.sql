-- Issue 12 (network): a partner is national (no association) or local to one association, and has
-- contacts. The territory itself is association_department (V3): its primary key on the
-- département is what makes "one association per département" hold when two administrators
-- assign the same one at once.
ALTER TABLE partner ADD COLUMN association_id BIGINT;
ALTER TABLE partner ADD CONSTRAINT fk_partner_association FOREIGN KEY (association_id) REFERENCES association (id);

CREATE TABLE partner_contact (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner_id    BIGINT       NOT NULL,
    name          VARCHAR(120) NOT NULL,
    email         VARCHAR(254),
    phone         VARCHAR(30),
    contact_role  VARCHAR(120),
    version       BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_partner_contact_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
