-- In-app notifications. dedupe_key is the natural key (kind + card + user + subject, e.g. the
-- due date for reminders) so a job that runs twice inserts once. seq orders rows for the live
-- push pump of the server process.
CREATE TABLE notifications (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    board_id TEXT,
    card_id TEXT,
    actor_id TEXT,
    data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, seq);
