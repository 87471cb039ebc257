-- Full-text search over card titles/descriptions and comment bodies: tsvector columns generated
-- from the row (so every write transaction updates the index with the change), GIN indexed.
-- 'simple' configuration: lower-cased words, no stemming, like FTS5's unicode61 tokenizer.
-- Titles weigh more than descriptions (weight A against D), as bm25(cards_fts, 4.0, 1.0) does.
ALTER TABLE cards ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'D')
) STORED;
CREATE INDEX cards_search ON cards USING GIN (search);
ALTER TABLE comments ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
CREATE INDEX comments_search ON comments USING GIN (search);
