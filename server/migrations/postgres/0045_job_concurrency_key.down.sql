ALTER TABLE jobs DROP COLUMN concurrency_key;
