-- Issue 18: a chair can adjourn an open session; the reason is kept with the session (and in its minutes).
ALTER TABLE committee_session ADD COLUMN adjournment_reason VARCHAR(1000);
