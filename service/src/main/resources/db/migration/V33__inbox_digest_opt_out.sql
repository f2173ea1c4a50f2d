-- Issue 13, item 5: the daily digest goes to every active account unless its owner switched it off
-- ("a daily digest mail that each user can switch off"); V31 had it off until asked for. It is now an
-- optional mail kind like the others: a refusal is a row (account, 'INBOX_DIGEST') of mail_opt_out.
-- Those who had asked for it keep it, as does everybody else.
DROP TABLE inbox_digest_subscription;
