-- Jobs that share a concurrency key (webhook deliveries: the board) are limited in how many run
-- at once, so one board's slow receivers cannot take every delivery slot of the worker.
ALTER TABLE jobs ADD COLUMN concurrency_key TEXT;
