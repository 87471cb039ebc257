DROP TRIGGER comments_fts_update;
DROP TRIGGER comments_fts_delete;
DROP TRIGGER comments_fts_insert;
DROP TRIGGER cards_fts_update;
DROP TRIGGER cards_fts_delete;
DROP TRIGGER cards_fts_insert;
DROP TABLE comments_fts;
DROP TABLE cards_fts;
