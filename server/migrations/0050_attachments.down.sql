DROP TABLE uploads;
DROP TRIGGER attachments_thumbnail;
DROP TRIGGER attachments_unref;
DROP TRIGGER attachments_ref;
DROP TABLE attachments;
DROP TABLE blobs;
