DROP TABLE idempotency_keys;
DROP TABLE activity;
DROP TABLE events;
