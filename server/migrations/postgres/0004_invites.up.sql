-- Admin-issued invite codes, stored as SHA-256 hashes; code_prefix lets admins tell them apart.
CREATE TABLE invites (
    code_hash TEXT PRIMARY KEY,
    code_prefix TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    created_by TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX invites_created_at ON invites (created_at);
