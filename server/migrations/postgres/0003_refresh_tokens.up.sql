-- Refresh tokens, stored as SHA-256 hashes only. A family is one sign-in and every token rotated
-- from it; presenting a spent token revokes the whole family.
CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id TEXT NOT NULL,
    parent_id TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    device_label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_used_at TEXT,
    spent_at TEXT,
    revoked_at TEXT,
    revoked_reason TEXT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id, revoked_at);
