-- Assignees the notifier has already told about, per card: a card event whose assignee_ids
-- holds someone not listed here means that person was just assigned.
CREATE TABLE notified_assignees (
    card_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (card_id, user_id)
);
