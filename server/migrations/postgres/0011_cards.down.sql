DROP TABLE comment_mentions;
DROP TABLE comments;
DROP TABLE checklist_items;
DROP TABLE card_assignees;
DROP TABLE card_labels;
DROP TABLE cards;
