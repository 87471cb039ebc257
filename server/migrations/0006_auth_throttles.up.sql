-- Per-account sign-in throttles shared by every instance on PostgreSQL (a token bucket per key;
-- SQLite has one process and keeps them in memory, the table stays empty there).
CREATE TABLE auth_throttles (
    key TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    updated_ms INTEGER NOT NULL
);
