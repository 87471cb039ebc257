DROP INDEX activity_card;
ALTER TABLE activity DROP COLUMN details;
ALTER TABLE activity DROP COLUMN card_id;
