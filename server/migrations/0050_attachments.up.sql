-- Attachments (issue 14). File bytes live in the blob store, content-addressed by SHA-256; a
-- blob row counts the attachments (and thumbnails) using it, kept right by triggers so a card or
-- board deleted by cascade releases its files too. Blobs at zero are removed by a worker job.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    refs INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX blobs_unreferenced ON blobs(refs) WHERE refs <= 0;
CREATE TABLE attachments (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    card_id TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    uploader_id TEXT NOT NULL REFERENCES users(id),
    filename TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    -- 'none' (not an image), 'pending', 'ready', 'refused' (too large or undecodable)
    thumbnail_state TEXT NOT NULL DEFAULT 'none',
    thumbnail_sha256 TEXT REFERENCES blobs(sha256),
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_card ON attachments(card_id, rid);
CREATE INDEX attachments_board ON attachments(board_id);
CREATE TRIGGER attachments_ref AFTER INSERT ON attachments
BEGIN
    UPDATE blobs SET refs = refs + 1 WHERE sha256 = NEW.sha256;
END;
CREATE TRIGGER attachments_unref AFTER DELETE ON attachments
BEGIN
    UPDATE blobs SET refs = refs - 1 WHERE sha256 = OLD.sha256;
    UPDATE blobs SET refs = refs - 1 WHERE sha256 = OLD.thumbnail_sha256;
END;
CREATE TRIGGER attachments_thumbnail AFTER UPDATE OF thumbnail_sha256 ON attachments
BEGIN
    UPDATE blobs SET refs = refs - 1 WHERE sha256 = OLD.thumbnail_sha256;
    UPDATE blobs SET refs = refs + 1 WHERE sha256 = NEW.thumbnail_sha256;
END;
-- Resumable (tus) uploads in progress: the bytes are in the data dir's uploads folder, the
-- running SHA-256 state is kept with the offset so a later PATCH (or a restarted server)
-- continues the hash without reading the file again.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    card_id TEXT NOT NULL,
    length INTEGER NOT NULL,
    received INTEGER NOT NULL DEFAULT 0,
    hash_state BLOB,
    filename TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '',
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX uploads_board ON uploads(board_id);
CREATE INDEX uploads_expiry ON uploads(expires_at);
