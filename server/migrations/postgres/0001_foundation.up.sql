-- Key/value facts about this server instance (e.g. when it was first started).
CREATE TABLE server_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
