-- Issue 15, item 4: the advisor queue's text search read from an index. Each enterprise is listed
-- under the folded words of its legal name and its SIRET (fr.essor.model.enterprise.SearchTerms);
-- a search reads, for each word typed, the range of terms that begin with it. The rows of the
-- enterprises already there are written at the first start after this migration
-- (fr.essor.service.config.SearchIndex, called by DatabaseBootstrap).
CREATE TABLE enterprise_search_term (
    term VARCHAR(40) NOT NULL,
    enterprise_id BIGINT NOT NULL,
    PRIMARY KEY (term, enterprise_id),
    CONSTRAINT fk_search_term_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id) ON DELETE CASCADE
);
CREATE INDEX ix_search_term_enterprise ON enterprise_search_term (enterprise_id);
