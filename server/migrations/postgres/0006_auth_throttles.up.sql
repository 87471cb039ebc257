-- Per-account sign-in throttles shared by every instance (a token bucket per key, updated under
-- the row's lock): N instances still let only the limit through per account.
CREATE TABLE auth_throttles (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    updated_ms BIGINT NOT NULL
);
