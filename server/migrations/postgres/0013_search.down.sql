DROP INDEX comments_search;
ALTER TABLE comments DROP COLUMN search;
DROP INDEX cards_search;
ALTER TABLE cards DROP COLUMN search;
