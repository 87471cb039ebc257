DROP TABLE uploads;
DROP TABLE attachments;
DROP FUNCTION attachments_thumbnail();
DROP FUNCTION attachments_unref();
DROP FUNCTION attachments_ref();
DROP TABLE blobs;
