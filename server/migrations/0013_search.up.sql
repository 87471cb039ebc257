-- Full-text search over card titles/descriptions and comment bodies, kept in sync by triggers
-- (so every write transaction updates the index with the change).
CREATE VIRTUAL TABLE cards_fts USING fts5(title, description, content='cards', content_rowid='rid');
CREATE VIRTUAL TABLE comments_fts USING fts5(body, content='comments', content_rowid='rid');
CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
    INSERT INTO cards_fts(rowid, title, description) VALUES (new.rid, new.title, new.description);
END;
CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
    INSERT INTO cards_fts(cards_fts, rowid, title, description) VALUES ('delete', old.rid, old.title, old.description);
END;
CREATE TRIGGER cards_fts_update AFTER UPDATE OF title, description ON cards BEGIN
    INSERT INTO cards_fts(cards_fts, rowid, title, description) VALUES ('delete', old.rid, old.title, old.description);
    INSERT INTO cards_fts(rowid, title, description) VALUES (new.rid, new.title, new.description);
END;
CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
    INSERT INTO comments_fts(rowid, body) VALUES (new.rid, new.body);
END;
CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
    INSERT INTO comments_fts(comments_fts, rowid, body) VALUES ('delete', old.rid, old.body);
END;
CREATE TRIGGER comments_fts_update AFTER UPDATE OF body ON comments BEGIN
    INSERT INTO comments_fts(comments_fts, rowid, body) VALUES ('delete', old.rid, old.body);
    INSERT INTO comments_fts(rowid, body) VALUES (new.rid, new.body);
END;
