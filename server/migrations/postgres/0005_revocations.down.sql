DROP INDEX IF EXISTS revocations_expires;
DROP TABLE IF EXISTS revocations;
