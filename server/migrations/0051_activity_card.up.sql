-- Which card an activity entry is about (card, comment, checklist and attachment events), so a
-- card's whole history can be read page by page, and the event's details (for a move: the
-- columns it left and entered, by id and by their names at the time).
ALTER TABLE activity ADD COLUMN card_id TEXT;
ALTER TABLE activity ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
UPDATE activity SET card_id = entity_id WHERE action LIKE 'card.%';
UPDATE activity SET card_id = (SELECT card_id FROM comments WHERE comments.id = activity.entity_id)
    WHERE action LIKE 'comment.%';
UPDATE activity SET card_id = (SELECT card_id FROM checklist_items WHERE checklist_items.id = activity.entity_id)
    WHERE action LIKE 'checklist.%';
UPDATE activity SET card_id = (SELECT card_id FROM attachments WHERE attachments.id = activity.entity_id)
    WHERE action LIKE 'attachment.%';
CREATE INDEX activity_card ON activity(card_id, id) WHERE card_id IS NOT NULL;
