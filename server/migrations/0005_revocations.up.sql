-- Revocations that must reach every server thread and instance at once: a signed-out session
-- (a refresh-token family, the `sid` of its access tokens) or a changed user (disabled, role).
-- Each instance keeps the unexpired rows in memory and reads new ones by id every few hundred
-- milliseconds; a row is useless once no access token it could stop is still valid.
CREATE TABLE revocations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('session', 'user_disabled', 'user_changed')),
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX revocations_expires ON revocations (expires_at);
