-- Issue 18. A file attached to a message of the thread is kept apart from the documents of the
-- application: it is downloadable from the thread but never listed, counted or shown to the
-- committee as a document of the file (which is frozen once submitted).
ALTER TABLE application_document ADD COLUMN thread_attachment BOOLEAN DEFAULT FALSE NOT NULL;
-- Until now the only messages that name a document are those posted with an attachment.
UPDATE application_document SET thread_attachment = TRUE
 WHERE id IN (SELECT m.document_id FROM application_message m WHERE m.document_id IS NOT NULL);

-- Every co-owner invitation is answered by its recipient, who may decline it.
ALTER TABLE co_owner_invitation ADD COLUMN declined_at DATETIME(6);
